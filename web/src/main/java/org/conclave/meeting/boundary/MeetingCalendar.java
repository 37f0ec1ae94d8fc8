package org.conclave.meeting.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.MeetingInvitations;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.boundary.PageMessages;

/** The meeting's iCalendar invitation as a download (link, classification, label, policy; never the passcode). */
@Named
@RequestScoped
public class MeetingCalendar {

    @Inject
    Access access;

    @Inject
    Meetings meetings;

    @Inject
    MeetingInvitations invitations;

    public void download(String meetingId) throws IOException {
        Caller caller = access.require("meeting.read", Role.HOST, Role.PARTICIPANT, Role.AUDITOR);
        Meeting meeting =
                PageMessages.attempt(() -> meetings.visible(caller, meetingId)).orElse(null);
        if (meeting == null) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseContentType("text/calendar; charset=utf-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"conclave-" + meeting.id() + ".ics\"");
        external.getResponseOutputWriter().write(invitations.calendar(meeting));
        faces.responseComplete();
    }
}
