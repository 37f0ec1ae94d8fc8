package org.conclave.compliance.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.conclave.compliance.entity.ReportJob;

/** Commits a report's progress at once, so whoever asked for it sees it move. */
@Stateless
public class ReportProgress {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void report(String id, int percent) {
        em.find(ReportJob.class, id).progress(percent);
    }
}
