package org.conclave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.conclave.stack.ConclaveStack;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backup and restore, end to end: a base backup of the database is taken while the portal runs, more happens
 * afterwards, then the backup is restored into a second PostgreSQL with a second portal on it. Verified against the
 * signed checkpoints taken up to the backup, the restored log is complete and valid; verified against the checkpoint
 * file as it is now, the same log is shown to end at the backup: everything up to it intact, what came after missing.
 */
@ExtendWith(RunningPortal.class)
class BackupRestoreIT {

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
    void theRestoredLogIsCompleteUpToTheBackupAndProvablySo() throws Exception {
        String dora = tokens.withOtp(DemoUser.DORA);
        schedule("Before the backup");
        checkpoint(dora);
        Path restoredData = Path.of("target", "restored-portal").toAbsolutePath();
        Files.createDirectories(restoredData.resolve("audit"));
        for (String file : new String[] {"signing-key.pem", "signing-key.pem.pub", "checkpoints.jsonl"}) {
            Path source = portal.dataDirectory().resolve("audit").resolve(file);
            if (Files.exists(source)) {
                Files.copy(source, restoredData.resolve("audit").resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        long headAtBackup = head();
        try (ConclaveStack.Restored restored = portal.backupAndRestore(restoredData)) {
            schedule("After the backup");
            checkpoint(dora);
            long headNow = head();

            Api second = new Api(restored.start());
            JsonObject atBackup = Api.json(second.get("/api/audit/verification", dora));
            assertTrue(atBackup.getBoolean("valid"), "the restored log verifies: " + atBackup);
            // complete up to the backup; the restored portal then continues its own chain (its start, this request)
            long restoredThrough = atBackup.getJsonNumber("verifiedThrough").longValue();
            assertTrue(restoredThrough >= headAtBackup, "verified through the head at the backup: " + atBackup);
            assertTrue(atBackup.getJsonNumber("anchoredThrough").longValue() > 0, "anchored by a signed checkpoint");

            Files.copy(
                    portal.dataDirectory().resolve("audit/checkpoints.jsonl"),
                    restoredData.resolve("audit/checkpoints.jsonl"),
                    StandardCopyOption.REPLACE_EXISTING);
            JsonObject againstToday = Api.json(second.get("/api/audit/verification", dora));
            assertFalse(againstToday.getBoolean("valid"), "events after the backup are missing: " + againstToday);
            assertTrue(
                    againstToday.getJsonNumber("firstInvalidSequence").longValue() > 0,
                    "the first missing or different sequence is named: " + againstToday);
            HttpResponse<String> meetings = second.get("/api/meetings", tokens.withOtp(DemoUser.ALICE));
            assertTrue(meetings.body().contains("Before the backup"));
            assertFalse(meetings.body().contains("After the backup"));
            System.out.println("backup and restore: restored log verified through " + restoredThrough + " of " + headNow
                    + "; against today's checkpoints: " + againstToday.getString("reason"));
        }
    }

    static void schedule(String title) {
        String start = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        assertEquals(
                201,
                api.postJson(
                                "/api/meetings",
                                tokens.withOtp(DemoUser.ALICE),
                                "{\"title\": \"" + title + "\", \"classification\": \"PUBLIC\", \"sharingLabel\":"
                                        + " \"CLEAR\", \"start\": \"" + start + "\", \"timeZone\": \"UTC\","
                                        + " \"durationMinutes\": 30}")
                        .statusCode());
    }

    /**
     * A signed checkpoint of the head once every event recorded so far is sealed into the chain (the sealer works a
     * moment behind the actions; 204 when the head is already checkpointed).
     */
    static void checkpoint(String auditor) throws Exception {
        long recorded = longValue("SELECT coalesce(max(id), 0) FROM audit_event");
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (longValue("SELECT coalesce(max(event_id), 0) FROM audit_chain") < recorded) {
            assertTrue(java.time.Instant.now().isBefore(deadline), "events up to " + recorded + " sealed in 30 s");
            Thread.sleep(200);
        }
        int status = api.postJson("/api/audit/checkpoints", auditor, "").statusCode();
        assertTrue(status == 201 || status == 204, "checkpoint: " + status);
    }

    static long head() throws Exception {
        return longValue("SELECT max(seq) FROM audit_chain");
    }

    private static long longValue(String query) throws Exception {
        try (Connection c = portal.superuser();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
