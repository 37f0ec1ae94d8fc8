package org.conclave.meeting.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.control.Registrations;
import org.conclave.platform.boundary.PageMessages;

/** A participant's invitations, with where their registration stands, and registering for one. */
@Named
@ViewScoped
public class MyInvitations implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One invitation: the meeting and the registration state ({@code none}, pending, approved, denied). */
    public record Invitation(MeetingSummary meeting, String registration) implements Serializable {}

    @Inject
    Access access;

    @Inject
    Meetings meetings;

    @Inject
    Registrations registrations;

    private List<Invitation> invitations;

    public List<Invitation> getInvitations() {
        if (invitations == null) {
            Caller caller = access.require("meeting.list", Role.PARTICIPANT, Role.HOST);
            invitations = meetings.listFor(caller).stream()
                    .filter(m -> !m.isManagedBy(caller.subject()))
                    .map(m -> new Invitation(
                            MeetingSummary.of(m, caller.subject()),
                            registrations
                                    .mine(caller, m.id())
                                    .map(r -> r.state().name())
                                    .orElse("none")))
                    .toList();
        }
        return invitations;
    }

    public void register(String meetingId) {
        Caller caller = access.require("registration.create", Role.PARTICIPANT, Role.HOST);
        if (PageMessages.attempt(() -> registrations.register(caller, meetingId))
                .isPresent()) {
            PageMessages.info("registration.done");
        }
        invitations = null;
    }
}
