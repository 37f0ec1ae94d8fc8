package org.conclave.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database itself refuses to let the application's role alter or remove audit events. */
@ExtendWith(RunningPortal.class)
class AuditDatabaseIT {

    @Test
    void theApplicationRoleMayAppendButNotAlterRemoveOrTruncate(Portal portal) throws SQLException {
        try (Connection app = portal.applicationRole()) {
            long id = append(app);
            assertRefused(app, "UPDATE audit_event SET outcome = 'refused' WHERE id = " + id);
            assertRefused(app, "DELETE FROM audit_event WHERE id = " + id);
            assertRefused(app, "TRUNCATE audit_event");
            assertRefused(app, "DELETE FROM audit_chain");
            assertRefused(app, "UPDATE audit_checkpoint SET event_count = 0");
            try (Statement s = app.createStatement();
                    ResultSet rs = s.executeQuery("SELECT outcome FROM audit_event WHERE id = " + id)) {
                assertTrue(rs.next());
                assertEquals("allowed", rs.getString(1));
            }
        }
    }

    @Test
    void evenTheTableOwnerIsStoppedByTheTriggers(Portal portal) throws SQLException {
        try (Connection su = portal.superuser()) {
            long id = append(su);
            try (Statement s = su.createStatement()) {
                s.execute("SET ROLE conclave_audit");
            }
            assertRefused(su, "UPDATE audit_event SET outcome = 'refused' WHERE id = " + id);
            assertRefused(su, "DELETE FROM audit_event WHERE id = " + id);
        }
    }

    private static long append(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_event (occurred_at, source, action, outcome) VALUES (now(), 'conclave', ?, 'allowed')"
                        + " RETURNING id")) {
            insert.setString(1, "test.append");
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void assertRefused(Connection c, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
        assertTrue(refused.getSQLState().startsWith("42"), refused.getSQLState() + " " + refused.getMessage());
    }
}
