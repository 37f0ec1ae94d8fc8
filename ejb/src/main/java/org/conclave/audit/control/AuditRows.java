package org.conclave.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The position of {@code e.id} in a row of {@link #SEALED}; the other columns follow in {@link #COLUMNS} order. */
    static final int SEALED_EVENT_COLUMN = 4;

    /**
     * Rows per query of {@link #read}: about a megabyte. PostgreSQL answers a block with a nested loop over the two
     * primary keys; one cursor over the whole range read at about half the speed (bench/results, P3).
     */
    static final int BLOCK = 2000;

    static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private AuditRows() {}

    /** The canonical fields of the event in the current row, at sequence number {@code seq}. */
    static Map<String, Object> canonical(ResultSet row, long seq) throws SQLException {
        return canonical(
                seq,
                row.getLong("id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("source"),
                row.getString("actor_subject"),
                AuditTrail.list(row.getArray("actor_roles")),
                row.getString("actor_organisation"),
                AuditTrail.list(row.getArray("actor_amr")),
                row.getString("action"),
                row.getString("target_type"),
                row.getString("target_id"),
                row.getString("outcome"),
                row.getString("reason"),
                row.getString("details"),
                row.getString("request_id"));
    }

    /** The canonical fields of an event from its column values ({@code details} as JSON text). */
    static Map<String, Object> canonical(
            long seq,
            long id,
            Instant occurredAt,
            String source,
            String actorSubject,
            List<String> actorRoles,
            String actorOrganisation,
            List<String> actorAmr,
            String action,
            String targetType,
            String targetId,
            String outcome,
            String reason,
            String details,
            String requestId) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("subject", actorSubject);
        actor.put("roles", actorRoles);
        actor.put("organisation", actorOrganisation);
        actor.put("amr", actorAmr);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", targetType);
        target.put("id", targetId);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", seq);
        event.put("id", id);
        event.put("occurredAt", INSTANT.format(occurredAt.truncatedTo(ChronoUnit.MICROS)));
        event.put("source", source);
        event.put("actor", actor);
        event.put("action", action);
        event.put("target", target);
        event.put("outcome", outcome);
        event.put("reason", reason);
        event.put("details", CanonicalJson.parse(details));
        event.put("requestId", requestId);
        return event;
    }

    /**
     * Writes the canonical bytes of the event in the current row of {@link #SEALED} (columns by position, the
     * verifier's hot path): the same bytes as {@code CanonicalJson.write(canonical(row, seq))} in UTF-8.
     */
    static CanonicalEventWriter canonical(ResultSet row, long seq, CanonicalEventWriter out) throws SQLException {
        int c = SEALED_EVENT_COLUMN;
        return out.event(
                seq,
                row.getLong(c),
                row.getTimestamp(c + 1).toInstant(),
                row.getString(c + 2),
                row.getString(c + 3),
                AuditTrail.list(row.getArray(c + 4)),
                row.getString(c + 5),
                AuditTrail.list(row.getArray(c + 6)),
                row.getString(c + 7),
                row.getString(c + 8),
                row.getString(c + 9),
                row.getString(c + 10),
                row.getString(c + 11),
                row.getString(c + 12),
                row.getString(c + 13));
    }

    /** A row of {@link #SEALED}. */
    static SealedEvent sealed(ResultSet row) throws SQLException {
        long seq = row.getLong("seq");
        return new SealedEvent(seq, row.getBytes("prev_hash"), row.getBytes("hash"), canonical(row, seq));
    }

    /** What is done with each row of {@link AuditRows#SEALED}; false stops the reading. */
    @FunctionalInterface
    interface RowReader<X extends Exception> {
        boolean row(ResultSet row, long seq) throws SQLException, X;
    }

    /**
     * Hands the sealed events with {@code from <= seq < to} to {@code reader} in {@code seq} order until it returns
     * false; returns the rows read. They are read {@link #BLOCK} at a time, each block the rows after the last one
     * read (so a gap in the sequence numbers is read past, for the verifier to find), all in one read-only
     * transaction on {@code c} in repeatable-read isolation: one snapshot, as one query would see. {@code c} must be
     * in auto-commit mode, outside any transaction, and is left so.
     */
    static <X extends Exception> long read(Connection c, long from, long to, RowReader<X> reader)
            throws SQLException, X {
        if (!c.getAutoCommit()) {
            throw new IllegalStateException("the chain is read in a transaction of its own");
        }
        long read = 0;
        c.setAutoCommit(false);
        try (Statement snapshot = c.createStatement();
                PreparedStatement block =
                        c.prepareStatement(SEALED + " WHERE c.seq >= ? AND c.seq < ? ORDER BY c.seq LIMIT " + BLOCK)) {
            snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            // a block is small, and segments already run side by side: parallel workers would only cost their start
            snapshot.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            long next = from;
            int rowsInBlock = BLOCK;
            while (rowsInBlock == BLOCK) {
                rowsInBlock = 0;
                block.setLong(1, next);
                block.setLong(2, to);
                try (ResultSet rows = block.executeQuery()) {
                    while (rows.next()) {
                        rowsInBlock++;
                        read++;
                        long seq = rows.getLong(1);
                        next = seq + 1;
                        if (!reader.row(rows, seq)) {
                            return read;
                        }
                    }
                }
            }
            return read;
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
