package org.conclave.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.platform.entity.Refusal;

/**
 * Records a refusal in a transaction of its own: the refused action's transaction rolls back (nothing of it stays),
 * while the fact that it was attempted and refused is kept.
 */
@Stateless
public class RefusalRecorder {

    @Inject
    AuditTrail trail;

    /** Records {@code entry} for {@code refusal} and returns the refusal, marked as recorded, for throwing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Refusal refuse(AuditEntry entry, AuditActor actor, Refusal refusal) {
        trail.record(entry, actor);
        return refusal.markRecorded();
    }
}
