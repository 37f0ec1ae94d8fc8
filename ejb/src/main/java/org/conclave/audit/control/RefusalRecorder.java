package org.conclave.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;

/**
 * Records a refusal in a transaction of its own: the refused action's transaction rolls back (nothing of it stays),
 * while the fact that it was attempted and refused is kept.
 */
@Stateless
public class RefusalRecorder {

    @Inject
    AuditTrail trail;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditEntry refusal, AuditActor actor) {
        trail.record(refusal, actor);
    }
}
