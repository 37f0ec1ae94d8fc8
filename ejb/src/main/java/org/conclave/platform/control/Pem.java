package org.conclave.platform.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text (RFC 7468) for keys written to and read from files outside the database. */
public final class Pem {

    public static final String PUBLIC_KEY = "PUBLIC KEY";
    /** PKCS#8. */
    public static final String PRIVATE_KEY = "PRIVATE KEY";

    private Pem() {}

    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    public static byte[] decode(String pem) {
        return Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z0-9 ]+-----", "").trim());
    }
}
