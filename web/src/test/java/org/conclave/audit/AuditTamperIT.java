package org.conclave.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database superuser (who can switch the triggers off) tampers with the audit tables; verification detects each
 * case and names the first bad sequence number. Every case puts the rows back and checks the chain is valid again.
 */
@ExtendWith(RunningPortal.class)
class AuditTamperIT {

    static Portal portal;
    static Api api;
    static String dora;

    @BeforeAll
    static void connect(Portal running) throws Exception {
        portal = running;
        api = new Api(running.url());
        Tokens tokens = new Tokens(running.keycloakUrl());
        dora = tokens.withOtp(DemoUser.DORA);
        String bob = tokens.withOtp(DemoUser.BOB);
        for (int i = 0; i < 12; i++) {
            api.get("/api/audit/verification", bob);
        }
        Thread.sleep(3000);
    }

    @BeforeEach
    void chainIsValid() {
        JsonObject result = verification();
        assertTrue(result.getBoolean("valid"), result.toString());
    }

    @Test
    void aChangedFieldIsDetectedAtItsSequence() throws SQLException {
        long s = head() - 5;
        String original =
                scalar("SELECT e.action FROM audit_event e JOIN audit_chain c ON c.event_id = e.id WHERE c.seq = " + s);
        tamper(
                "UPDATE audit_event SET action = 'meeting.schedule' WHERE id = (SELECT event_id FROM audit_chain WHERE seq = "
                        + s + ")");
        try {
            assertDetectedAt(s);
        } finally {
            tamper("UPDATE audit_event SET action = '" + original
                    + "' WHERE id = (SELECT event_id FROM audit_chain WHERE seq = " + s + ")");
        }
        assertTrue(verification().getBoolean("valid"));
    }

    @Test
    void aDeletedMiddleRowIsDetected() throws SQLException {
        long s = head() - 4;
        String restore = restoreChainRows("seq = " + s);
        tamper("DELETE FROM audit_chain WHERE seq = " + s);
        try {
            assertDetectedAt(s);
        } finally {
            tamper(restore);
        }
        assertTrue(verification().getBoolean("valid"));
    }

    /**
     * The verifier reads 2,000 rows per query, each query starting after the last row read: a gap longer than that
     * must be read past and reported whole, not end the walk where a block came back empty.
     */
    @Test
    void aDeletedRunLongerThanAReadBlockIsReportedWhole() throws SQLException {
        while (head() < 2_700) {
            for (long i = head(); i < 2_700; i++) {
                HttpResponse<String> refused = api.postJson("/api/meetings", dora, "{");
                assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.body());
            }
            assertTrue(verification().getBoolean("valid")); // seals what the refusals recorded
        }
        long s = head() - 2_600;
        String run = "seq >= " + s + " AND seq < " + (s + 2_100);
        String restore = restoreChainRows(run);
        tamper("DELETE FROM audit_chain WHERE " + run);
        try {
            JsonObject result = verification();
            assertFalse(result.getBoolean("valid"), result.toString());
            assertEquals(s, result.getJsonNumber("firstInvalidSequence").longValue(), result.toString());
            assertEquals("events " + s + " to " + (s + 2_099) + " are missing", result.getString("reason"));
        } finally {
            tamper(restore);
        }
        assertTrue(verification().getBoolean("valid"));
    }

    @Test
    void reorderedRowsAreDetected() throws SQLException {
        long s = head() - 6;
        String swap = "ALTER TABLE audit_chain DROP CONSTRAINT audit_chain_event_id_key;"
                + "UPDATE audit_chain a SET event_id = b.event_id FROM audit_chain b"
                + " WHERE (a.seq, b.seq) IN ((" + s + ", " + (s + 1) + "), (" + (s + 1) + ", " + s + "));"
                + "ALTER TABLE audit_chain ADD CONSTRAINT audit_chain_event_id_key UNIQUE (event_id)";
        tamper(swap);
        try {
            assertDetectedAt(s);
        } finally {
            tamper(swap);
        }
        assertTrue(verification().getBoolean("valid"));
    }

    @Test
    void aDeletedTailIsDetectedThroughTheSignedCheckpoint() throws SQLException {
        HttpResponse<String> checkpoint = api.postJson("/api/audit/checkpoints", dora, "{}");
        assertTrue(checkpoint.statusCode() == 201 || checkpoint.statusCode() == 204, checkpoint.body());
        long h = head();
        String tail = "(SELECT event_id FROM audit_chain WHERE seq > " + (h - 3) + ")";
        String restoreChain = restoreChainRows("seq > " + (h - 3));
        tamper("DROP TABLE IF EXISTS tamper_saved; CREATE TABLE tamper_saved AS SELECT * FROM audit_event WHERE id IN "
                + tail
                + "; DELETE FROM audit_chain WHERE seq > " + (h - 3) + "; DELETE FROM audit_event WHERE id IN"
                + " (SELECT id FROM tamper_saved); DELETE FROM audit_checkpoint WHERE last_seq > " + (h - 3));
        try {
            JsonObject result = verification();
            assertFalse(result.getBoolean("valid"));
            assertEquals(h - 2, result.getJsonNumber("firstInvalidSequence").longValue(), result.toString());
        } finally {
            tamper("INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM tamper_saved; " + restoreChain
                    + " DROP TABLE tamper_saved");
        }
    }

    @Test
    void anInsertedForgedRowIsDetected() throws SQLException {
        long s = head() - 3;
        String shiftUp = "DO $$ DECLARE r record; BEGIN FOR r IN SELECT seq FROM audit_chain WHERE seq > " + s
                + " ORDER BY seq DESC LOOP UPDATE audit_chain SET seq = seq + 1 WHERE seq = r.seq; END LOOP; END $$";
        String shiftDown = "DO $$ DECLARE r record; BEGIN FOR r IN SELECT seq FROM audit_chain WHERE seq > " + (s + 1)
                + " ORDER BY seq LOOP UPDATE audit_chain SET seq = seq - 1 WHERE seq = r.seq; END LOOP; END $$";
        String forge =
                "WITH e AS (INSERT INTO audit_event (id, occurred_at, source, action, outcome) OVERRIDING SYSTEM VALUE"
                        + " VALUES (-1, now(), 'conclave', 'recording.delete', 'allowed') RETURNING id)"
                        + " INSERT INTO audit_chain (seq, event_id, prev_hash, hash, sealed_at)"
                        + " SELECT " + (s + 1) + ", e.id, (SELECT hash FROM audit_chain WHERE seq = " + s + "),"
                        + " sha256(convert_to('forged', 'UTF8')), now() FROM e";
        tamper(shiftUp + ";" + forge);
        try {
            assertDetectedAt(s + 1);
        } finally {
            tamper("DELETE FROM audit_chain WHERE seq = " + (s + 1) + ";" + shiftDown
                    + "; DELETE FROM audit_event WHERE id = -1");
        }
        assertTrue(verification().getBoolean("valid"));
    }

    private static void assertDetectedAt(long seq) {
        JsonObject result = verification();
        assertFalse(result.getBoolean("valid"), result.toString());
        assertEquals(seq, result.getJsonNumber("firstInvalidSequence").longValue(), result.toString());
    }

    private static JsonObject verification() {
        HttpResponse<String> response = api.get("/api/audit/verification", dora);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private static long head() throws SQLException {
        return Long.parseLong(scalar("SELECT max(seq) FROM audit_chain"));
    }

    /** SQL that puts the selected chain rows back as they are now. */
    private static String restoreChainRows(String where) throws SQLException {
        StringBuilder sql = new StringBuilder();
        try (Connection su = portal.superuser();
                Statement s = su.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT seq, event_id, encode(prev_hash, 'hex'), encode(hash, 'hex'), sealed_at"
                                + " FROM audit_chain WHERE " + where)) {
            while (rs.next()) {
                sql.append("INSERT INTO audit_chain (seq, event_id, prev_hash, hash, sealed_at) VALUES (")
                        .append(rs.getLong(1))
                        .append(", ")
                        .append(rs.getLong(2))
                        .append(", decode('")
                        .append(rs.getString(3))
                        .append("', 'hex'), decode('")
                        .append(rs.getString(4))
                        .append("', 'hex'), '")
                        .append(rs.getTimestamp(5).toInstant())
                        .append("');");
            }
        }
        return sql.toString();
    }

    private static String scalar(String query) throws SQLException {
        try (Connection su = portal.superuser();
                Statement s = su.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Runs SQL as the superuser with the audit triggers switched off, then switches them back on. */
    private static void tamper(String sql) throws SQLException {
        try (Connection su = portal.superuser();
                Statement s = su.createStatement()) {
            su.setAutoCommit(false);
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER; ALTER TABLE audit_chain DISABLE TRIGGER USER;"
                    + " ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
            s.execute(sql);
            s.execute("ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_immutable;"
                    + " ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_truncate;"
                    + " ALTER TABLE audit_chain ENABLE ALWAYS TRIGGER audit_chain_immutable;"
                    + " ALTER TABLE audit_chain ENABLE ALWAYS TRIGGER audit_chain_no_truncate;"
                    + " ALTER TABLE audit_checkpoint ENABLE ALWAYS TRIGGER audit_checkpoint_immutable;"
                    + " ALTER TABLE audit_checkpoint ENABLE ALWAYS TRIGGER audit_checkpoint_no_truncate");
            su.commit();
        }
    }
}
