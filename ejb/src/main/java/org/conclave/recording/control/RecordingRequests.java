package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conclave.admission.control.Attendance;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.Access;
import org.conclave.identity.control.Directory;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Person;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.recording.entity.AccessGrant;
import org.conclave.recording.entity.ConsentLedger;
import org.conclave.recording.entity.PublishedNotice;
import org.conclave.recording.entity.Recording;
import org.conclave.recording.entity.RecordingNotice;
import org.conclave.recording.entity.RecordingPlan;
import org.conclave.recording.entity.RecordingRules;
import org.conclave.recording.entity.RetentionSchedule;

/**
 * The host asks to record. The plan becomes the meeting's recording notice (published even if the request is then
 * refused, so participants can answer it); the recording is authorised only where the policy allows recording and,
 * where it requires consent, when everyone present consented to that exact notice and nobody refused. Then the
 * host's next join token carries the recording feature.
 */
@Stateless
public class RecordingRequests {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    Directory directory;

    @Inject
    RecordingNotices notices;

    @Inject
    Consents consents;

    @Inject
    ConsentBreaches breaches;

    @Inject
    Attendance attendance;

    @Inject
    RecordingStore store;

    @Inject
    Access access;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    /** Publishes the plan as the meeting's notice without asking to record yet (e.g. before the meeting). */
    public PublishedNotice announce(Caller host, String meetingId, RecordingPlan plan) {
        Meeting meeting = meetings.open(host, meetingId, "recording.notice-publish");
        Resolved resolved = resolve(meeting, plan, "recording.notice-publish");
        return notices.publish(host, resolved.notice());
    }

    public Recording request(Caller host, String meetingId, RecordingPlan plan) {
        Meeting meeting = meetings.open(host, meetingId, "recording.request");
        Resolved resolved = resolve(meeting, plan, "recording.request");
        PublishedNotice notice = notices.publish(host, resolved.notice());
        em.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        if (breaches.running(meeting.id()).isPresent()) {
            throw refuse(
                    meeting,
                    new Refusal(
                            RecordingRules.ALREADY_RECORDING,
                            "a recording is running; it ends when the platform reports its file"));
        }
        if (meeting.policy().recordingConsentRequired()) {
            Map<String, String> present = attendance.present(meeting.id());
            ConsentLedger ledger = consents.ledger(meeting.id(), notice.hash());
            List<ConsentLedger.Objection> objections = ledger.objections(present.keySet(), host.subject());
            if (!objections.isEmpty()) {
                Map<String, String> names = names(meeting, present, ledger);
                List<Map<String, String>> people = objections.stream()
                        .map(o -> Map.of(
                                "username",
                                names.getOrDefault(o.subject(), o.subject()),
                                "consent",
                                o.state().wireName(),
                                "present",
                                String.valueOf(present.containsKey(o.subject()))))
                        .toList();
                throw access.refuse(
                        AuditEntry.refused("recording.request", RecordingRules.CONSENT_MISSING.name())
                                .target("meeting", meeting.id())
                                .detail("noticeHash", notice.hash())
                                .detail("objections", people.size()),
                        new Refusal(
                                RecordingRules.CONSENT_MISSING,
                                "waiting for "
                                        + String.join(
                                                ", ",
                                                people.stream()
                                                        .map(p -> p.get("username") + " (" + p.get("consent") + ")")
                                                        .toList()),
                                Map.of("noticeHash", notice.hash(), "participants", people)));
            }
        }
        Recording recording = new Recording(
                Ids.random(),
                meeting.id(),
                notice.hash(),
                plan.purpose(),
                resolved.notice().location(),
                plan.retentionDays(),
                resolved.grants(),
                host.subject(),
                clock.instant());
        em.persist(recording);
        meeting.recordingFeature(true, clock.instant());
        trail.record(AuditEntry.allowed("recording.authorise")
                .target("meeting", meeting.id())
                .detail("recording", recording.id())
                .detail("noticeHash", notice.hash())
                .detail("retentionDays", plan.retentionDays())
                .detail("accessList", resolved.grants().size()));
        return recording;
    }

    /** Usernames for the people in the room: from their answers, admissions and invitations before display names. */
    private Map<String, String> names(Meeting meeting, Map<String, String> present, ConsentLedger ledger) {
        Map<String, String> names = new LinkedHashMap<>(present);
        meeting.invitees().forEach(i -> names.put(i.subject(), i.username()));
        names.putAll(attendance.admitted(meeting.id()));
        ledger.answers().values().forEach(a -> names.put(a.subject(), a.username()));
        return names;
    }

    private Resolved resolve(Meeting meeting, RecordingPlan plan, String action) {
        if (!meeting.policy().recordingAllowed()) {
            throw refuse(
                    action,
                    meeting,
                    new Refusal(
                            RecordingRules.RECORDING_FORBIDDEN,
                            "the " + meeting.classification() + " baseline forbids recording; no consent can"
                                    + " change that"));
        }
        Optional<String> retention = RetentionSchedule.problem(plan.retentionDays(), meeting.policy());
        if (retention.isPresent()) {
            throw refuse(action, meeting, new Refusal(RecordingRules.RETENTION_OUT_OF_RANGE, retention.get()));
        }
        Set<AccessGrant> grants = new LinkedHashSet<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (String username : plan.accessList()) {
            Optional<Person> person = directory.byUsername(username);
            person.ifPresentOrElse(
                    p -> grants.add(new AccessGrant(p.subject(), p.username())),
                    () -> unknown.put(username, "unknown"));
        }
        if (!unknown.isEmpty()) {
            throw refuse(
                    action,
                    meeting,
                    new Refusal(
                            RecordingRules.UNKNOWN_ACCESS_USER,
                            "not in the directory: " + String.join(", ", unknown.keySet())));
        }
        RecordingNotice notice = new RecordingNotice(
                meeting.id(),
                plan.purpose(),
                RecordingNotice.WHAT_IS_RECORDED,
                store.location(),
                grants.stream().map(AccessGrant::username).toList(),
                plan.retentionDays());
        return new Resolved(notice, grants);
    }

    private Refusal refuse(Meeting meeting, Refusal refusal) {
        return refuse("recording.request", meeting, refusal);
    }

    private Refusal refuse(String action, Meeting meeting, Refusal refusal) {
        return access.refuse(
                AuditEntry.refused(action, refusal.rule().name()).target("meeting", meeting.id()), refusal);
    }

    private record Resolved(RecordingNotice notice, Set<AccessGrant> grants) {}
}
