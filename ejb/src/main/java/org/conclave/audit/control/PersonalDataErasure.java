package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.platform.control.ConclaveDatabase;

/**
 * Erasure of a person (GDPR Art. 17): their username and client addresses are removed from beside the audit
 * events; the events themselves, which only hold the pseudonymous subject, stay countable and the chain verifiable.
 * The erasure is itself audited, in the same transaction.
 */
@Stateless
public class PersonalDataErasure {

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    AuditTrail trail;

    public long erase(String subject) {
        try (Connection c = database.getConnection();
                PreparedStatement erase = c.prepareStatement("SELECT audit_erase_person(?)")) {
            erase.setString(1, subject);
            long erased;
            try (ResultSet rs = erase.executeQuery()) {
                rs.next();
                erased = rs.getLong(1);
            }
            trail.record(AuditEntry.allowed("audit.personal-data-erase")
                    .target("person", subject)
                    .detail("eventsErased", erased));
            return erased;
        } catch (SQLException e) {
            throw new IllegalStateException("could not erase personal data", e);
        }
    }
}
