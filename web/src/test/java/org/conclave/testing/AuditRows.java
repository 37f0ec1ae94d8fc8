package org.conclave.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.conclave.stack.RunningPortal.Portal;

/** Counts audit events straight from the database, as an auditor with SQL access would. */
public final class AuditRows {

    private final Portal portal;

    public AuditRows(Portal portal) {
        this.portal = portal;
    }

    /** Events of {@code action} with {@code outcome} (allowed/refused) on target {@code targetId} (null: any). */
    public long count(String action, String outcome, String targetId) {
        String sql = "SELECT count(*) FROM audit_event WHERE action = ? AND outcome = ?"
                + (targetId == null ? "" : " AND target_id = ?");
        try (Connection c = portal.superuser();
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, action);
            query.setString(2, outcome);
            if (targetId != null) {
                query.setString(3, targetId);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refusals of {@code action} with reason {@code rule} by the actor with this subject. */
    public long refusals(String action, String rule, String actorSubject) {
        try (Connection c = portal.superuser();
                PreparedStatement query = c.prepareStatement("SELECT count(*) FROM audit_event WHERE action = ?"
                        + " AND outcome = 'refused' AND reason = ? AND actor_subject = ?")) {
            query.setString(1, action);
            query.setString(2, rule);
            query.setString(3, actorSubject);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String scalar(String sql, String parameter) {
        try (Connection c = portal.superuser();
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
