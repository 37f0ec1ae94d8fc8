package org.conclave.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.conclave.audit.control.AuditVerification;
import org.conclave.audit.entity.Verification;
import org.conclave.identity.entity.Caller;

/**
 * The chain-status badge: the outcome of the last verification run from the pages (who ran it, when). Walking the
 * whole chain costs time, so the timeline shows this result and an auditor runs a new verification on demand.
 */
@ApplicationScoped
public class ChainStatus {

    /** A verification's outcome with when and by whom. */
    public record Checked(Verification result, Instant at, String by) {}

    @Inject
    AuditVerification verification;

    private volatile Checked last;

    /** Verifies the chain now (recorded in the audit log itself) and remembers the outcome. */
    public Checked verify(Caller auditor) {
        Checked checked = new Checked(verification.verify(), Instant.now(), auditor.username());
        last = checked;
        return checked;
    }

    public Optional<Checked> last() {
        return Optional.ofNullable(last);
    }
}
