package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.conclave.audit.entity.Hex;
import org.conclave.platform.control.AdvisoryLocks;
import org.conclave.platform.control.ConclaveDatabase;

/**
 * Seals committed events into the chain in id order, in batches, up to a horizon below which every transaction
 * that took an event id has finished (so no event can still appear below it). One sealer at a time across every
 * instance (a transaction-scoped advisory lock); writers never wait for it.
 */
@Stateless
public class AuditSealing {

    /** "Conclave" in ASCII: the advisory lock that makes sealing single-writer across instances. */
    static final long SEALER_LOCK = 0x436f6e636c617665L;

    static final int BATCH = 2000;

    /** A possible horizon: the last event id handed out, and the database snapshot taken just after reading it. */
    public record Horizon(long lastId, String snapshot) {}

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    Clock clock;

    /**
     * Reads the last event id handed out, then takes a snapshot. Writers take their transaction id before their
     * event id, so every transaction holding an id up to {@code lastId} was running or finished at the snapshot.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Horizon candidate() {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            long lastId;
            try (ResultSet rs =
                    s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM audit_event_id_seq")) {
                rs.next();
                lastId = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_current_snapshot()::text")) {
                rs.next();
                return new Horizon(lastId, rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sealing horizon", e);
        }
    }

    /** True once every transaction that was running at the candidate's snapshot has finished. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean reached(Horizon horizon) {
        try (Connection c = database.getConnection();
                PreparedStatement check =
                        c.prepareStatement("SELECT coalesce(bool_and(pg_xact_status(x) <> 'in progress'), true)"
                                + " FROM pg_snapshot_xip(?::pg_snapshot) AS x")) {
            check.setString(1, horizon.snapshot());
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the sealing horizon", e);
        }
    }

    /** Seals up to one batch of events with ids up to {@code horizon}; returns how many it sealed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealBatch(long horizon) {
        try (Connection c = database.getConnection()) {
            if (!sealerLock(c)) {
                return 0;
            }
            long seq = 0;
            long lastEventId = 0;
            byte[] previous = AuditChain.GENESIS;
            try (Statement s = c.createStatement();
                    ResultSet head =
                            s.executeQuery("SELECT seq, hash, event_id FROM audit_chain ORDER BY seq DESC LIMIT 1")) {
                if (head.next()) {
                    seq = head.getLong(1);
                    previous = head.getBytes(2);
                    lastEventId = head.getLong(3);
                }
            }
            if (horizon <= lastEventId) {
                return 0;
            }
            List<Long> seqs = new ArrayList<>();
            List<Long> eventIds = new ArrayList<>();
            List<String> prevHashes = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            try (PreparedStatement next = c.prepareStatement("SELECT " + AuditRows.COLUMNS
                    + " FROM audit_event e WHERE e.id > ? AND e.id <= ? ORDER BY e.id LIMIT " + BATCH)) {
                next.setLong(1, lastEventId);
                next.setLong(2, horizon);
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        seq++;
                        byte[] hash = AuditChain.link(previous, AuditRows.canonical(rows, seq));
                        seqs.add(seq);
                        eventIds.add(rows.getLong("id"));
                        prevHashes.add(Hex.of(previous));
                        hashes.add(Hex.of(hash));
                        previous = hash;
                    }
                }
            }
            if (!seqs.isEmpty()) {
                try (PreparedStatement link =
                        c.prepareStatement("INSERT INTO audit_chain (seq, event_id, prev_hash, hash,"
                                + " sealed_at) SELECT s, e, decode(p, 'hex'), decode(h, 'hex'), ? FROM unnest(?::bigint[],"
                                + " ?::bigint[], ?::text[], ?::text[]) AS t(s, e, p, h)")) {
                    link.setTimestamp(1, Timestamp.from(clock.instant()));
                    link.setArray(2, c.createArrayOf("bigint", seqs.toArray()));
                    link.setArray(3, c.createArrayOf("bigint", eventIds.toArray()));
                    link.setArray(4, c.createArrayOf("text", prevHashes.toArray()));
                    link.setArray(5, c.createArrayOf("text", hashes.toArray()));
                    link.executeUpdate();
                }
            }
            int sealed = seqs.size();
            return sealed;
        } catch (SQLException e) {
            throw new IllegalStateException("sealing the audit chain failed", e);
        }
    }

    /** How many committed events are not sealed yet. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long unsealed() {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE id >"
                        + " coalesce((SELECT event_id FROM audit_chain ORDER BY seq DESC LIMIT 1), 0)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean sealerLock(Connection c) throws SQLException {
        return AdvisoryLocks.tryForTransaction(c, SEALER_LOCK);
    }
}
