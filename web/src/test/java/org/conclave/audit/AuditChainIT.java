package org.conclave.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.conclave.audit.control.CheckpointSignatures;
import org.conclave.audit.control.OfflineVerifier;
import org.conclave.audit.entity.Verification;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit chain on the real stack: refusals audited, concurrent writers, verification, export, erasure. */
@ExtendWith(RunningPortal.class)
class AuditChainIT {

    static Portal portal;
    static Api api;
    static Tokens tokens;

    @BeforeAll
    static void connect(Portal running) {
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
    }

    @Test
    void aRefusedActionIsAuditedWithItsRuleAndActor() {
        String bob = tokens.withOtp(DemoUser.BOB);
        HttpResponse<String> refused = api.get("/api/audit/verification", bob);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("forbidden", Api.json(refused).getString("rule"));

        JsonObject event = latest("audit.verify", Tokens.claims(bob).getString("sub"));
        assertEquals("refused", event.getString("outcome"));
        assertEquals("forbidden", event.getString("reason"));
        assertEquals("bob", event.getString("actorUsername"));
        assertTrue(event.getJsonObject("actor").getJsonArray("roles").toString().contains("participant"));
    }

    @Test
    void thirtyTwoConcurrentWritersLeaveAGapFreeValidChain() throws Exception {
        String carol = tokens.withOtp(DemoUser.CAROL);
        long before = eventCount();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
                calls.add(pool.submit(() -> api.get("/api/audit/export", carol).statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertEquals(403, call.get());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(eventCount() - before >= 320);

        JsonObject verification = verification();
        assertTrue(verification.getBoolean("valid"), verification.toString());
        try (Connection su = portal.superuser();
                Statement s = su.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), max(seq), min(seq) FROM audit_chain")) {
            rs.next();
            assertEquals(rs.getLong(1), rs.getLong(2), "sequence numbers are gap-free");
            assertEquals(1, rs.getLong(3));
        }
    }

    @Test
    void keycloakLoginsEnterTheChainExactlyOnceEvenAfterARestart() throws Exception {
        String erin = tokens.withOtp(DemoUser.ERIN);
        String subject = Tokens.claims(erin).getString("sub");
        awaitEvent("keycloak.login", subject);
        // erin's sign-ins from earlier tests may still be on their way in: wait until ingestion has caught up
        long logins = keycloakEvents(subject);
        for (int stable = 0; stable < 3; ) {
            Thread.sleep(2500);
            long now = keycloakEvents(subject);
            stable = now == logins ? stable + 1 : 0;
            logins = now;
        }
        assertTrue(logins >= 1);

        portal.restartPortal();
        Thread.sleep(6000);

        assertEquals(logins, keycloakEvents(subject));
        assertEquals(0, duplicateKeycloakEvents());
        assertTrue(verification().getBoolean("valid"));
    }

    @Test
    void theOfflineVerifierAcceptsARealExportAndRejectsAModifiedOne() throws Exception {
        String dora = tokens.withOtp(DemoUser.DORA);
        api.get("/api/audit/verification", tokens.withOtp(DemoUser.BOB));
        assertEquals(201, api.postJson("/api/audit/checkpoints", dora, "{}").statusCode());
        HttpResponse<String> export = api.get("/api/audit/export", dora);
        assertEquals(200, export.statusCode(), export.body());
        Path file = Files.createTempFile("audit-export", ".jsonl");
        Files.writeString(file, export.body());

        Map<String, PublicKey> keys = publicKeys();
        Verification intact = OfflineVerifier.verify(file, keys);
        assertTrue(intact.valid(), intact.reason());
        assertTrue(intact.events() > 10);
        assertTrue(intact.anchoredThrough() > 0);

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int middle = lines.size() / 2;
        String line = lines.get(middle);
        assertTrue(line.contains("\"type\":\"event\""), line);
        lines.set(middle, line.replaceFirst("\"outcome\":\"(allowed|refused)\"", "\"outcome\":\"tampered\""));
        Path modified = Files.createTempFile("audit-export-modified", ".jsonl");
        Files.write(modified, lines);

        Verification broken = OfflineVerifier.verify(modified, keys);
        assertFalse(broken.valid());
        assertTrue(broken.firstInvalidSequence().isPresent());
    }

    @Test
    void erasingAPersonKeepsTheChainValidAndTheEventsCountable() throws Exception {
        String carol = tokens.withOtp(DemoUser.CAROL);
        String subject = Tokens.claims(carol).getString("sub");
        api.get("/api/audit/verification", carol);
        awaitEvent("audit.verify", subject);
        assertEquals(
                403,
                api.postJson("/api/audit/erasures", carol, "{\"subject\":\"" + subject + "\"}")
                        .statusCode());
        long maxIdBefore = Long.parseLong(scalarOf("SELECT max(id) FROM audit_event"));
        long eventsOfCarol = countWhere("actor_subject = '" + subject + "' AND id <= " + maxIdBefore);
        HttpResponse<String> erased =
                api.postJson("/api/audit/erasures", tokens.withOtp(DemoUser.ADAM), "{\"subject\":\"" + subject + "\"}");
        assertEquals(200, erased.statusCode(), erased.body());
        assertTrue(Api.json(erased).getJsonNumber("eventsErased").longValue() >= 1);

        assertEquals(eventsOfCarol, countWhere("actor_subject = '" + subject + "' AND id <= " + maxIdBefore));
        try (Connection su = portal.superuser();
                Statement s = su.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE actor_subject = '" + subject
                        + "' AND actor_username IS NOT NULL")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
        assertTrue(verification().getBoolean("valid"));
        JsonObject erasure = latest("audit.personal-data-erase", null);
        assertEquals(subject, erasure.getJsonObject("target").getString("id"));
        assertEquals("adam", erasure.getString("actorUsername"));
    }

    @Test
    void thePublicKeysArePublicAndTheVerificationIsForAuditors() {
        HttpResponse<String> keys = api.get("/api/audit/keys", null);
        assertEquals(200, keys.statusCode());
        assertTrue(keys.body().contains("Ed25519"));
        assertEquals(401, api.get("/api/audit/verification", null).statusCode());
    }

    static JsonObject verification() {
        HttpResponse<String> response = api.get("/api/audit/verification", tokens.withOtp(DemoUser.DORA));
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    static Map<String, PublicKey> publicKeys() {
        HttpResponse<String> keys = api.get("/api/audit/keys", null);
        return Api.jsonArray(keys).getValuesAs(JsonObject.class).stream()
                .map(k -> CheckpointSignatures.publicKey(java.util.Base64.getMimeDecoder()
                        .decode(k.getString("publicKey")
                                .replaceAll("-----[A-Z ]+-----", "")
                                .trim())))
                .collect(java.util.stream.Collectors.toMap(CheckpointSignatures::keyId, k -> k));
    }

    static JsonObject latest(String action, String subject) {
        String query = "/api/audit/events?limit=1&action=" + action + (subject == null ? "" : "&actor=" + subject);
        HttpResponse<String> events = api.get(query, tokens.withOtp(DemoUser.DORA));
        assertEquals(200, events.statusCode(), events.body());
        return Api.json(events).getJsonArray("events").getJsonObject(0);
    }

    static void awaitEvent(String action, String subject) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> events = api.get(
                    "/api/audit/events?limit=1&action=" + action + "&actor=" + subject, tokens.withOtp(DemoUser.DORA));
            if (!Api.json(events).getJsonArray("events").isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + action + " event of " + subject + " within 30 s");
    }

    static long keycloakEvents(String subject) throws SQLException {
        return countWhere("source = 'keycloak' AND action = 'keycloak.login' AND actor_subject = '" + subject + "'");
    }

    static long duplicateKeycloakEvents() throws SQLException {
        try (Connection su = portal.superuser();
                Statement s = su.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM (SELECT details->>'keycloakEventId' FROM audit_event"
                                + " WHERE source = 'keycloak' GROUP BY 1 HAVING count(*) > 1) d")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long eventCount() throws SQLException {
        return countWhere("true");
    }

    static String scalarOf(String query) throws SQLException {
        try (Connection su = portal.superuser();
                Statement s = su.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long countWhere(String condition) throws SQLException {
        try (Connection su = portal.superuser();
                Statement s = su.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
