package org.conclave.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL advisory locks held until the end of the current transaction: how one instance of a cluster, and only
 * one, does a job (sealing the audit chain, copying Keycloak's events).
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {}

    /** True when this transaction now holds the lock; false when another transaction does (no waiting). */
    public static boolean tryForTransaction(Connection c, long key) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
