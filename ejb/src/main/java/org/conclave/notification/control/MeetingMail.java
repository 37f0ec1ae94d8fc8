package org.conclave.notification.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.conclave.identity.control.Directory;
import org.conclave.identity.entity.Person;
import org.conclave.meeting.control.MeetingInvitations;
import org.conclave.meeting.entity.Invitee;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.MeetingAnnounced;
import org.conclave.meeting.entity.PasscodeIssued;
import org.conclave.meeting.entity.Registration;
import org.conclave.meeting.entity.RegistrationNews;
import org.conclave.meeting.entity.RegistrationState;
import org.conclave.notification.entity.MailKind;
import org.conclave.notification.entity.MailTemplates;
import org.conclave.notification.entity.MeetingFacts;
import org.conclave.notification.entity.Recipient;
import org.conclave.recording.entity.NoticePublished;
import org.conclave.recording.entity.RecordingNotice;

/**
 * Turns what happens to a meeting into messages in the outbox, in the same transaction: invitations, updates and
 * cancellations to invitees and registrants; registration outcomes to the registrant; recording notices to everyone
 * who may attend; the passcode, alone, to approved participants and only where the policy allows passcodes by mail.
 */
@Stateless
public class MeetingMail {

    private static final Logger LOG = Logger.getLogger(MeetingMail.class.getName());

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    MeetingInvitations invitations;

    @Inject
    Outbox outbox;

    public void announced(@Observes MeetingAnnounced news) {
        Meeting meeting = news.meeting();
        MeetingFacts facts = facts(meeting);
        String calendar = invitations.calendar(meeting);
        Set<String> people = new LinkedHashSet<>(invitees(meeting));
        if (news.change() != MeetingAnnounced.Change.SCHEDULED) {
            registrations(meeting).stream()
                    .filter(r -> r.state() != RegistrationState.denied)
                    .map(Registration::subject)
                    .forEach(people::add);
        }
        for (Recipient to : recipients(people)) {
            outbox.enqueue(
                    switch (news.change()) {
                        case SCHEDULED -> MailTemplates.invitation(to, facts, calendar, false);
                        case CHANGED -> MailTemplates.invitation(to, facts, calendar, true);
                        case CANCELLED -> MailTemplates.cancellation(to, facts, calendar);
                    });
        }
    }

    public void registration(@Observes RegistrationNews news) {
        Registration registration = news.registration();
        MailKind kind =
                switch (registration.state()) {
                    case pending -> MailKind.REGISTRATION_RECEIVED;
                    case approved -> MailKind.REGISTRATION_APPROVED;
                    default -> MailKind.REGISTRATION_DENIED;
                };
        String passcodeDelivery = !news.meeting().policy().passcodeRequired()
                ? "none"
                : news.meeting().policy().passcodeByMailAllowed() ? "mail" : "host";
        MeetingFacts facts = facts(news.meeting());
        recipients(List.of(registration.subject()))
                .forEach(to -> outbox.enqueue(MailTemplates.registration(to, facts, kind, passcodeDelivery)));
    }

    public void recordingNotice(@Observes NoticePublished published) {
        RecordingNotice notice = published.notice();
        Meeting meeting = em.find(Meeting.class, notice.meetingId());
        MeetingFacts facts = facts(meeting);
        for (Recipient to : recipients(mayAttend(meeting))) {
            outbox.enqueue(MailTemplates.recordingNotice(
                    to,
                    facts,
                    notice.purpose(),
                    notice.recorded(),
                    notice.location(),
                    notice.accessList(),
                    notice.retentionDays()));
        }
    }

    public void passcode(@Observes PasscodeIssued issued) {
        Meeting meeting = issued.meeting();
        if (!meeting.policy().passcodeByMailAllowed()) {
            return;
        }
        MeetingFacts facts = facts(meeting);
        for (Recipient to : recipients(approved(meeting))) {
            outbox.enqueue(MailTemplates.passcode(to, facts, issued.passcode()));
        }
    }

    /** Approved participants: approved registrants, and the invitees themselves where no registration is needed. */
    private Set<String> approved(Meeting meeting) {
        Set<String> people = new LinkedHashSet<>();
        if (!meeting.policy().registrationRequired()) {
            people.addAll(invitees(meeting));
        }
        registrations(meeting).stream()
                .filter(r -> r.state() == RegistrationState.approved)
                .map(Registration::subject)
                .forEach(people::add);
        return people;
    }

    private Set<String> mayAttend(Meeting meeting) {
        Set<String> people = new LinkedHashSet<>(invitees(meeting));
        registrations(meeting).stream()
                .filter(r -> r.state() != RegistrationState.denied)
                .map(Registration::subject)
                .forEach(people::add);
        return people;
    }

    private static List<String> invitees(Meeting meeting) {
        return meeting.invitees().stream().map(Invitee::subject).sorted().toList();
    }

    private List<Registration> registrations(Meeting meeting) {
        return em.createNamedQuery(Registration.OF_MEETING, Registration.class)
                .setParameter("meeting", meeting.id())
                .getResultList();
    }

    private List<Recipient> recipients(java.util.Collection<String> subjects) {
        return subjects.stream()
                .map(directory::bySubject)
                .flatMap(Optional::stream)
                .map(MeetingMail::recipient)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Recipient> recipient(Person person) {
        if (person.email().isEmpty()) {
            LOG.warning(() -> "no mail for " + person.subject() + ": the directory has no address");
            return Optional.empty();
        }
        return Optional.of(new Recipient(
                person.subject(),
                person.email().get(),
                person.displayName().isBlank() ? person.username() : person.displayName(),
                MailTemplates.localeOf(person.locale())));
    }

    private MeetingFacts facts(Meeting meeting) {
        String host = directory
                .bySubject(meeting.hostSubject())
                .map(p -> p.displayName().isBlank() ? p.username() : p.displayName())
                .orElse(meeting.hostUsername());
        return new MeetingFacts(
                meeting.id(),
                meeting.title(),
                host,
                meeting.start(),
                meeting.durationMinutes(),
                meeting.classification().name(),
                meeting.sharingLabel().wireName(),
                invitations.joinUrl(meeting));
    }
}
