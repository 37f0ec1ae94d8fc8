package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.conclave.admission.control.Attendance;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.JsonText;
import org.conclave.recording.entity.AccessGrant;
import org.conclave.recording.entity.ConsentLedger;
import org.conclave.recording.entity.PublishedNotice;
import org.conclave.recording.entity.Recording;

/**
 * What a meeting's recording page shows: the current notice and the caller's own answer to it; for hosts and
 * auditors also everyone's consent state (present and admitted people), the recordings with their files, deletion
 * dates, holds and consent-breach alerts.
 */
@Stateless
public class RecordingStatus {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    RecordingNotices notices;

    @Inject
    Consents consents;

    @Inject
    Attendance attendance;

    @Inject
    LegalHolds holds;

    public Map<String, Object> of(Caller caller, String meetingId) {
        Meeting meeting = meetings.visible(caller, meetingId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("meetingId", meeting.id());
        view.put("recordingAllowed", meeting.policy().recordingAllowed());
        view.put("consentRequired", meeting.policy().recordingConsentRequired());
        view.put(
                "retentionDays",
                Map.of(
                        "min", meeting.policy().recordingRetentionMinDays(),
                        "max", meeting.policy().recordingRetentionMaxDays()));
        Optional<PublishedNotice> notice = notices.current(meeting.id());
        view.put("notice", notice.map(RecordingStatus::notice).orElse(null));
        if (notice.isEmpty()) {
            return view;
        }
        ConsentLedger ledger = consents.ledger(meeting.id(), notice.get().hash());
        view.put("myConsent", ledger.stateOf(caller.subject()).wireName());
        if (caller.has(Role.AUDITOR) || meeting.isManagedBy(caller.subject())) {
            Map<String, String> present = attendance.present(meeting.id());
            Map<String, String> people = new LinkedHashMap<>(present);
            meeting.invitees().forEach(i -> people.put(i.subject(), i.username()));
            people.putAll(attendance.admitted(meeting.id()));
            ledger.answers().values().forEach(a -> people.put(a.subject(), a.username()));
            view.put(
                    "participants",
                    people.entrySet().stream()
                            .map(p -> Map.of(
                                    "username", p.getValue(),
                                    "present", present.containsKey(p.getKey()),
                                    "consent", ledger.stateOf(p.getKey()).wireName()))
                            .toList());
            view.put(
                    "recordings",
                    em.createNamedQuery(Recording.OF_MEETING, Recording.class)
                            .setParameter("meeting", meeting.id())
                            .getResultStream()
                            .map(r -> recording(r, !holds.keeping(r).isEmpty()))
                            .toList());
        }
        return view;
    }

    public Map<String, Object> recording(Recording r, boolean held) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("meetingId", r.meetingId());
        view.put("state", r.state());
        view.put("purpose", r.purpose());
        view.put("noticeHash", r.noticeHash());
        view.put("retentionDays", r.retentionDays());
        view.put("authorisedAt", r.authorisedAt().toString());
        view.put("consentBreach", r.consentBreach());
        view.put(
                "accessList",
                r.accessList().stream().map(AccessGrant::username).sorted().toList());
        r.finishedAt().ifPresent(t -> view.put("finishedAt", t.toString()));
        r.sizeBytes().ifPresent(s -> view.put("sizeBytes", s));
        r.sha256().ifPresent(s -> view.put("sha256", s));
        r.deleteAfter().ifPresent(t -> view.put("deleteAfter", t.toString()));
        r.deletedAt().ifPresent(t -> view.put("deletedAt", t.toString()));
        view.put("legalHold", held);
        return view;
    }

    private static Map<String, Object> notice(PublishedNotice notice) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.putAll(JsonText.read(notice.text()));
        view.put("hash", notice.hash());
        view.put("publishedAt", notice.publishedAt().toString());
        return view;
    }
}
