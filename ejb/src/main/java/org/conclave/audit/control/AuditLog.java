package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.conclave.audit.entity.EventFilter;
import org.conclave.audit.entity.Hex;
import org.conclave.platform.control.ConclaveDatabase;

/**
 * Reads the audit log for people: filtered, newest first, paged by event id. Sealed events carry their sequence
 * number and hash; events committed in the last instant may not be sealed yet.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditLog {

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    /**
     * @param visibleTargetIds when present, only events whose target id is one of these (a host's own meetings)
     */
    public List<Map<String, Object>> events(EventFilter filter, Optional<List<String>> visibleTargetIds) {
        StringBuilder sql = new StringBuilder("SELECT c.seq, c.hash, " + AuditRows.COLUMNS
                + ", e.actor_username FROM audit_event e LEFT JOIN audit_chain c ON c.event_id = e.id"
                + " WHERE true");
        List<Object> params = new ArrayList<>();
        filter.actor().ifPresent(a -> {
            sql.append(" AND (e.actor_subject = ? OR e.actor_username = ?)");
            params.add(a);
            params.add(a);
        });
        filter.action().ifPresent(a -> add(sql, params, " AND e.action = ?", a));
        filter.targetType().ifPresent(t -> add(sql, params, " AND e.target_type = ?", t));
        filter.targetId().ifPresent(t -> add(sql, params, " AND e.target_id = ?", t));
        filter.outcome().ifPresent(o -> add(sql, params, " AND e.outcome = ?", o));
        filter.from().ifPresent(f -> add(sql, params, " AND e.occurred_at >= ?", Timestamp.from(f)));
        filter.to().ifPresent(t -> add(sql, params, " AND e.occurred_at < ?", Timestamp.from(t)));
        filter.before().ifPresent(b -> add(sql, params, " AND e.id < ?", b));
        visibleTargetIds.ifPresent(ids -> {
            sql.append(" AND e.target_id = ANY (?)");
            params.add(ids);
        });
        sql.append(" ORDER BY e.id DESC LIMIT ").append(Math.max(1, Math.min(filter.limit(), 500)));
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof List<?> list) {
                    query.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    query.setObject(i + 1, p);
                }
            }
            List<Map<String, Object>> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong("seq");
                    boolean sealed = !rows.wasNull();
                    Map<String, Object> event = new LinkedHashMap<>(AuditRows.canonical(rows, seq));
                    event.put("seq", sealed ? seq : null);
                    event.put("hash", sealed ? Hex.of(rows.getBytes("hash")) : null);
                    event.put("actorUsername", rows.getString("actor_username"));
                    events.add(event);
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
        sql.append(clause);
        params.add(value);
    }
}
