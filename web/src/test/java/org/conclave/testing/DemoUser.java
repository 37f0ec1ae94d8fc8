package org.conclave.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The DEV ONLY demo users of keycloak-realm/src/main/resources/keycloak/conclave-realm.json, with the password and
 * TOTP secret the realm file gives them, so tests sign in exactly as a person with an authenticator app would.
 */
public enum DemoUser {
    ALICE("alice"),
    HUGO("hugo"),
    BOB("bob"),
    CAROL("carol"),
    DORA("dora"),
    ADAM("adam"),
    ERIN("erin");

    private final String username;

    DemoUser(String username) {
        this.username = username;
    }

    public String username() {
        return username;
    }

    public String password() {
        return username + "-dev-password";
    }

    /** The TOTP secret stored in the realm file; Keycloak uses its UTF-8 bytes as the HMAC key. */
    public String totpSecret() {
        return username + "-dev-totp-secret-1234";
    }

    public String totpAt(Instant at) {
        return Totp.code(totpSecret().getBytes(StandardCharsets.UTF_8), at);
    }
}
