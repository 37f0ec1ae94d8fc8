package org.conclave.meeting.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;

/** The host's start page: the meetings they host or co-host. */
@Named
@RequestScoped
public class HostedMeetings {

    @Inject
    Access access;

    @Inject
    Meetings meetings;

    private List<MeetingSummary> hosted;

    public List<MeetingSummary> getMeetings() {
        if (hosted == null) {
            Caller host = access.require("meeting.list", Role.HOST);
            hosted = meetings.listFor(host).stream()
                    .filter(m -> m.isManagedBy(host.subject()))
                    .map(m -> MeetingSummary.of(m, host.subject()))
                    .toList();
        }
        return hosted;
    }

    public long getUpcoming() {
        return getMeetings().stream().filter(MeetingSummary::scheduled).count();
    }
}
