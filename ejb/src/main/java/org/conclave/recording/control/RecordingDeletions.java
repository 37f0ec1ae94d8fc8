package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.recording.entity.Recording;
import org.conclave.recording.entity.RetentionSchedule;

/**
 * Deletes one recording whose date has come, in its own transaction: the row is locked (a second instance skips it),
 * the file is deleted and checked gone, the recording is marked deleted and a deletion certificate goes into the
 * audit chain. After a crash between the file's deletion and the commit the next run finds the file already gone and
 * still certifies it, so the purge is idempotent.
 */
@Stateless
public class RecordingDeletions {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    RecordingStore store;

    @Inject
    LegalHolds holds;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    public List<String> due() {
        return em.createNamedQuery(Recording.DUE, String.class)
                .setParameter("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .setMaxResults(500)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean purge(String recordingId) {
        Recording recording = em.createQuery("SELECT r FROM Recording r WHERE r.id = :id", Recording.class)
                .setParameter("id", recordingId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Instant now = clock.instant();
        if (recording == null
                || !recording.isFinished()
                || !RetentionSchedule.due(
                        recording.deleteAfter().orElseThrow(),
                        !holds.keeping(recording).isEmpty(),
                        now)) {
            return false;
        }
        boolean fileFound = store.delete(recording.filePath().orElseThrow());
        recording.deleted(now);
        trail.record(
                AuditEntry.allowed("recording.deletion-certificate")
                        .target("recording", recording.id())
                        .detail("meeting", recording.meetingId())
                        .detail("sha256", recording.sha256().orElse(""))
                        .detail("sizeBytes", recording.sizeBytes().orElse(0L))
                        .detail("deletedAt", now.toString())
                        .detail("fileFoundAtPurge", fileFound)
                        .detail(
                                "rule",
                                "retention of " + recording.retentionDays() + " days after the recording ended ("
                                        + recording.finishedAt().orElseThrow() + "): due "
                                        + recording.deleteAfter().orElseThrow()),
                AuditActor.SYSTEM);
        return true;
    }
}
