package org.conclave.meeting.control;

import java.security.SecureRandom;

/**
 * Passcodes people can read aloud and type: SecureRandom over an alphabet without look-alikes
 * (no 0/O, 1/I/L), upper case and digits.
 */
public final class PasscodeGenerator {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasscodeGenerator() {}

    public static String generate(int length) {
        if (length < 4 || length > 64) {
            throw new IllegalArgumentException("passcode length " + length);
        }
        StringBuilder passcode = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            passcode.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return passcode.toString();
    }
}
