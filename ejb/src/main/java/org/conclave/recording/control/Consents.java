package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.audit.entity.Source;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.entity.Refusal;
import org.conclave.recording.entity.ConsentAnswer;
import org.conclave.recording.entity.ConsentLedger;
import org.conclave.recording.entity.ConsentRecord;
import org.conclave.recording.entity.PublishedNotice;
import org.conclave.recording.entity.RecordingRules;

/**
 * Participants answer the current recording notice: consent, refusal, or a later withdrawal. Each answer is a new
 * line of the append-only ledger, bound to the notice's hash, and audited. A "no" while a recording runs is a
 * consent breach.
 */
@Stateless
public class Consents {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    RecordingNotices notices;

    @Inject
    ConsentBreaches breaches;

    @Inject
    Access access;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    public ConsentAnswer answer(Caller caller, String meetingId, boolean consent, String noticeHash) {
        String action = consent ? "recording.consent" : "recording.consent-refuse";
        Meeting meeting = meetings.visible(caller, meetingId);
        if (!meeting.policy().recordingAllowed()) {
            throw refuse(
                    action,
                    meeting,
                    new Refusal(
                            RecordingRules.RECORDING_FORBIDDEN,
                            "meetings classified " + meeting.classification() + " are never recorded,"
                                    + " so there is nothing to consent to"));
        }
        Optional<PublishedNotice> current = notices.current(meeting.id());
        if (current.isEmpty()) {
            throw refuse(
                    action,
                    meeting,
                    new Refusal(RecordingRules.NO_NOTICE, "the host has not published a recording notice"));
        }
        if (!current.get().hash().equals(noticeHash)) {
            throw refuse(
                    action,
                    meeting,
                    new Refusal(
                            RecordingRules.NOTICE_CHANGED,
                            "you answered notice " + noticeHash + " but the current notice is "
                                    + current.get().hash(),
                            Map.of("noticeHash", current.get().hash())));
        }
        ConsentAnswer answer =
                new ConsentAnswer(caller.subject(), caller.username(), noticeHash, consent, clock.instant());
        em.persist(new ConsentRecord(meeting.id(), answer));
        trail.record(AuditEntry.allowed(action)
                .target("meeting", meeting.id())
                .detail("noticeHash", noticeHash)
                .detail("consent", consent));
        if (!consent) {
            breaches.running(meeting.id())
                    .filter(r -> r.noticeHash().equals(noticeHash))
                    .filter(r -> !r.requestedBy().equals(caller.subject()))
                    .ifPresent(r -> breaches.raise(
                            r, caller.subject(), "consent-withdrawn", Source.CONCLAVE, trail.currentActor()));
        }
        return answer;
    }

    public ConsentLedger ledger(String meetingId, String noticeHash) {
        return new ConsentLedger(
                noticeHash,
                em.createNamedQuery(ConsentRecord.OF_MEETING, ConsentRecord.class)
                        .setParameter("meeting", meetingId)
                        .getResultStream()
                        .map(ConsentRecord::answer)
                        .toList());
    }

    private Refusal refuse(String action, Meeting meeting, Refusal refusal) {
        return access.refuse(
                AuditEntry.refused(action, refusal.rule().name()).target("meeting", meeting.id()), refusal);
    }
}
