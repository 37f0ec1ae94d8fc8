package org.conclave.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.AuditRows;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admission on the real stack: step-up, passcode, waiting room, Jitsi tokens checked with jose4j, bans, lock. */
@ExtendWith(RunningPortal.class)
class AdmissionIT {

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

    static JsonObject schedule(String label, String invitees, String extra) {
        String start = LocalDateTime.now()
                .plusMinutes(10)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> created = api.postJson(
                "/api/meetings",
                tokens.withOtp(DemoUser.ALICE),
                """
                {"title": "Board call", "classification": "CONFIDENTIAL", "sharingLabel": "%s", "start": "%s",
                 "timeZone": "UTC", "durationMinutes": 60, "invitees": [%s] %s}"""
                        .formatted(label, start, invitees, extra));
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created);
    }

    static void registerAndApprove(String meetingId, DemoUser who) {
        HttpResponse<String> registered =
                api.postJson("/api/meetings/" + meetingId + "/registrations", tokens.withOtp(who), "");
        assertEquals(201, registered.statusCode(), registered.body());
        HttpResponse<String> approved = api.postJson(
                "/api/meetings/" + meetingId + "/registrations/"
                        + Api.json(registered).getString("id") + "/decision",
                tokens.withOtp(DemoUser.ALICE),
                "{\"decision\":\"approve\"}");
        assertEquals(200, approved.statusCode(), approved.body());
    }

    static HttpResponse<String> enter(String meetingId, String token, String passcode) {
        return api.postJson(
                "/api/meetings/" + meetingId + "/admissions",
                token,
                passcode == null ? "" : "{\"passcode\": \"" + passcode + "\"}");
    }

    @Test
    void bobStepsUpWaitsForTheHostIsLetInAndGetsAJitsiTokenWithTheExactClaims() throws Exception {
        JsonObject meeting = schedule("GREEN", "\"bob\"", "");
        String id = meeting.getString("id");
        String passcode = meeting.getString("passcode");
        registerAndApprove(id, DemoUser.BOB);

        HttpResponse<String> passwordOnly = enter(id, tokens.passwordOnly(DemoUser.BOB), passcode);
        assertEquals(401, passwordOnly.statusCode(), passwordOnly.body());
        assertEquals("second-factor-required", Api.json(passwordOnly).getString("rule"));
        assertTrue(
                passwordOnly.headers().firstValue("WWW-Authenticate").orElse("").contains("acr_values=\"otp\""));

        String bob = tokens.withOtp(DemoUser.BOB);
        HttpResponse<String> noHost = enter(id, bob, passcode);
        assertEquals(409, noHost.statusCode(), noHost.body());
        assertEquals("waiting-for-host", Api.json(noHost).getString("rule"));

        HttpResponse<String> host = enter(id, tokens.withOtp(DemoUser.ALICE), null);
        assertEquals(200, host.statusCode(), host.body());
        assertTrue(Tokens.claims(Api.json(host).getString("token")).getBoolean("moderator"));

        HttpResponse<String> waiting = enter(id, bob, passcode);
        assertEquals(202, waiting.statusCode(), waiting.body());
        String aid = Api.json(waiting).getString("admissionId");
        assertEquals(
                "waiting",
                Api.json(api.get("/api/meetings/" + id + "/admissions/" + aid, bob))
                        .getString("state"));

        HttpResponse<String> admitted = api.postJson(
                "/api/meetings/" + id + "/admissions/" + aid + "/decision",
                tokens.withOtp(DemoUser.ALICE),
                "{\"decision\":\"admit\"}");
        assertEquals(200, admitted.statusCode(), admitted.body());

        JsonObject joined = Api.json(api.get("/api/meetings/" + id + "/admissions/" + aid, bob));
        String token = joined.getString("token");
        assertTrue(joined.getString("joinUrl").endsWith("?jwt=" + token));
        assertFalse(joined.getString("joinUrl").contains(passcode));

        byte[] secret = Files.readString(portal.dataDirectory().resolve("jitsi/app-secret"))
                .trim()
                .getBytes(StandardCharsets.UTF_8);
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(secret))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "HS256")
                .setExpectedIssuer("conclave")
                .setExpectedAudience("jitsi")
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes(5)
                .setRequireNotBefore()
                .build();
        JwtClaims claims = consumer.processToClaims(token);
        assertEquals("meet.conclave.test", claims.getSubject());
        assertEquals(joined.getString("room"), claims.getStringClaimValue("room"));
        assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() <= 300);
        assertEquals(Boolean.FALSE, claims.getClaimValue("moderator"));
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) claims.getClaimValue("context");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) context.get("user");
        @SuppressWarnings("unchecked")
        Map<String, Object> features = (Map<String, Object>) context.get("features");
        assertEquals(Tokens.claims(bob).getString("sub"), user.get("id"));
        assertEquals("member", user.get("affiliation"));
        assertEquals(Boolean.FALSE, features.get("recording"));
        assertEquals(Boolean.FALSE, features.get("screen-sharing"));

        HttpResponse<String> renewed = api.postJson("/api/meetings/" + id + "/admissions/" + aid + "/token", bob, "");
        assertEquals(200, renewed.statusCode(), renewed.body());
        consumer.processToClaims(Api.json(renewed).getString("token"));

        assertTrue(audit.count("admission.request", "refused", id) >= 2);
        assertEquals(1, audit.count("admission.decide", "allowed", id));
        assertTrue(audit.count("admission.renew", "allowed", id) >= 2);
    }

    /** Asks to enter, is let in from the waiting room by alice, and returns the admitted state with its token. */
    static JsonObject enterThroughTheLobby(String meetingId, DemoUser who, String passcode) {
        HttpResponse<String> waiting = enter(meetingId, tokens.withOtp(who), passcode);
        assertEquals(202, waiting.statusCode(), waiting.body());
        String aid = Api.json(waiting).getString("admissionId");
        HttpResponse<String> admitted = api.postJson(
                "/api/meetings/" + meetingId + "/admissions/" + aid + "/decision",
                tokens.withOtp(DemoUser.ALICE),
                "{\"decision\":\"admit\"}");
        assertEquals(200, admitted.statusCode(), admitted.body());
        JsonObject joined = Api.json(api.get("/api/meetings/" + meetingId + "/admissions/" + aid, tokens.withOtp(who)));
        assertEquals("admitted", joined.getString("state"));
        return joined;
    }

    @Test
    void wrongPasscodesAreThrottledWith429AndRetryAfter() {
        JsonObject meeting = schedule("GREEN", "\"carol\"", "");
        String id = meeting.getString("id");
        registerAndApprove(id, DemoUser.CAROL);
        String carol = tokens.withOtp(DemoUser.CAROL);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = enter(id, carol, "WRONG" + i);
            assertEquals(403, wrong.statusCode(), wrong.body());
            assertEquals("wrong-passcode", Api.json(wrong).getString("rule"));
        }
        HttpResponse<String> throttled = enter(id, carol, meeting.getString("passcode"));
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTrue(Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0")) > 0);
        assertEquals(5, audit.count("admission.request", "refused", id) - 1);
    }

    @Test
    void erinCannotEvenSeeAnAmberStrictMeeting() {
        String id = schedule("AMBER+STRICT", "\"bob\"", "").getString("id");
        HttpResponse<String> erin = enter(id, tokens.withOtp(DemoUser.ERIN), "X");
        assertEquals(404, erin.statusCode(), erin.body());
    }

    @Test
    void carolRemovedWithASeriesBanCannotEnterTheNextMeetingOfTheSeries() {
        JsonObject series = schedule("GREEN", "\"carol\"", ", \"recurrence\": \"FREQ=DAILY;COUNT=2\"");
        String first = series.getJsonArray("occurrences").getString(0);
        String second = series.getJsonArray("occurrences").getString(1);
        String passcode = series.getString("passcode");
        registerAndApprove(first, DemoUser.CAROL);
        registerAndApprove(second, DemoUser.CAROL);
        assertEquals(200, enter(first, tokens.withOtp(DemoUser.ALICE), null).statusCode());
        assertEquals(200, enter(second, tokens.withOtp(DemoUser.ALICE), null).statusCode());
        String aid = enterThroughTheLobby(first, DemoUser.CAROL, passcode).getString("admissionId");

        HttpResponse<String> removed = api.postJson(
                "/api/meetings/" + first + "/removals", tokens.withOtp(DemoUser.ALICE), "{\"participant\": \"carol\"}");
        assertEquals(201, removed.statusCode(), removed.body());
        assertEquals("series", Api.json(removed).getString("scope"));

        HttpResponse<String> renew = api.postJson(
                "/api/meetings/" + first + "/admissions/" + aid + "/token", tokens.withOtp(DemoUser.CAROL), "");
        assertEquals(409, renew.statusCode(), renew.body());
        HttpResponse<String> next = enter(second, tokens.withOtp(DemoUser.CAROL), passcode);
        assertEquals(403, next.statusCode(), next.body());
        assertEquals("banned", Api.json(next).getString("rule"));
        assertEquals(1, audit.count("meeting.remove", "allowed", first));
        assertEquals(1, audit.count("admission.request", "refused", second));
    }

    @Test
    void aLockRefusesNewAdmissionsButNotRenewals() {
        JsonObject meeting = schedule("GREEN", "\"bob\", \"carol\"", "");
        String id = meeting.getString("id");
        String passcode = meeting.getString("passcode");
        registerAndApprove(id, DemoUser.BOB);
        registerAndApprove(id, DemoUser.CAROL);
        assertEquals(200, enter(id, tokens.withOtp(DemoUser.ALICE), null).statusCode());
        JsonObject bobIn = enterThroughTheLobby(id, DemoUser.BOB, passcode);

        assertEquals(
                200,
                api.postJson("/api/meetings/" + id + "/lock", tokens.withOtp(DemoUser.ALICE), "")
                        .statusCode());
        HttpResponse<String> carol = enter(id, tokens.withOtp(DemoUser.CAROL), passcode);
        assertEquals(409, carol.statusCode(), carol.body());
        assertEquals("meeting-locked", Api.json(carol).getString("rule"));
        HttpResponse<String> renew = api.postJson(
                "/api/meetings/" + id + "/admissions/" + bobIn.getString("admissionId") + "/token",
                tokens.withOtp(DemoUser.BOB),
                "");
        assertEquals(200, renew.statusCode(), renew.body());

        assertEquals(
                200,
                api.postJson("/api/meetings/" + id + "/end", tokens.withOtp(DemoUser.ALICE), "")
                        .statusCode());
        HttpResponse<String> afterEnd = api.postJson(
                "/api/meetings/" + id + "/admissions/" + bobIn.getString("admissionId") + "/token",
                tokens.withOtp(DemoUser.BOB),
                "");
        assertEquals(409, afterEnd.statusCode(), afterEnd.body());
        assertEquals(1, audit.count("meeting.lock", "allowed", id));
        assertEquals(1, audit.count("meeting.end", "allowed", id));
    }
}
