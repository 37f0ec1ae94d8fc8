package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Array;
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
import org.conclave.platform.control.ConclaveDatabase;

/**
 * Seals committed events into the chain, in the order the sealer sees them, in batches. One sealer at a time
 * across every instance (a transaction-scoped advisory lock); writers never wait for it, so appending scales with
 * the database rather than with one lock held until each writer's commit.
 */
@Stateless
public class AuditSealing {

    /** "Conclave" in ASCII: the advisory lock that makes sealing single-writer across instances. */
    static final long SEALER_LOCK = 0x436f6e636c617665L;

    static final int BATCH = 2000;

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @jakarta.inject.Inject
    Clock clock;

    /** Seals up to one batch; returns how many events it sealed (0 when another instance holds the sealer lock). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealBatch() {
        try (Connection c = database.getConnection()) {
            if (!sealerLock(c)) {
                return 0;
            }
            long seq = 0;
            byte[] previous = AuditChain.GENESIS;
            try (Statement s = c.createStatement();
                    ResultSet head = s.executeQuery("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1")) {
                if (head.next()) {
                    seq = head.getLong(1);
                    previous = head.getBytes(2);
                }
            }
            List<Long> sealed = new ArrayList<>();
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement pending = c.prepareStatement("SELECT " + AuditRows.COLUMNS
                            + " FROM audit_pending p JOIN audit_event e ON e.id = p.event_id ORDER BY p.event_id LIMIT "
                            + BATCH);
                    PreparedStatement link = c.prepareStatement(
                            "INSERT INTO audit_chain (seq, event_id, prev_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?)");
                    ResultSet rows = pending.executeQuery()) {
                while (rows.next()) {
                    seq++;
                    byte[] hash = AuditChain.link(previous, AuditRows.canonical(rows, seq));
                    link.setLong(1, seq);
                    link.setLong(2, rows.getLong("id"));
                    link.setBytes(3, previous);
                    link.setBytes(4, hash);
                    link.setTimestamp(5, now);
                    link.addBatch();
                    sealed.add(rows.getLong("id"));
                    previous = hash;
                }
                if (sealed.isEmpty()) {
                    return 0;
                }
                link.executeBatch();
            }
            try (PreparedStatement done = c.prepareStatement("DELETE FROM audit_pending WHERE event_id = ANY (?)")) {
                Array ids = c.createArrayOf("bigint", sealed.toArray());
                done.setArray(1, ids);
                done.executeUpdate();
            }
            return sealed.size();
        } catch (SQLException e) {
            throw new IllegalStateException("sealing the audit chain failed", e);
        }
    }

    /** How many committed events wait to be sealed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long unsealed() {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_pending")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean sealerLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, SEALER_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
