package org.conclave.meeting.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.conclave.identity.control.Directory;
import org.conclave.identity.entity.Person;
import org.conclave.meeting.entity.CalendarInvite;
import org.conclave.meeting.entity.Meeting;
import org.conclave.policy.entity.PolicySettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds a meeting's iCalendar invitation: link, classification, label, policy summary; never the passcode. */
@ApplicationScoped
public class MeetingInvitations {

    @Inject
    Directory directory;

    @Inject
    @ConfigProperty(name = "conclave.public-url")
    String publicUrl;

    public String calendar(Meeting meeting) {
        return meeting.isScheduled()
                ? InvitationCalendar.invitation(invite(meeting))
                : InvitationCalendar.cancellation(invite(meeting));
    }

    public String joinUrl(Meeting meeting) {
        return publicUrl + "/app/meetings/" + meeting.id();
    }

    CalendarInvite invite(Meeting meeting) {
        Person host = directory
                .bySubject(meeting.hostSubject())
                .orElse(new Person(
                        meeting.hostSubject(),
                        meeting.hostUsername(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        meeting.hostUsername(),
                        "en"));
        List<CalendarInvite.Attendee> attendees = meeting.invitees().stream()
                .map(i -> directory.bySubject(i.subject()))
                .flatMap(java.util.Optional::stream)
                .map(p -> new CalendarInvite.Attendee(
                        p.displayName().isBlank() ? p.username() : p.displayName(),
                        p.email().orElse(p.username() + "@invalid")))
                .toList();
        if (attendees.isEmpty()) {
            attendees = List.of(new CalendarInvite.Attendee(
                    host.displayName().isBlank() ? host.username() : host.displayName(),
                    host.email().orElse(host.username() + "@invalid")));
        }
        return new CalendarInvite(
                meeting.id(),
                meeting.title(),
                meeting.description(),
                meeting.classification().name(),
                meeting.sharingLabel().wireName(),
                meeting.start(),
                Duration.ofMinutes(meeting.durationMinutes()),
                meeting.recurrence(),
                joinUrl(meeting),
                host.displayName().isBlank() ? host.username() : host.displayName(),
                host.email().orElse(host.username() + "@invalid"),
                attendees,
                meeting.version(),
                summary(meeting.policy()),
                "Handle according to TLP:" + meeting.sharingLabel().wireName() + " and your organisation's rules for "
                        + meeting.classification() + " information.");
    }

    static List<String> summary(PolicySettings policy) {
        return List.of(
                "Passcode: " + (policy.passcodeRequired() ? "required (sent separately)" : "none"),
                "Registration: " + (policy.registrationRequired() ? "required" : "not required")
                        + (policy.hostApprovalRequired() ? ", approved by the host" : ""),
                "Waiting room: " + (policy.waitingRoom() ? "yes" : "no"),
                "Second factor for participants: " + (policy.participant2faRequired() ? "required" : "not required"),
                "Recording: " + (policy.recordingAllowed() ? "only with every participant's consent" : "not allowed"));
    }
}
