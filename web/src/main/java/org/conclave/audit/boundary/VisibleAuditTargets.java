package org.conclave.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.conclave.identity.entity.Caller;
import org.conclave.meeting.control.Meetings;

/** Which audit targets a host may read: the meetings they host or co-host. */
@ApplicationScoped
public class VisibleAuditTargets {

    @Inject
    Meetings meetings;

    public List<String> hostedBy(Caller host) {
        return meetings.managedIds(host);
    }
}
