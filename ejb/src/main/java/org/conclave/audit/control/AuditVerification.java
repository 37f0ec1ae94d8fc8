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
import javax.sql.DataSource;
import org.conclave.audit.entity.Verification;
import org.conclave.platform.control.ConclaveDatabase;

/** Verifies the whole chain in the database against the signed checkpoints, in batches (constant memory). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditVerification {

    private static final int PAGE = 5000;

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    AuditSealer sealer;

    @Inject
    Checkpoints checkpoints;

    @Inject
    SigningKeys keys;

    public Verification verify() {
        sealer.sealNow();
        ChainVerifier verifier = new ChainVerifier(keys.publicKeys(), checkpoints.all(), 1, AuditChain.GENESIS);
        try (Connection c = database.getConnection();
                PreparedStatement page =
                        c.prepareStatement(AuditRows.SEALED + " WHERE c.seq > ? ORDER BY c.seq LIMIT " + PAGE)) {
            long after = 0;
            boolean more = true;
            while (more) {
                page.setLong(1, after);
                int read = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        after = rows.getLong("seq");
                        if (!verifier.accept(AuditRows.sealed(rows))) {
                            return verifier.finish();
                        }
                    }
                }
                more = read == PAGE;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
        return verifier.finish();
    }
}
