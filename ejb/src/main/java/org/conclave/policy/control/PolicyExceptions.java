package org.conclave.policy.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.MeetingRules;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.conclave.policy.entity.ExceptionRequest;
import org.conclave.policy.entity.InvalidPolicyInput;
import org.conclave.policy.entity.PolicyException;
import org.conclave.policy.entity.PolicySetting;

/**
 * The only way to weaken a baseline: a time-limited exception for one setting of one meeting, requested with a
 * justification by its host, decided by an admin who is not the requester, expiring by itself. Each step audited.
 */
@Stateless
public class PolicyExceptions {

    public static final Duration LONGEST = Duration.ofDays(30);

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    AuditTrail trail;

    @Inject
    Access access;

    @Inject
    Clock clock;

    public ExceptionRequest request(
            Caller host, Meeting meeting, String settingKey, Object value, String justification, Instant expiresAt) {
        Optional<PolicySetting> setting = PolicySetting.forWireKey(settingKey == null ? "" : settingKey);
        Optional<Object> typed = setting.flatMap(s -> s.fromWire(value));
        Instant now = clock.instant();
        List<String> problems = new java.util.ArrayList<>();
        if (setting.isEmpty()) {
            problems.add("'setting' must name a policy setting");
        } else if (typed.isEmpty()) {
            problems.add("'value' is not a valid value of " + settingKey);
        }
        if (justification == null || justification.strip().length() < 10 || justification.length() > 2000) {
            problems.add("'justification' must have 10 to 2000 characters");
        }
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST))) {
            problems.add("'expiresAt' must be in the future and within 30 days");
        }
        if (!problems.isEmpty()) {
            throw access.refuse(
                    AuditEntry.refused("policy.exception-request", "invalid-input")
                            .target("meeting", meeting.id()),
                    new InvalidPolicyInput(problems));
        }
        ExceptionRequest request = new ExceptionRequest(
                Ids.random(),
                meeting.id(),
                setting.get(),
                typed.get(),
                justification.strip(),
                host.subject(),
                now,
                expiresAt);
        em.persist(request);
        trail.record(AuditEntry.allowed("policy.exception-request")
                .target("meeting", meeting.id())
                .detail("exception", request.id())
                .detail("setting", setting.get().wireKey())
                .detail("value", setting.get().toWire(typed.get()))
                .detail("expiresAt", expiresAt.toString()));
        return request;
    }

    public ExceptionRequest decide(Caller admin, String id, boolean approve) {
        ExceptionRequest request =
                Ids.plausible(id) ? em.find(ExceptionRequest.class, id, LockModeType.PESSIMISTIC_WRITE) : null;
        if (request == null) {
            throw new Refusal(Rule.NOT_FOUND, "no such exception request");
        }
        if (request.isRequestedBy(admin.subject())) {
            throw access.refuse(
                    AuditEntry.refused("policy.exception-decide", MeetingRules.SEGREGATION_OF_DUTIES.name())
                            .target("meeting", request.meetingId())
                            .detail("exception", id),
                    new Refusal(
                            MeetingRules.SEGREGATION_OF_DUTIES,
                            "an exception is decided by an admin other than the person who asked for it",
                            java.util.Map.of("controls", List.of("ISO/IEC 27002:2022 5.3"))));
        }
        if (!request.isOpen()) {
            throw access.refuse(
                    AuditEntry.refused("policy.exception-decide", MeetingRules.ALREADY_DECIDED.name())
                            .target("meeting", request.meetingId())
                            .detail("exception", id),
                    new Refusal(MeetingRules.ALREADY_DECIDED, "this request is " + request.state()));
        }
        request.decide(approve, admin.subject(), clock.instant());
        trail.record(AuditEntry.allowed("policy.exception-decide")
                .target("meeting", request.meetingId())
                .detail("exception", id)
                .detail("decision", approve ? "approved" : "rejected")
                .detail("setting", request.setting().wireKey())
                .detail("expiresAt", request.expiresAt().toString()));
        return request;
    }

    /** Exceptions in force for a meeting now. */
    public List<PolicyException> activeFor(String meetingId) {
        Instant now = clock.instant();
        return em
                .createNamedQuery(ExceptionRequest.OF_MEETING, ExceptionRequest.class)
                .setParameter("meeting", meetingId)
                .getResultList()
                .stream()
                .flatMap(e -> e.granted().stream())
                .filter(e -> e.activeAt(now))
                .toList();
    }

    public List<ExceptionRequest> open() {
        return em.createNamedQuery(ExceptionRequest.OPEN, ExceptionRequest.class)
                .getResultList();
    }

    /** Marks approved exceptions past their end as expired, each audited; returns how many. */
    public int expireDue() {
        List<ExceptionRequest> due = em.createNamedQuery(ExceptionRequest.APPROVED_EXPIRED, ExceptionRequest.class)
                .setParameter("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (ExceptionRequest request : due) {
            request.expire();
            trail.record(AuditEntry.allowed("policy.exception-expire")
                    .target("meeting", request.meetingId())
                    .detail("exception", request.id())
                    .detail("setting", request.setting().wireKey()));
        }
        return due.size();
    }
}
