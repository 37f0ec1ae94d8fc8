package org.conclave.meeting.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Stores passcodes only as PBKDF2-HMAC-SHA512 hashes with 210,000 iterations (the OWASP minimum, and what
 * Keycloak itself uses), a 32-byte salt and a 64-byte key; verification is constant-time.
 */
@ApplicationScoped
public class PasscodeHasher {

    public static final int ITERATIONS = 210_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    public String hash(String passcode) {
        return pbkdf2.generate(passcode.toCharArray());
    }

    public boolean matches(String passcode, String hash) {
        return pbkdf2.verify(passcode.toCharArray(), hash);
    }
}
