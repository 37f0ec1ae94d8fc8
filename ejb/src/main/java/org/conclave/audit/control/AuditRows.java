package org.conclave.audit.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.conclave.audit.entity.SealedEvent;

/**
 * Reads audit rows into the event's canonical fields: the exact object that is hashed (see docs/audit-chain.md).
 * Every query that feeds the sealer, the verifier or the export selects {@link #COLUMNS}.
 */
final class AuditRows {

    static final String COLUMNS = "e.id, e.occurred_at, e.source, e.actor_subject, e.actor_roles, e.actor_organisation,"
            + " e.actor_amr, e.action, e.target_type, e.target_id, e.outcome, e.reason, e.details::text, e.request_id";

    static final String SEALED = "SELECT c.seq, c.prev_hash, c.hash, " + COLUMNS
            + " FROM audit_chain c JOIN audit_event e ON e.id = c.event_id";

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private AuditRows() {}

    /** The canonical fields of the event in the current row, at sequence number {@code seq}. */
    static Map<String, Object> canonical(ResultSet row, long seq) throws SQLException {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("subject", row.getString("actor_subject"));
        actor.put("roles", AuditTrail.list(row.getArray("actor_roles")));
        actor.put("organisation", row.getString("actor_organisation"));
        actor.put("amr", AuditTrail.list(row.getArray("actor_amr")));
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", row.getString("target_type"));
        target.put("id", row.getString("target_id"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", seq);
        event.put("id", row.getLong("id"));
        event.put(
                "occurredAt",
                INSTANT.format(row.getTimestamp("occurred_at").toInstant().truncatedTo(ChronoUnit.MICROS)));
        event.put("source", row.getString("source"));
        event.put("actor", actor);
        event.put("action", row.getString("action"));
        event.put("target", target);
        event.put("outcome", row.getString("outcome"));
        event.put("reason", row.getString("reason"));
        event.put("details", CanonicalJson.parse(row.getString("details")));
        event.put("requestId", row.getString("request_id"));
        return event;
    }

    /** A row of {@link #SEALED}. */
    static SealedEvent sealed(ResultSet row) throws SQLException {
        long seq = row.getLong("seq");
        return new SealedEvent(seq, row.getBytes("prev_hash"), row.getBytes("hash"), canonical(row, seq));
    }
}
