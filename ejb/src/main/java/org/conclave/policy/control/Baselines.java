package org.conclave.policy.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.policy.entity.Baseline;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.InvalidPolicyInput;
import org.conclave.policy.entity.PolicySettings;
import org.conclave.policy.entity.PolicyViolation;

/** The organisation's baselines: read by everyone who schedules or audits, changed by admins only, audited. */
@Stateless
public class Baselines {

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    AuditTrail trail;

    @Inject
    Access access;

    @Inject
    Clock clock;

    public List<Baseline> all() {
        return em.createNamedQuery(Baseline.ALL, Baseline.class).getResultList();
    }

    public Baseline of(Classification classification) {
        return em.find(Baseline.class, classification);
    }

    /** Replaces a baseline with a complete new set of settings; audited with before and after. */
    public Baseline change(Caller admin, Classification classification, Map<String, ?> wire) {
        PolicySettings next;
        try {
            next = PolicySettings.fromWire(wire);
        } catch (InvalidPolicyInput invalid) {
            throw access.refuse(
                    AuditEntry.refused("policy.baseline-change", invalid.rule().name())
                            .target("baseline", classification.name()),
                    invalid);
        }
        List<PolicyViolation> inconsistent = EVALUATOR.inconsistencies(next);
        if (!inconsistent.isEmpty()) {
            throw access.refuse(
                    AuditEntry.refused("policy.baseline-change", "inconsistent")
                            .target("baseline", classification.name()),
                    new InvalidPolicyInput(
                            inconsistent.stream().map(PolicyViolation::rule).toList()));
        }
        Baseline baseline = em.find(Baseline.class, classification, LockModeType.PESSIMISTIC_WRITE);
        PolicySettings before = baseline.settings();
        em.persist(baseline.change(next, admin.username(), clock.instant()));
        trail.record(AuditEntry.allowed("policy.baseline-change")
                .target("baseline", classification.name())
                .detail("version", baseline.version())
                .detail("before", before.toWire())
                .detail("after", next.toWire()));
        return baseline;
    }
}
