package org.conclave.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.AuditRows;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passcode guessing by three people at once, 40 concurrent guesses each: no one gets more than the five tries the
 * throttle allows, even the right passcode waits out the cool-down, every refusal is audited. And the HTTP hygiene
 * of every kind of response: CSP with frame-ancestors, nosniff, no server or framework banner. Then bearer tokens
 * an attacker could bring: unsigned, re-signed with another key, with a changed payload, or not a token at all.
 */
@ExtendWith(RunningPortal.class)
class GuessingAndHygieneIT {

    static final int GUESSES = 40;
    static final java.util.regex.Pattern STACK_TRACE =
            java.util.regex.Pattern.compile("\\tat |\\bat (java|jakarta|org|com)\\.|java\\.lang\\.[A-Za-z]*Exception");

    static Portal portal;
    static Api api;
    static Tokens tokens;
    static AuditRows audit;

    @BeforeAll
    static void connect(Portal running) {
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
        audit = new AuditRows(running);
    }

    @Test
    void concurrentGuessersGetFiveTriesEachAndNoMore() throws Exception {
        String alice = tokens.withOtp(DemoUser.ALICE);
        String start = LocalDateTime.now(ZoneOffset.UTC)
                .plusMinutes(30)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> created = api.postJson(
                "/api/meetings",
                alice,
                """
                {"title": "Guessing target", "classification": "INTERNAL", "sharingLabel": "GREEN", "start": "%s",
                 "timeZone": "UTC", "durationMinutes": 30, "invitees": ["bob", "carol", "erin"]}"""
                        .formatted(start));
        String meetingId = Api.json(created).getString("id");
        String passcode = Api.json(created).getString("passcode");
        assertEquals(
                200,
                api.postJson("/api/meetings/" + meetingId + "/admissions", alice, "")
                        .statusCode());

        List<DemoUser> guessers = List.of(DemoUser.BOB, DemoUser.CAROL, DemoUser.ERIN);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3 * GUESSES);
        List<Future<Integer>> results = new ArrayList<>();
        for (DemoUser guesser : guessers) {
            String token = tokens.withOtp(guesser);
            for (int i = 0; i < GUESSES; i++) {
                String guess = String.format("%012d", i + 1);
                Callable<Integer> attempt = () -> api.postJson(
                                "/api/meetings/" + meetingId + "/admissions",
                                token,
                                "{\"passcode\": \"" + guess + "\"}")
                        .statusCode();
                results.add(pool.submit(attempt));
            }
        }
        for (Future<Integer> result : results) {
            statuses.merge(result.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of(403, 15, 429, 3 * GUESSES - 15), statuses, "five wrong tries each, the rest throttled");
        for (DemoUser guesser : guessers) {
            String subject = Tokens.claims(tokens.withOtp(guesser)).getString("sub");
            assertEquals(5, refusals(meetingId, "wrong-passcode", subject));
            assertEquals(GUESSES - 5, refusals(meetingId, "too-many-passcode-tries", subject));
        }
        HttpResponse<String> right = api.postJson(
                "/api/meetings/" + meetingId + "/admissions",
                tokens.withOtp(DemoUser.BOB),
                "{\"passcode\": \"" + passcode + "\"}");
        assertEquals(429, right.statusCode(), "even the right passcode waits out the cool-down");
        assertTrue(Api.json(right).getInt("retryAfterSeconds") > 0);
        System.out.println("passcode guessing: " + 3 * GUESSES + " concurrent guesses, " + statuses);
    }

    /** This person's refused admissions to this meeting for this rule, as audited. */
    static long refusals(String meetingId, String rule, String subject) throws java.sql.SQLException {
        try (java.sql.Connection c = portal.superuser();
                java.sql.PreparedStatement q = c.prepareStatement("SELECT count(*) FROM audit_event WHERE action ="
                        + " 'admission.request' AND outcome = 'refused' AND reason = ? AND actor_subject = ?"
                        + " AND target_id = ?")) {
            q.setString(1, rule);
            q.setString(2, subject);
            q.setString(3, meetingId);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeadersAndNoBanner() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<HttpResponse<String>> responses = List.of(
                api.get("/api/me", tokens.withOtp(DemoUser.BOB)),
                api.get("/api/me", null),
                api.get("/api/no-such-thing", null),
                api.postJson("/api/meetings", tokens.withOtp(DemoUser.ALICE), "{"),
                http.send(
                        HttpRequest.newBuilder(URI.create(portal.url() + "/app/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()),
                http.send(
                        HttpRequest.newBuilder(URI.create(portal.url() + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()),
                http.send(
                        HttpRequest.newBuilder(URI.create(portal.url() + "/openapi"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> response : responses) {
            String where = response.request().uri() + " (" + response.statusCode() + ")";
            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), "CSP with frame-ancestors on " + where + ": " + csp);
            assertTrue(csp.contains("default-src"), "a default source on " + where);
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElse(""),
                    where);
            assertTrue(response.headers().firstValue("Server").isEmpty(), "no Server banner on " + where);
            assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), "no X-Powered-By on " + where);
            assertFalse(STACK_TRACE.matcher(response.body()).find(), "no stack trace on " + where);
        }
    }

    @Test
    void forgedBearerTokensAreRefusedWith401() throws Exception {
        String genuine = tokens.withOtp(DemoUser.BOB);
        String[] parts = genuine.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String adminPayload = b64.encodeToString(
                payload.replace("\"participant\"", "\"admin\"").getBytes());
        String unsigned = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(generator.generateKeyPair().getPrivate());
        String signingInput = parts[0] + "." + adminPayload;
        rsa.update(signingInput.getBytes());
        String otherKey = signingInput + "." + b64.encodeToString(rsa.sign());
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec("guessed".getBytes(), "HmacSHA256"));
        String hsHeader = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes());
        String hs256 = hsHeader + "." + parts[1] + "."
                + b64.encodeToString(hmac.doFinal((hsHeader + "." + parts[1]).getBytes()));
        Map<String, String> forgeries = Map.of(
                "alg none",
                unsigned,
                "modified payload",
                parts[0] + "." + adminPayload + "." + parts[2],
                "another key",
                otherKey,
                "HS256 with a guessed secret",
                hs256,
                "truncated",
                genuine.substring(0, genuine.length() - 10),
                "garbage",
                "x.y.z");
        assertEquals(200, api.get("/api/me", genuine).statusCode());
        for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
            HttpResponse<String> response = api.get("/api/policies/exceptions", forgery.getValue());
            assertEquals(401, response.statusCode(), forgery.getKey() + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }
}
