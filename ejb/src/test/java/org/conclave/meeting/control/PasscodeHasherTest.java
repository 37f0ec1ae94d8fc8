package org.conclave.meeting.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasscodeHasherTest {

    private final PasscodeHasher hasher = new PasscodeHasher();

    @Test
    void derivesThePublishedPbkdf2HmacSha512Vectors() {
        // The PBKDF2-HMAC-SHA512 vectors in the style of RFC 6070 (as published with CPython's and other test suites).
        assertVector(
                "password",
                "salt",
                1,
                "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                        + "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce");
        assertVector(
                "password",
                "salt",
                2,
                "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53c"
                        + "f76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e");
        assertVector(
                "password",
                "salt",
                4096,
                "d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5"
                        + "143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5");
        assertVector(
                "passwordPASSWORDpassword",
                "saltSALTsaltSALTsaltSALTsaltSALTsalt",
                4096,
                "8c0511f4c6e597c6ac6315d8f0362e225f3c501495ba23b868c005174dc4ee71"
                        + "115b59f9e60cd9532fa33e0f75aefe30225c583a186cd82bd4daea9724a3d3b8");
    }

    @Test
    void derivesExactlyWhatTheJdkDerives() {
        Random random = new Random(12);
        String[] passwords = {
            "",
            "A",
            "K7QM-2XPD-9RTA",
            "pässcödé-ñ-日本",
            "x".repeat(127),
            "y".repeat(128),
            "z".repeat(129),
            "w".repeat(300)
        };
        int[] saltLengths = {0, 1, 16, 32, 117, 200};
        int[] keyLengths = {1, 32, 63, 64, 65, 100, 128, 129};
        int[] iterationCounts = {1, 2, 3, 1000};
        int cases = 0;
        for (String password : passwords) {
            for (int saltLength : saltLengths) {
                byte[] salt = new byte[saltLength];
                random.nextBytes(salt);
                int keyLength = keyLengths[cases % keyLengths.length];
                int iterations = iterationCounts[cases % iterationCounts.length];
                if (!password.isEmpty() && saltLength > 0) { // the JDK refuses an empty password or salt
                    assertArrayEquals(
                            jdk(password, salt, iterations, keyLength),
                            Pbkdf2HmacSha512.derive(
                                    password.getBytes(StandardCharsets.UTF_8), salt, iterations, keyLength),
                            password + " / salt " + saltLength + " / " + iterations + " it. / " + keyLength);
                }
                cases++;
            }
        }
    }

    @Test
    void derivesWhatTheJdkDerivesAt210000Iterations() {
        byte[] salt = Base64.getDecoder().decode("6l1xHXxUEBdgD3RAv4C9xwQWqkgnUz4ELcUWUVmxE9Q=");
        assertArrayEquals(
                jdk("K7QM-2XPD-9RTA", salt, PasscodeHasher.ITERATIONS, PasscodeHasher.KEY_BYTES),
                Pbkdf2HmacSha512.derive(
                        "K7QM-2XPD-9RTA".getBytes(StandardCharsets.UTF_8),
                        salt,
                        PasscodeHasher.ITERATIONS,
                        PasscodeHasher.KEY_BYTES));
    }

    @Test
    void verifiesAHashStoredBeforeInJakartaSecuritysFormat() {
        // Made by the previous implementation (Jakarta Security's Pbkdf2PasswordHash over the JDK's PBKDF2).
        String stored = STORED_BY_PBKDF2_PASSWORD_HASH;
        assertTrue(hasher.matches("K7QM-2XPD-9RTA", stored));
        assertFalse(hasher.matches("K7QM-2XPD-9RTB", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test
    void storesInTheSameFormatAndVerifiesItsOwnHashes() {
        String stored = hasher.hash("K7QM-2XPD-9RTA");
        String[] parts = stored.split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertEquals("210000", parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        assertEquals(32, salt.length);
        assertArrayEquals(
                jdk("K7QM-2XPD-9RTA", salt, 210_000, 64), Base64.getDecoder().decode(parts[3]));
        assertTrue(hasher.matches("K7QM-2XPD-9RTA", stored));
        assertFalse(hasher.matches("K7QM-2XPD-9RTa", stored));
        assertNotEquals(stored, hasher.hash("K7QM-2XPD-9RTA"), "a fresh salt every time");
    }

    @Test
    void verifiesAnotherPbkdf2VariantWithTheJdk() {
        byte[] salt = new byte[16];
        new Random(3).nextBytes(salt);
        byte[] key = jdk("PBKDF2WithHmacSHA256", "ABCD", salt, 2048, 32);
        Base64.Encoder base64 = Base64.getEncoder();
        String stored = "PBKDF2WithHmacSHA256:2048:" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
        assertTrue(hasher.matches("ABCD", stored));
        assertFalse(hasher.matches("ABCE", stored));
    }

    @Test
    void refusesAnUnreadableStoredHash() {
        assertThrows(IllegalArgumentException.class, () -> hasher.matches("x", "not-a-hash"));
        assertThrows(IllegalArgumentException.class, () -> hasher.matches("x", "MD5:1:AAAA:AAAA"));
        assertThrows(IllegalArgumentException.class, () -> hasher.matches("x", "PBKDF2WithHmacSHA512:x:AAAA:AAAA"));
        assertThrows(IllegalArgumentException.class, () -> hasher.matches("x", "PBKDF2WithHmacSHA512:0:AAAA:AAAA"));
    }

    private static void assertVector(String password, String salt, int iterations, String hex) {
        byte[] expected = HexFormat.of().parseHex(hex);
        byte[] saltBytes = salt.getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(
                expected,
                Pbkdf2HmacSha512.derive(password.getBytes(StandardCharsets.US_ASCII), saltBytes, iterations, 64));
        assertArrayEquals(expected, jdk(password, saltBytes, iterations, 64), "the JDK agrees");
    }

    private static byte[] jdk(String password, byte[] salt, int iterations, int keyBytes) {
        return jdk("PBKDF2WithHmacSHA512", password, salt, iterations, keyBytes);
    }

    private static byte[] jdk(String algorithm, String password, byte[] salt, int iterations, int keyBytes) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generated by Payara 6.2025.10's Pbkdf2PasswordHashImpl (Soteria), configured as PasscodeHasher was. */
    private static final String STORED_BY_PBKDF2_PASSWORD_HASH =
            "PBKDF2WithHmacSHA512:210000:FK3+GIW8S9JRQYAuBFWJe6JYJSEeJW5CnbFSKYsiWEM=:"
                    + "Ln1BZ+8KDYpmry4dbCM0TW9/EMbgftOZISqJHAOD3eVt5MJpntTPjd39UMEP3i55L+iaB++iIeqDnJDcixIW6Q==";
}
