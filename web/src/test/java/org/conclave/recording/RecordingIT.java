package org.conclave.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
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

/**
 * Recording under consent on the real stack: notices and the consent ledger, authorisation blocked by anyone present
 * without consent or anyone refusing, consent-breach alerts, the reported file checked by hash, downloads only for the
 * hosts, the access list and auditors, the retention purge with its deletion certificate, and legal holds.
 */
@ExtendWith(RunningPortal.class)
class RecordingIT {

    static Portal portal;
    static Api api;
    static Tokens tokens;
    static AuditRows audit;
    static PlatformWebhook platform;

    @BeforeAll
    static void connect(Portal running) throws Exception {
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
        audit = new AuditRows(running);
        platform = new PlatformWebhook(running);
    }

    @Test
    void aRecordingNeedsEveryPresentConsentThenRunsUntilItsFileIsDeletedOnTheDate() throws Exception {
        String alice = tokens.withOtp(DemoUser.ALICE);
        String meetingId = meeting("INTERNAL");
        for (DemoUser who : new DemoUser[] {DemoUser.ALICE, DemoUser.BOB, DemoUser.CAROL}) {
            occupant(meetingId, "occupant-joined", subject(who));
        }
        String plan = "{\"purpose\": \"Minutes of the incident review\", \"accessList\": [\"carol\"],"
                + " \"retentionDays\": 30}";

        HttpResponse<String> nobody = api.postJson("/api/meetings/" + meetingId + "/recordings", alice, plan);
        assertEquals(409, nobody.statusCode(), nobody.body());
        JsonObject problem = Api.json(nobody);
        assertEquals("recording-consent-missing", problem.getString("rule"));
        assertTrue(problem.getString("detail").contains("bob (unanswered)"), problem.getString("detail"));
        assertTrue(problem.getString("detail").contains("carol (unanswered)"), problem.getString("detail"));
        String hash = problem.getString("noticeHash");

        JsonObject notice = Api.json(api.get("/api/meetings/" + meetingId + "/recording", tokens.withOtp(DemoUser.BOB)))
                .getJsonObject("notice");
        assertEquals(hash, notice.getString("hash"));
        assertEquals("Minutes of the incident review", notice.getString("purpose"));
        assertEquals(30, notice.getInt("retentionDays"));
        assertEquals(200, consent(DemoUser.BOB, meetingId, true, hash).statusCode());

        HttpResponse<String> carolMissing = api.postJson("/api/meetings/" + meetingId + "/recordings", alice, plan);
        assertEquals(409, carolMissing.statusCode(), carolMissing.body());
        assertFalse(Api.json(carolMissing).getString("detail").contains("bob"));
        assertTrue(Api.json(carolMissing).getString("detail").contains("carol (unanswered)"));

        HttpResponse<String> stale = consent(DemoUser.CAROL, meetingId, true, "0".repeat(64));
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("recording-notice-changed", Api.json(stale).getString("rule"));
        assertEquals(200, consent(DemoUser.CAROL, meetingId, true, hash).statusCode());

        HttpResponse<String> authorised = api.postJson("/api/meetings/" + meetingId + "/recordings", alice, plan);
        assertEquals(201, authorised.statusCode(), authorised.body());
        String recordingId = Api.json(authorised).getString("id");
        assertEquals(true, recordingFeature(meetingId, alice));
        assertEquals(1, audit.count("recording.authorise", "allowed", meetingId));
        assertEquals(2, audit.count("recording.request", "refused", meetingId));

        // erin comes in without having consented: the alert is raised and the host's tokens lose the feature
        occupant(meetingId, "occupant-joined", subject(DemoUser.ERIN));
        assertEquals(1, audit.count("alert.consent-breach", "refused", meetingId));
        assertEquals(false, recordingFeature(meetingId, alice));
        JsonObject page = Api.json(api.get("/api/meetings/" + meetingId + "/recording", alice));
        assertTrue(page.getJsonArray("recordings").getJsonObject(0).getBoolean("consentBreach"));

        // the platform reports the file: a wrong hash is refused, the right one fixes the deletion date
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Path file = portal.dataDirectory().resolve("recordings/" + meetingId + "/" + recordingId + ".mp4");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        String relative = meetingId + "/" + recordingId + ".mp4";
        HttpResponse<String> wrong = finished(meetingId, recordingId, relative, content.length, "f".repeat(64));
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertEquals("recording-file-mismatch", Api.json(wrong).getString("rule"));
        HttpResponse<String> outside =
                finished(meetingId, recordingId, "../platform/webhook-secret", 10, sha256(content));
        assertEquals(422, outside.statusCode(), outside.body());
        HttpResponse<String> right = finished(meetingId, recordingId, relative, content.length, sha256(content));
        assertEquals(204, right.statusCode(), right.body());
        JsonObject finished = Api.json(api.get("/api/recordings/" + recordingId, alice));
        assertEquals("finished", finished.getString("state"));
        Instant deleteAfter = Instant.parse(finished.getString("deleteAfter"));
        assertTrue(deleteAfter.isAfter(Instant.now().plus(29, ChronoUnit.DAYS)), deleteAfter.toString());

        // downloads: the access list and auditors get the bytes, bob gets 404
        assertArrayEquals(content, download(recordingId, DemoUser.CAROL).body());
        assertArrayEquals(content, download(recordingId, DemoUser.DORA).body());
        HttpResponse<byte[]> bob = download(recordingId, DemoUser.BOB);
        assertEquals(404, bob.statusCode());
        assertEquals(2, audit.count("recording.download", "allowed", recordingId));
        assertEquals(
                404,
                api.get("/api/recordings/" + recordingId, tokens.withOtp(DemoUser.BOB))
                        .statusCode());

        // a legal hold keeps the file past its date; lifting it lets the purge delete and certify it
        String dora = tokens.withOtp(DemoUser.DORA);
        HttpResponse<String> hold = api.send(
                "PUT",
                "/api/recordings/" + recordingId + "/legal-hold",
                dora,
                "application/json",
                "{\"reason\": \"Complaint about the meeting\", \"caseReference\": \"CASE-2026/17\"}");
        assertEquals(200, hold.statusCode(), hold.body());
        passTheDeletionDate(recordingId);
        Thread.sleep(3_000);
        assertTrue(Files.exists(file), "a held recording survives the purge");
        assertEquals(
                "finished",
                Api.json(api.get("/api/recordings/" + recordingId, alice)).getString("state"));

        HttpResponse<String> lift =
                api.send("DELETE", "/api/recordings/" + recordingId + "/legal-hold", dora, null, null);
        assertEquals(200, lift.statusCode(), lift.body());
        for (int i = 0; i < 100 && Files.exists(file); i++) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(file), "the purge deletes the file once its date passed and the hold was lifted");
        JsonObject deleted = Api.json(api.get("/api/recordings/" + recordingId, alice));
        for (int i = 0; i < 50 && !"deleted".equals(deleted.getString("state")); i++) {
            Thread.sleep(100);
            deleted = Api.json(api.get("/api/recordings/" + recordingId, alice));
        }
        assertEquals("deleted", deleted.getString("state"));
        assertEquals(1, audit.count("recording.deletion-certificate", "allowed", recordingId));
        String certificate = audit.scalar(
                "SELECT details::text FROM audit_event WHERE action = 'recording.deletion-certificate'"
                        + " AND target_id = ?",
                recordingId);
        assertTrue(certificate.contains(sha256(content)), certificate);
        assertTrue(certificate.contains("\"sizeBytes\": 300000") || certificate.contains("\"sizeBytes\":300000"));
        assertTrue(certificate.contains("retention of 30 days"), certificate);
        assertEquals(1, audit.count("recording.legal-hold", "allowed", meetingId));
        assertEquals(1, audit.count("recording.legal-hold-lift", "allowed", meetingId));
        assertEquals(409, download(recordingId, DemoUser.CAROL).statusCode());
        HttpResponse<String> chain = api.get("/api/audit/verification", dora);
        assertEquals(200, chain.statusCode(), chain.body());
        assertTrue(Api.json(chain).getBoolean("valid"), chain.body());
    }

    @Test
    void aRefusalByAnyoneBlocksTheRecordingAndAWithdrawalDuringItIsABreach() throws Exception {
        String alice = tokens.withOtp(DemoUser.ALICE);
        String meetingId = meeting("INTERNAL");
        occupant(meetingId, "occupant-joined", subject(DemoUser.CAROL));
        String plan = "{\"purpose\": \"Training\", \"retentionDays\": 7}";
        String hash = Api.json(api.postJson("/api/meetings/" + meetingId + "/recordings", alice, plan))
                .getString("noticeHash");
        assertEquals(200, consent(DemoUser.BOB, meetingId, false, hash).statusCode());
        assertEquals(200, consent(DemoUser.CAROL, meetingId, true, hash).statusCode());
        HttpResponse<String> refused = api.postJson("/api/meetings/" + meetingId + "/recordings", alice, plan);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(Api.json(refused).getString("detail").contains("bob (refused)"), refused.body());

        assertEquals(200, consent(DemoUser.BOB, meetingId, true, hash).statusCode());
        assertEquals(
                201,
                api.postJson("/api/meetings/" + meetingId + "/recordings", alice, plan)
                        .statusCode());
        assertEquals(true, recordingFeature(meetingId, alice));
        assertEquals(200, consent(DemoUser.CAROL, meetingId, false, hash).statusCode());
        assertEquals(1, audit.count("alert.consent-breach", "refused", meetingId));
        assertEquals(false, recordingFeature(meetingId, alice));

        HttpResponse<String> second = api.postJson("/api/meetings/" + meetingId + "/recordings", alice, plan);
        assertEquals(409, second.statusCode(), second.body());
        assertEquals("recording-already-running", Api.json(second).getString("rule"));
    }

    @Test
    void whereThePolicyForbidsRecordingNoConsentEnablesIt() {
        String meetingId = meeting("SECRET", "[\"bob\"]");
        HttpResponse<String> request = api.postJson(
                "/api/meetings/" + meetingId + "/recordings",
                tokens.withOtp(DemoUser.ALICE),
                "{\"purpose\": \"Minutes\", \"retentionDays\": 30}");
        assertEquals(409, request.statusCode(), request.body());
        assertEquals("recording-forbidden", Api.json(request).getString("rule"));
        HttpResponse<String> consent = consent(DemoUser.BOB, meetingId, true, "a".repeat(64));
        assertEquals(409, consent.statusCode(), consent.body());
        assertEquals("recording-forbidden", Api.json(consent).getString("rule"));
        assertEquals(1, audit.count("recording.request", "refused", meetingId));
    }

    @Test
    void retentionOutsideTheClassLimitsAndUnknownAccessUsersAreRefused() {
        String alice = tokens.withOtp(DemoUser.ALICE);
        String meetingId = meeting("INTERNAL");
        HttpResponse<String> tooLong = api.postJson(
                "/api/meetings/" + meetingId + "/recordings",
                alice,
                "{\"purpose\": \"Minutes\", \"retentionDays\": 4000}");
        assertEquals(422, tooLong.statusCode(), tooLong.body());
        assertEquals("recording-retention-out-of-range", Api.json(tooLong).getString("rule"));
        HttpResponse<String> unknown = api.postJson(
                "/api/meetings/" + meetingId + "/recordings",
                alice,
                "{\"purpose\": \"Minutes\", \"retentionDays\": 30, \"accessList\": [\"nobody-" + UUID.randomUUID()
                        + "\"]}");
        assertEquals(422, unknown.statusCode(), unknown.body());
        HttpResponse<String> notHost = api.postJson(
                "/api/meetings/" + meetingId + "/recordings",
                tokens.withOtp(DemoUser.BOB),
                "{\"purpose\": \"Minutes\", \"retentionDays\": 30}");
        assertEquals(403, notHost.statusCode(), notHost.body());
    }

    static String meeting(String classification) {
        return meeting(classification, "[\"bob\", \"carol\", \"erin\"]");
    }

    static String meeting(String classification, String invitees) {
        String start = LocalDateTime.now(java.time.ZoneId.of("Europe/Madrid"))
                .plusMinutes(10)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> created = api.postJson(
                "/api/meetings",
                tokens.withOtp(DemoUser.ALICE),
                """
                {"title": "Incident review", "classification": "%s", "sharingLabel": "AMBER", "start": "%s",
                 "timeZone": "Europe/Madrid", "durationMinutes": 60, "invitees": %s}"""
                        .formatted(classification, start, invitees));
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).getString("id");
    }

    static HttpResponse<String> consent(DemoUser who, String meetingId, boolean consent, String hash) {
        return api.send(
                "PUT",
                "/api/meetings/" + meetingId + "/recording/consent",
                tokens.withOtp(who),
                "application/json",
                "{\"consent\": " + consent + ", \"noticeHash\": \"" + hash + "\"}");
    }

    /** Whether the host's next join token carries the platform's recording feature. */
    static Object recordingFeature(String meetingId, String hostToken) {
        HttpResponse<String> joined = api.postJson("/api/meetings/" + meetingId + "/admissions", hostToken, "");
        assertEquals(200, joined.statusCode(), joined.body());
        String payload = Api.json(joined).getString("token").split("\\.")[1];
        JsonObject claims = Json.createReader(
                        new StringReader(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))
                .readObject();
        return claims.getJsonObject("context").getJsonObject("features").getBoolean("recording");
    }

    static String subject(DemoUser who) {
        return Tokens.claims(tokens.withOtp(who)).getString("sub");
    }

    static String room(String meetingId) {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(meetingId));
    }

    static void occupant(String meetingId, String type, String subject) throws Exception {
        HttpResponse<String> response = webhook("{\"type\": \"" + type + "\", \"room\": \"" + room(meetingId)
                + "\", \"occupant\": {\"id\": \"" + subject + "\", \"name\": \"Someone\"}}");
        assertEquals(204, response.statusCode(), response.body());
    }

    static HttpResponse<String> finished(String meetingId, String recordingId, String path, long size, String sha)
            throws Exception {
        return webhook("{\"type\": \"recording-finished\", \"room\": \"" + room(meetingId) + "\", \"recording\": {"
                + "\"id\": \"" + recordingId + "\", \"path\": \"" + path + "\", \"size\": " + size
                + ", \"sha256\": \"" + sha + "\"}}");
    }

    static HttpResponse<String> webhook(String body) throws Exception {
        return platform.signed(body);
    }

    static HttpResponse<byte[]> download(String recordingId, DemoUser who) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(portal.url() + "/api/recordings/" + recordingId + "/file"))
                .header("Authorization", "Bearer " + tokens.withOtp(who))
                .GET()
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Time passes: the recording's deletion date moves into the past, as the clock reaching it would. */
    static void passTheDeletionDate(String recordingId) throws Exception {
        try (Connection c = portal.superuser();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE recording SET delete_after = now() - interval '1 second' WHERE id = ?")) {
            update.setString(1, recordingId);
            assertEquals(1, update.executeUpdate());
        }
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
