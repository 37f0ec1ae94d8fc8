package org.conclave.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The first thread through the stack: real Keycloak tokens, verified by the running portal. */
@ExtendWith(RunningPortal.class)
class IdentityIT {

    static Api api;
    static Tokens tokens;
    static Portal portal;

    @BeforeAll
    static void connect(Portal running) {
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
    }

    @Test
    void readinessIsUpWithDatabaseMigrationsAndKeycloak() {
        HttpResponse<String> health = api.get("/health/ready", null);
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"UP\""), health.body());
    }

    @Test
    void aliceWithPasswordAndTotpGetsAnOtpAmrAndIsAHost() {
        String token = tokens.withOtp(DemoUser.ALICE);
        assertTrue(Tokens.claims(token).getJsonArray("amr").toString().contains("\"otp\""), token);

        HttpResponse<String> me = api.get("/api/me", token);

        assertEquals(200, me.statusCode(), me.body());
        JsonObject body = Api.json(me);
        assertEquals("alice", body.getString("username"));
        assertEquals("home", body.getString("organisation"));
        assertTrue(body.getJsonArray("roles").toString().contains("\"host\""), me.body());
        assertTrue(body.getJsonArray("amr").toString().contains("\"otp\""), me.body());
        assertEquals(Tokens.claims(token).getString("sub"), body.getString("subject"));
    }

    @Test
    void aHostCannotSignInWithoutTheSecondFactor() {
        HttpResponse<String> refused = tokens.rawRequest(DemoUser.ALICE, false);
        assertEquals(4, refused.statusCode() / 100, refused.body());
        assertEquals("invalid_grant", Api.json(refused).getString("error"));
    }

    @Test
    void aParticipantMaySignInWithPasswordOnlyAndTheTokenSaysSo() {
        String token = tokens.passwordOnly(DemoUser.BOB);
        String amr = Tokens.claims(token).getJsonArray("amr").toString();
        assertTrue(amr.contains("\"pwd\""), amr);
        assertFalse(amr.contains("\"otp\""), amr);
    }

    @Test
    void erinBelongsToThePartnerOrganisation() {
        JsonObject body = Api.json(api.get("/api/me", tokens.withOtp(DemoUser.ERIN)));
        assertEquals("partner", body.getString("organisation"));
        assertTrue(body.getJsonArray("roles").toString().contains("\"participant\""));
    }

    @Test
    void withoutATokenTheApiAnswers401ProblemJson() {
        HttpResponse<String> me = api.get("/api/me", null);

        assertEquals(401, me.statusCode());
        assertEquals(
                "application/problem+json",
                me.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(me.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals("urn:conclave:problem:unauthenticated", Api.json(me).getString("type"));
        assertEquals("/api/me", Api.json(me).getString("instance"));
    }

    @Test
    void aForgedTokenIsRefusedWith401NotARedirect() {
        String token = tokens.withOtp(DemoUser.BOB);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        HttpResponse<String> me = api.get("/api/me", forged);

        assertEquals(401, me.statusCode());
        assertEquals("urn:conclave:problem:invalid-token", Api.json(me).getString("type"));
        assertTrue(me.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertFalse(me.body().contains("Exception"), me.body());
    }

    @Test
    void anUnknownApiPathIsAProblemNotAStackTrace() {
        HttpResponse<String> response = api.get("/api/no-such-thing", tokens.withOtp(DemoUser.BOB));
        assertEquals(404, response.statusCode());
        assertEquals("urn:conclave:problem:not-found", Api.json(response).getString("type"));
    }

    @Test
    void aPageWithoutASessionRedirectsToKeycloak() {
        HttpResponse<String> page = api.get("/app/", null);
        assertEquals(302, page.statusCode(), page.body());
        String location = page.headers().firstValue("Location").orElse("");
        assertTrue(
                location.startsWith(portal.keycloakUrl() + "/realms/conclave/protocol/openid-connect/auth"), location);
    }
}
