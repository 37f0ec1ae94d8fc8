package org.conclave.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.conclave.admission.control.WebhookSignature;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.AuditRows;
import org.conclave.testing.DemoUser;
import org.conclave.testing.PlatformWebhook;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The platform webhook: HMAC, timestamps and replays; unadmitted presence; the platform's posture. */
@ExtendWith(RunningPortal.class)
class PlatformEventsIT {

    static Portal portal;
    static Api api;
    static Tokens tokens;
    static AuditRows audit;
    static byte[] secret;
    static PlatformWebhook webhook;

    @BeforeAll
    static void connect(Portal running) throws IOException {
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
        audit = new AuditRows(running);
        webhook = new PlatformWebhook(running);
        secret = webhook.secret();
    }

    static String meeting() {
        String start = LocalDateTime.now()
                .plusMinutes(10)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> created = api.postJson(
                "/api/meetings",
                tokens.withOtp(DemoUser.ALICE),
                """
                {"title": "Ops sync", "classification": "INTERNAL", "sharingLabel": "GREEN", "start": "%s",
                 "timeZone": "UTC", "durationMinutes": 30, "invitees": ["bob"]}"""
                        .formatted(start));
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).getString("id");
    }

    static String room(String meetingId) {
        return java.util.HexFormat.of()
                .formatHex(java.util.Base64.getUrlDecoder().decode(meetingId));
    }

    static HttpResponse<String> post(String eventId, long timestamp, String body, String signature) throws Exception {
        return webhook.send(eventId, timestamp, body, signature);
    }

    static HttpResponse<String> signed(String eventId, long timestamp, String body) throws Exception {
        return webhook.signed(eventId, timestamp, body);
    }

    static String joined(String room, String subject) {
        return "{\"type\": \"occupant-joined\", \"room\": \"" + room + "\", \"occupant\": {\"id\": \"" + subject
                + "\", \"name\": \"Somebody\"}}";
    }

    @Test
    void forgedOldAndReplayedEventsAreRefused() throws Exception {
        String room = room(meeting());
        long now = Instant.now().getEpochSecond();
        String body = joined(room, "someone");
        String id = "evt-" + UUID.randomUUID();

        assertEquals(401, post(id, now, body, "sha256=" + "0".repeat(64)).statusCode());
        assertEquals(401, signed(id, now - 3600, body).statusCode());
        assertEquals(
                401,
                post(
                                id,
                                now,
                                body.replace("Somebody", "Nobody"),
                                WebhookSignature.sign(
                                        secret, Long.toString(now), id, body.getBytes(StandardCharsets.UTF_8)))
                        .statusCode());
        HttpResponse<String> first = signed(id, now, body);
        assertEquals(204, first.statusCode(), first.body());
        HttpResponse<String> replay = signed(id, now, body);
        assertEquals(409, replay.statusCode(), replay.body());
        assertEquals("platform-event-replayed", Api.json(replay).getString("rule"));
        assertTrue(audit.count("platform.event", "refused", null) >= 4);
    }

    @Test
    void anOccupantWithoutAnAdmissionRaisesAnAlertAndShowsInTheAttendance() throws Exception {
        String meetingId = meeting();
        String intruder = Tokens.claims(tokens.withOtp(DemoUser.CAROL)).getString("sub");
        HttpResponse<String> event =
                signed("evt-" + UUID.randomUUID(), Instant.now().getEpochSecond(), joined(room(meetingId), intruder));
        assertEquals(204, event.statusCode(), event.body());

        assertEquals(1, audit.count("alert.unadmitted-presence", "refused", meetingId));
        HttpResponse<String> attendance =
                api.get("/api/meetings/" + meetingId + "/attendance", tokens.withOtp(DemoUser.ALICE));
        assertEquals(200, attendance.statusCode(), attendance.body());
        JsonObject present = Api.json(attendance).getJsonArray("presence").getJsonObject(0);
        assertEquals(intruder, present.getString("subject"));
        assertEquals(false, present.getBoolean("admitted"));
        HttpResponse<String> participant =
                api.get("/api/meetings/" + meetingId + "/attendance", tokens.withOtp(DemoUser.CAROL));
        assertEquals(403, participant.statusCode(), participant.body());
        assertEquals(
                200,
                api.get("/api/meetings/" + meetingId + "/attendance", tokens.withOtp(DemoUser.DORA))
                        .statusCode());
    }

    @Test
    void aPlatformWithoutTheRequiredPostureIsRefusedNamingTheRuleAndControls() {
        String adam = tokens.withOtp(DemoUser.ADAM);
        String start = LocalDateTime.now()
                .plusMinutes(10)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> created = api.postJson(
                "/api/meetings",
                tokens.withOtp(DemoUser.ALICE),
                """
                {"title": "Secret call", "classification": "CONFIDENTIAL", "sharingLabel": "GREEN", "start": "%s",
                 "timeZone": "UTC", "durationMinutes": 30}"""
                        .formatted(start));
        String id = Api.json(created).getString("id");
        String lacking =
                "{\"baseUrl\": \"https://meet.conclave.test\", \"e2eeCapable\": false, \"onPremiseTurn\": true,"
                        + " \"onPremiseRecordingStore\": true}";
        String full = lacking.replace("\"e2eeCapable\": false", "\"e2eeCapable\": true");
        assertEquals(
                200,
                api.send("PUT", "/api/platform", adam, "application/json", lacking)
                        .statusCode());
        try {
            HttpResponse<String> refused =
                    api.postJson("/api/meetings/" + id + "/admissions", tokens.withOtp(DemoUser.ALICE), "");
            assertEquals(409, refused.statusCode(), refused.body());
            JsonObject problem = Api.json(refused);
            assertEquals("platform-posture", problem.getString("rule"));
            assertTrue(problem.getJsonArray("settings").toString().contains("require-e2ee"));
            assertTrue(problem.getJsonArray("controls").toString().contains("8.24"));
        } finally {
            assertEquals(
                    200,
                    api.send("PUT", "/api/platform", adam, "application/json", full)
                            .statusCode());
        }
        assertEquals(
                200,
                api.postJson("/api/meetings/" + id + "/admissions", tokens.withOtp(DemoUser.ALICE), "")
                        .statusCode());
        assertEquals(
                403,
                api.send("PUT", "/api/platform", tokens.withOtp(DemoUser.ALICE), "application/json", full)
                        .statusCode());
    }
}
