package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.audit.entity.Source;
import org.conclave.meeting.entity.Meeting;
import org.conclave.recording.entity.Recording;

/**
 * A recording runs while someone who has not consented is in the room (they joined late, or withdrew): the recording
 * is marked, an {@code alert.consent-breach} goes into the audit log (and the host's view), and the host's next join
 * tokens no longer carry the recording feature.
 */
@Stateless
public class ConsentBreaches {

    public static final String ALERT = "alert.consent-breach";

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    public Optional<Recording> running(String meetingId) {
        return em.createNamedQuery(Recording.RUNNING, Recording.class)
                .setParameter("meeting", meetingId)
                .getResultStream()
                .findFirst();
    }

    public void raise(Recording recording, String subject, String cause, Source source, AuditActor actor) {
        recording.breachConsent();
        Meeting meeting = em.find(Meeting.class, recording.meetingId());
        meeting.recordingFeature(false, clock.instant());
        trail.record(
                AuditEntry.refused(ALERT, "consent-breach")
                        .source(source)
                        .target("meeting", recording.meetingId())
                        .detail("recording", recording.id())
                        .detail("person", subject)
                        .detail("cause", cause),
                actor);
    }
}
