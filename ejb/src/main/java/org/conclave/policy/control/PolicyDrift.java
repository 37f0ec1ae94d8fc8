package org.conclave.policy.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.entity.Meeting;
import org.conclave.policy.entity.Baseline;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.PolicyViolation;

/**
 * After a baseline is tightened: the scheduled meetings whose policy is now weaker than it (an admin sees all of
 * them, a host their own). Admission refuses such a meeting until it is brought back into line.
 */
@Stateless
public class PolicyDrift {

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    public record Drift(Meeting meeting, List<PolicyViolation> violations) {}

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    PolicyExceptions exceptions;

    @Inject
    Clock clock;

    public List<Drift> visibleTo(Caller caller) {
        Instant now = clock.instant();
        Map<Classification, Baseline> baselines = new java.util.EnumMap<>(Classification.class);
        em.createNamedQuery(Baseline.ALL, Baseline.class)
                .getResultList()
                .forEach(b -> baselines.put(b.classification(), b));
        List<Drift> drifting = new ArrayList<>();
        for (Meeting meeting : em.createNamedQuery(Meeting.SCHEDULED_FROM, Meeting.class)
                .setParameter("from", now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
                .getResultList()) {
            if (!caller.has(Role.ADMIN) && !meeting.isManagedBy(caller.subject())) {
                continue;
            }
            List<PolicyViolation> violations = of(meeting, baselines.get(meeting.classification()), now);
            if (!violations.isEmpty()) {
                drifting.add(new Drift(meeting, violations));
            }
        }
        return drifting;
    }

    /** What this meeting's policy violates of its baseline now (empty when in line). */
    public List<PolicyViolation> of(Meeting meeting) {
        return of(meeting, em.find(Baseline.class, meeting.classification()), clock.instant());
    }

    private List<PolicyViolation> of(Meeting meeting, Baseline baseline, Instant now) {
        return EVALUATOR.drift(baseline.settings(), meeting.policy(), exceptions.activeFor(meeting.id()), now);
    }
}
