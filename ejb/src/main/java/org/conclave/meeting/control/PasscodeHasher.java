package org.conclave.meeting.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Stores passcodes only as PBKDF2-HMAC-SHA512 hashes with 210,000 iterations (the OWASP minimum), a 32-byte salt
 * and a 64-byte key, as {@code PBKDF2WithHmacSHA512:210000:<salt>:<key>} (Base64; the format of Jakarta Security's
 * {@code Pbkdf2PasswordHash}, so every stored hash keeps verifying); verification is constant-time.
 *
 * <p>The derivation is {@link Pbkdf2HmacSha512}: the same algorithm, iterations and output as the JDK's, computed
 * without the JDK's redundant work (the HMAC pads hashed once instead of on every iteration). This is not a weaker
 * hash: an attacker's cost per guess is unchanged, since cracking tools always did this. Hashes of another PBKDF2 variant, should any exist, are
 * verified with the JDK.
 */
@ApplicationScoped
public class PasscodeHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    public static final int ITERATIONS = 210_000;
    static final int SALT_BYTES = 32;
    static final int KEY_BYTES = 64;

    private static final Set<String> OTHER_ALGORITHMS =
            Set.of("PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA384");

    private final SecureRandom random = new SecureRandom();

    public String hash(String passcode) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = Pbkdf2HmacSha512.derive(passcode.getBytes(StandardCharsets.UTF_8), salt, ITERATIONS, KEY_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }

    /** Whether the passcode is the one the stored hash was made from; an unreadable stored hash is an error. */
    public boolean matches(String passcode, String hash) {
        Stored stored = Stored.parse(hash);
        byte[] derived = ALGORITHM.equals(stored.algorithm())
                ? Pbkdf2HmacSha512.derive(
                        passcode.getBytes(StandardCharsets.UTF_8),
                        stored.salt(),
                        stored.iterations(),
                        stored.key().length)
                : jdk(passcode, stored);
        return MessageDigest.isEqual(derived, stored.key());
    }

    private static byte[] jdk(String passcode, Stored stored) {
        try {
            return SecretKeyFactory.getInstance(stored.algorithm())
                    .generateSecret(new PBEKeySpec(
                            passcode.toCharArray(), stored.salt(), stored.iterations(), stored.key().length * 8))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    record Stored(String algorithm, int iterations, byte[] salt, byte[] key) {

        static Stored parse(String hash) {
            String[] parts = hash == null ? new String[0] : hash.split(":");
            try {
                if (parts.length == 4 && (ALGORITHM.equals(parts[0]) || OTHER_ALGORITHMS.contains(parts[0]))) {
                    Base64.Decoder base64 = Base64.getDecoder();
                    Stored stored = new Stored(
                            parts[0], Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
                    if (stored.iterations() > 0 && stored.key().length > 0) {
                        return stored;
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                // refused below
            }
            throw new IllegalArgumentException("Bad hash encoding");
        }
    }
}
