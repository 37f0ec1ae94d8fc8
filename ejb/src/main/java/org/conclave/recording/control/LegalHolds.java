package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.conclave.recording.entity.LegalHold;
import org.conclave.recording.entity.Recording;
import org.conclave.recording.entity.RecordingRules;

/**
 * Auditors and admins keep recordings past their deletion date for a case: a hold on one recording or on every
 * recording of a meeting. Placing and lifting are audited; once lifted, the purge applies the normal date. Only
 * auditors and admins reach here (checked at the boundary), and they oversee every recording.
 */
@Stateless
public class LegalHolds {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    Access access;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    public LegalHold holdRecording(Caller caller, String recordingId, String reason, String caseReference) {
        Recording recording = recording(recordingId);
        LegalHold hold = LegalHold.onRecording(
                Ids.random(), recording.id(), reason, caseReference, caller.subject(), clock.instant());
        em.persist(hold);
        audit("recording.legal-hold", recording.meetingId(), hold).detail("recording", recording.id());
        return hold;
    }

    public LegalHold holdMeeting(Caller caller, String meetingId, String reason, String caseReference) {
        Meeting meeting = meeting(caller, meetingId);
        LegalHold hold = LegalHold.onMeeting(
                Ids.random(), meeting.id(), reason, caseReference, caller.subject(), clock.instant());
        em.persist(hold);
        audit("recording.legal-hold", meeting.id(), hold);
        return hold;
    }

    public List<LegalHold> liftOnRecording(Caller caller, String recordingId) {
        Recording recording = recording(recordingId);
        return lift(caller, recording.meetingId(), active(recording.id(), null));
    }

    public List<LegalHold> liftOnMeeting(Caller caller, String meetingId) {
        Meeting meeting = meeting(caller, meetingId);
        return lift(caller, meeting.id(), active(null, meeting.id()));
    }

    /** Auditors and admins oversee every recording; the caller's role was checked at the boundary. */
    private Recording recording(String recordingId) {
        Recording recording = Ids.plausible(recordingId) ? em.find(Recording.class, recordingId) : null;
        if (recording == null) {
            throw new Refusal(Rule.NOT_FOUND, "no such recording");
        }
        return recording;
    }

    private Meeting meeting(Caller caller, String meetingId) {
        return caller.has(Role.AUDITOR) ? meetings.visible(caller, meetingId) : meetings.anyForAdmin(meetingId);
    }

    /** Active holds that keep this recording (its own, or its meeting's). */
    public List<LegalHold> keeping(Recording recording) {
        return em.createNamedQuery(LegalHold.ACTIVE_FOR, LegalHold.class)
                .setParameter("recording", recording.id())
                .setParameter("meeting", recording.meetingId())
                .getResultList();
    }

    private List<LegalHold> active(String recordingId, String meetingId) {
        return em
                .createNamedQuery(LegalHold.ACTIVE_FOR, LegalHold.class)
                .setParameter("recording", recordingId == null ? "" : recordingId)
                .setParameter("meeting", meetingId == null ? "" : meetingId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .filter(h -> recordingId == null
                        ? h.recordingId().isEmpty()
                        : h.recordingId().isPresent())
                .toList();
    }

    private List<LegalHold> lift(Caller caller, String meetingId, List<LegalHold> holds) {
        if (holds.isEmpty()) {
            throw access.refuse(
                    AuditEntry.refused("recording.legal-hold-lift", RecordingRules.NO_ACTIVE_HOLD.name())
                            .target("meeting", meetingId),
                    new Refusal(RecordingRules.NO_ACTIVE_HOLD, "nothing is on hold here"));
        }
        for (LegalHold hold : holds) {
            hold.lift(caller.subject(), clock.instant());
            audit("recording.legal-hold-lift", meetingId, hold);
        }
        return holds;
    }

    private AuditEntry audit(String action, String meetingId, LegalHold hold) {
        AuditEntry entry = AuditEntry.allowed(action)
                .target("meeting", meetingId)
                .detail("hold", hold.id())
                .detail("caseReference", hold.caseReference());
        hold.recordingId().ifPresent(r -> entry.detail("recording", r));
        trail.record(entry);
        return entry;
    }
}
