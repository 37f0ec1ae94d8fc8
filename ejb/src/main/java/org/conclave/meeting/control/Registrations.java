package org.conclave.meeting.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.MeetingRules;
import org.conclave.meeting.entity.Registration;
import org.conclave.meeting.entity.RegistrationNews;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.conclave.policy.entity.PolicySetting;

/**
 * Registration for a meeting: invited people register (anyone signed in, where the policy allows guests);
 * people from other organisations only where the sharing label and the policy allow; the host approves or denies
 * where the policy requires approval. Audited, refusals included.
 */
@Stateless
public class Registrations {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    AuditTrail trail;

    @Inject
    Access access;

    @Inject
    Clock clock;

    @Inject
    Event<RegistrationNews> news;

    public Registration register(Caller caller, String meetingId) {
        Meeting meeting = meetings.visible(caller, meetingId);
        if (!meeting.isScheduled()) {
            throw refuse(
                    "registration.create",
                    meeting,
                    MeetingRules.NOT_SCHEDULED,
                    "the meeting is " + meeting.state(),
                    Map.of());
        }
        if (!meeting.isInvited(caller.subject()) && !meeting.policy().guestsAllowed()) {
            throw refuse(
                    "registration.create",
                    meeting,
                    MeetingRules.NOT_INVITED,
                    "you are not invited to this meeting",
                    Map.of());
        }
        boolean foreign = !meeting.hostOrganisation()
                .orElse("")
                .equals(caller.organisation().orElse(""));
        if (foreign
                && !(meeting.sharingLabel().allowsOtherOrganisations()
                        && meeting.policy().otherOrganisationsAllowed())) {
            throw refuse(
                    "registration.create",
                    meeting,
                    MeetingRules.OTHER_ORGANISATIONS_NOT_ALLOWED,
                    "TLP:" + meeting.sharingLabel().wireName() + " keeps this meeting inside the host's organisation",
                    Map.of("controls", PolicySetting.OTHER_ORGANISATIONS_ALLOWED.controls()));
        }
        if (mine(caller, meetingId).isPresent()) {
            throw refuse(
                    "registration.create",
                    meeting,
                    MeetingRules.ALREADY_REGISTERED,
                    "you are already registered",
                    Map.of());
        }
        Registration registration = new Registration(
                Ids.random(),
                meeting.id(),
                caller.subject(),
                caller.username(),
                caller.organisation().orElse(null),
                meeting.policy().hostApprovalRequired(),
                clock.instant());
        em.persist(registration);
        trail.record(AuditEntry.allowed("registration.create")
                .target("meeting", meeting.id())
                .detail("registration", registration.id())
                .detail("state", registration.state().name()));
        news.fire(new RegistrationNews(meeting, registration));
        return registration;
    }

    public Registration decide(Caller host, String meetingId, String registrationId, boolean approve) {
        Meeting meeting = meetings.managed(host, meetingId, "registration.decide");
        Registration registration = Ids.plausible(registrationId)
                ? em.find(Registration.class, registrationId, LockModeType.PESSIMISTIC_WRITE)
                : null;
        if (registration == null || !registration.meetingId().equals(meeting.id())) {
            throw new Refusal(Rule.NOT_FOUND, "no such registration for this meeting");
        }
        if (registration.state() != org.conclave.meeting.entity.RegistrationState.pending) {
            throw refuse(
                    "registration.decide",
                    meeting,
                    MeetingRules.ALREADY_DECIDED,
                    "the registration is " + registration.state(),
                    Map.of());
        }
        registration.decide(approve, host.subject(), clock.instant());
        trail.record(AuditEntry.allowed("registration.decide")
                .target("meeting", meeting.id())
                .detail("registration", registration.id())
                .detail("participant", registration.subject())
                .detail("decision", registration.state().name()));
        news.fire(new RegistrationNews(meeting, registration));
        return registration;
    }

    public List<Registration> of(Caller host, String meetingId) {
        Meeting meeting = meetings.managed(host, meetingId, "registration.list");
        return em.createNamedQuery(Registration.OF_MEETING, Registration.class)
                .setParameter("meeting", meeting.id())
                .getResultList();
    }

    public Optional<Registration> mine(Caller caller, String meetingId) {
        return em
                .createNamedQuery(Registration.OF_PERSON, Registration.class)
                .setParameter("meeting", meetingId)
                .setParameter("subject", caller.subject())
                .getResultList()
                .stream()
                .findFirst();
    }

    private Refusal refuse(String action, Meeting meeting, Rule rule, String detail, Map<String, ?> extensions) {
        return access.refuse(
                AuditEntry.refused(action, rule.name()).target("meeting", meeting.id()),
                new Refusal(rule, detail, extensions));
    }
}
