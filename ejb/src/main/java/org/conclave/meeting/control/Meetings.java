package org.conclave.meeting.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.MeetingRules;
import org.conclave.meeting.entity.Registration;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * Who sees which meeting. The host, co-hosts, invitees and registrants see it, auditors see every meeting,
 * everyone sees meetings whose policy allows guests; for anyone else it does not exist (404, so ids cannot be
 * probed). Only the host and co-hosts manage it.
 */
@Stateless
public class Meetings {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Access access;

    public Meeting visible(Caller caller, String id) {
        Meeting meeting = Ids.plausible(id) ? em.find(Meeting.class, id) : null;
        if (meeting == null || !canSee(caller, meeting)) {
            throw access.refuse(
                    org.conclave.audit.entity.AuditEntry.refused("meeting.access", Rule.NOT_FOUND.name())
                            .target("meeting", Ids.plausible(id) ? id : null),
                    new Refusal(Rule.NOT_FOUND, "no meeting " + (Ids.plausible(id) ? id : "with that id")));
        }
        return meeting;
    }

    /** Any meeting, for an admin bringing it back in line with its baseline. */
    public Meeting anyForAdmin(String id) {
        Meeting meeting = Ids.plausible(id) ? em.find(Meeting.class, id) : null;
        if (meeting == null) {
            throw new Refusal(Rule.NOT_FOUND, "no such meeting");
        }
        return meeting;
    }

    /** The meeting, if the caller hosts or co-hosts it; the refusal of {@code action} is audited. */
    public Meeting managed(Caller caller, String id, String action) {
        Meeting meeting = visible(caller, id);
        if (!meeting.isManagedBy(caller.subject())) {
            throw access.refuse(
                    org.conclave.audit.entity.AuditEntry.refused(action, MeetingRules.NOT_MANAGER.name())
                            .target("meeting", meeting.id()),
                    new Refusal(MeetingRules.NOT_MANAGER, "you do not host this meeting"));
        }
        return meeting;
    }

    /** As {@link #managed}, and the meeting must still be scheduled (not cancelled, not ended); audited refusal. */
    public Meeting open(Caller caller, String id, String action) {
        Meeting meeting = managed(caller, id, action);
        if (!meeting.isScheduled()) {
            throw access.refuse(
                    org.conclave.audit.entity.AuditEntry.refused(action, MeetingRules.NOT_SCHEDULED.name())
                            .target("meeting", meeting.id()),
                    new Refusal(MeetingRules.NOT_SCHEDULED, "the meeting is " + meeting.state()));
        }
        return meeting;
    }

    public List<Meeting> listFor(Caller caller) {
        if (caller.has(Role.AUDITOR)) {
            return em.createNamedQuery(Meeting.ALL, Meeting.class)
                    .setMaxResults(1000)
                    .getResultList();
        }
        return em.createNamedQuery(Meeting.VISIBLE_TO, Meeting.class)
                .setParameter("subject", caller.subject())
                .setMaxResults(1000)
                .getResultList();
    }

    /** Ids of the meetings a host manages (for their view of the audit log). */
    public List<String> managedIds(Caller caller) {
        return em.createNamedQuery(Meeting.HOSTED_BY, String.class)
                .setParameter("subject", caller.subject())
                .getResultList();
    }

    private boolean canSee(Caller caller, Meeting meeting) {
        return caller.has(Role.AUDITOR)
                || meeting.isManagedBy(caller.subject())
                || meeting.isInvited(caller.subject())
                || meeting.policy().guestsAllowed()
                || !em.createNamedQuery(Registration.OF_PERSON, Registration.class)
                        .setParameter("meeting", meeting.id())
                        .setParameter("subject", caller.subject())
                        .getResultList()
                        .isEmpty();
    }
}
