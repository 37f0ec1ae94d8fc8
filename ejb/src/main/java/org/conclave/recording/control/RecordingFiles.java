package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.conclave.admission.entity.RecordingReported;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.control.RefusalRecorder;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.audit.entity.Source;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.conclave.recording.entity.Recording;
import org.conclave.recording.entity.RecordingFile;
import org.conclave.recording.entity.RecordingRules;
import org.conclave.recording.entity.RetentionSchedule;

/**
 * The file behind a recording: accepted from the platform only when it is in the store with the reported size and
 * SHA-256 (which fixes the deletion date), and handed out only to the meeting's hosts, the access list and auditors.
 * For anyone else the recording does not exist.
 */
@Stateless
public class RecordingFiles {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    RecordingStore store;

    @Inject
    AuditTrail trail;

    @Inject
    RefusalRecorder refusals;

    @Inject
    Access access;

    @Inject
    Clock clock;

    public void finished(@Observes RecordingReported report) {
        Recording recording =
                Ids.plausible(report.recordingId()) ? em.find(Recording.class, report.recordingId()) : null;
        if (recording == null || !recording.meetingId().equals(report.meetingId()) || !recording.isRunning()) {
            throw refuse(
                    report,
                    new Refusal(
                            RecordingRules.UNKNOWN_RECORDING,
                            "no running recording " + report.recordingId() + " in this meeting"));
        }
        em.lock(recording, LockModeType.PESSIMISTIC_WRITE);
        Optional<Path> file = store.file(report.path());
        if (file.isEmpty()) {
            throw refuse(
                    report,
                    new Refusal(RecordingRules.FILE_MISMATCH, "there is no file " + report.path() + " in the store"));
        }
        long size = store.size(file.get());
        String sha256 = store.sha256(file.get());
        if (size != report.sizeBytes() || !sha256.equals(report.sha256())) {
            throw refuse(
                    report,
                    new Refusal(
                            RecordingRules.FILE_MISMATCH,
                            "the file in the store has " + size + " bytes and SHA-256 " + sha256 + ", not "
                                    + report.sizeBytes() + " bytes and " + report.sha256()));
        }
        Meeting meeting = em.find(Meeting.class, recording.meetingId());
        Instant now = clock.instant();
        Instant deleteAfter = RetentionSchedule.deleteAfter(now, recording.retentionDays(), meeting.timeZone());
        recording.finish(report.path(), size, sha256, now, deleteAfter);
        meeting.recordingFeature(false, now);
        trail.record(
                AuditEntry.allowed("recording.finish")
                        .source(Source.PLATFORM)
                        .target("meeting", meeting.id())
                        .detail("recording", recording.id())
                        .detail("sha256", sha256)
                        .detail("sizeBytes", size)
                        .detail("deleteAfter", deleteAfter.toString())
                        .detail("event", report.eventId()),
                AuditActor.SYSTEM);
    }

    /** The recording, if the caller may see it; otherwise a 404 (its refusal audited). */
    public Recording readable(Caller caller, String recordingId, String action) {
        Recording recording = Ids.plausible(recordingId) ? em.find(Recording.class, recordingId) : null;
        Meeting meeting = recording == null ? null : em.find(Meeting.class, recording.meetingId());
        if (meeting == null
                || !(caller.has(Role.AUDITOR)
                        || meeting.isManagedBy(caller.subject())
                        || recording.mayBeReadBy(caller.subject()))) {
            throw access.refuse(
                    AuditEntry.refused(action, Rule.NOT_FOUND.name())
                            .target("recording", Ids.plausible(recordingId) ? recordingId : null),
                    new Refusal(Rule.NOT_FOUND, "no such recording"));
        }
        return recording;
    }

    /** Checks the caller may download it, audits the download and returns the file to stream. */
    public RecordingFile download(Caller caller, String recordingId) {
        Recording recording = readable(caller, recordingId, "recording.download");
        Optional<Path> file = recording.isFinished() ? recording.filePath().flatMap(store::file) : Optional.empty();
        if (file.isEmpty()) {
            throw access.refuse(
                    AuditEntry.refused("recording.download", RecordingRules.NOT_FINISHED.name())
                            .target("recording", recording.id()),
                    new Refusal(RecordingRules.NOT_FINISHED, "the recording is " + recording.state()));
        }
        trail.record(AuditEntry.allowed("recording.download")
                .target("recording", recording.id())
                .detail("meeting", recording.meetingId())
                .detail("sha256", recording.sha256().orElse("")));
        return new RecordingFile(
                recording.id(),
                file.get(),
                recording.sizeBytes().orElse(0L),
                recording.sha256().orElse(""));
    }

    private Refusal refuse(RecordingReported report, Refusal refusal) {
        return refusals.refuse(
                AuditEntry.refused("recording.finish", refusal.rule().name())
                        .source(Source.PLATFORM)
                        .target("meeting", report.meetingId())
                        .detail("recording", report.recordingId())
                        .detail("event", report.eventId()),
                AuditActor.SYSTEM,
                refusal);
    }
}
