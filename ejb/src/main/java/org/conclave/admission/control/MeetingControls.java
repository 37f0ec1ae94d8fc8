package org.conclave.admission.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.conclave.admission.entity.Admission;
import org.conclave.admission.entity.Ban;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.Access;
import org.conclave.identity.control.Directory;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Person;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.MeetingRules;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.conclave.policy.entity.BanScope;

/**
 * What the host does during a meeting: lock and unlock (no new admissions while locked), remove someone with a ban
 * at the scope the policy chose, lift a ban (host or admin), end the meeting (no new tokens). All audited.
 */
@Stateless
public class MeetingControls {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    Directory directory;

    @Inject
    AuditTrail trail;

    @Inject
    Access access;

    @Inject
    Clock clock;

    public Meeting lock(Caller host, String meetingId, boolean locked) {
        String action = locked ? "meeting.lock" : "meeting.unlock";
        Meeting meeting = open(host, meetingId, action);
        meeting.lock(locked, clock.instant());
        trail.record(AuditEntry.allowed(action).target("meeting", meeting.id()));
        return meeting;
    }

    public Meeting end(Caller host, String meetingId) {
        Meeting meeting = open(host, meetingId, "meeting.end");
        meeting.end(clock.instant());
        trail.record(AuditEntry.allowed("meeting.end").target("meeting", meeting.id()));
        return meeting;
    }

    /** Removes a participant: their admissions are revoked and a ban at the policy's scope keeps them out. */
    public Ban remove(Caller host, String meetingId, String username) {
        Meeting meeting = open(host, meetingId, "meeting.remove");
        Person person = directory
                .byUsername(username)
                .filter(p -> !meeting.isManagedBy(p.subject()))
                .orElseThrow(() -> access.refuse(
                        AuditEntry.refused("meeting.remove", MeetingRules.UNKNOWN_PERSON.name())
                                .target("meeting", meeting.id()),
                        new Refusal(MeetingRules.UNKNOWN_PERSON, "name a participant of this meeting")));
        Instant now = clock.instant();
        List<Admission> admissions = em.createNamedQuery(Admission.OF_PERSON, Admission.class)
                .setParameter("meeting", meeting.id())
                .setParameter("subject", person.subject())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        admissions.forEach(a -> a.revoke(host.subject(), now));
        BanScope scope = meeting.policy().banScope();
        Ban ban = new Ban(
                Ids.random(),
                scope,
                meeting.id(),
                meeting.seriesId(),
                meeting.hostOrganisation().orElse(""),
                person.subject(),
                host.subject(),
                now);
        em.persist(ban);
        trail.record(AuditEntry.allowed("meeting.remove")
                .target("meeting", meeting.id())
                .detail("participant", person.subject())
                .detail("ban", ban.id())
                .detail("scope", scope.wireName())
                .detail("admissionsRevoked", admissions.size()));
        return ban;
    }

    public Ban liftBan(Caller caller, String meetingId, String banId) {
        Ban ban = Ids.plausible(banId) ? em.find(Ban.class, banId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (ban == null || !ban.meetingId().equals(meetingId)) {
            throw new Refusal(Rule.NOT_FOUND, "no such ban");
        }
        if (!caller.has(Role.ADMIN)) {
            meetings.managed(caller, meetingId, "ban.lift");
        }
        ban.lift(caller.subject(), clock.instant());
        trail.record(AuditEntry.allowed("ban.lift").target("meeting", meetingId).detail("ban", ban.id()));
        return ban;
    }

    private Meeting open(Caller host, String meetingId, String action) {
        Meeting meeting = meetings.open(host, meetingId, action);
        em.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        return meeting;
    }
}
