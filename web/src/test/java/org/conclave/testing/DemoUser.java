package org.conclave.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Keycloak takes each one-time password once per user: the last 30-second window used at a login form. */
    private static final Map<DemoUser, Long> LAST_FORM_WINDOW = new ConcurrentHashMap<>();

    /**
     * The one-time password to type into a login form now: the current 30-second window's, or the next one's
     * (after waiting for it) if this user already typed the current one in this test run.
     */
    public String freshTotp() {
        long window = Instant.now().getEpochSecond() / 30;
        Long last = LAST_FORM_WINDOW.get(this);
        if (last != null && last >= window) {
            try {
                Thread.sleep((window + 1) * 30_000 - Instant.now().toEpochMilli() + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            window = Instant.now().getEpochSecond() / 30;
        }
        LAST_FORM_WINDOW.put(this, window);
        return totpAt(Instant.ofEpochSecond(window * 30 + 1));
    }
}
