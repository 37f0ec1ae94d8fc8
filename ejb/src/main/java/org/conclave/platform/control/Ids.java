package org.conclave.platform.control;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers: 128 random bits, base64url without padding (22 characters). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A plausible id (shape only): lets endpoints answer 404 early without a database query. */
    public static boolean plausible(String id) {
        return id != null
                && id.length() == 22
                && id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
