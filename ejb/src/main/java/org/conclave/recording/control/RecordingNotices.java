package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.entity.Caller;
import org.conclave.recording.entity.NoticePublished;
import org.conclave.recording.entity.PublishedNotice;
import org.conclave.recording.entity.RecordingNotice;

/** The recording notice of each meeting: the latest published one is what participants answer. */
@Stateless
public class RecordingNotices {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    @Inject
    Event<NoticePublished> publishedNotices;

    public Optional<PublishedNotice> current(String meetingId) {
        return em.createNamedQuery(PublishedNotice.LATEST, PublishedNotice.class)
                .setParameter("meeting", meetingId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Publishes the notice unless it is already the current one, in its own transaction: a recording request refused
     * for missing consent still leaves participants the notice to answer.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PublishedNotice publish(Caller host, RecordingNotice notice) {
        Optional<PublishedNotice> current = current(notice.meetingId());
        if (current.isPresent() && current.get().hash().equals(notice.hash())) {
            return current.get();
        }
        PublishedNotice published = new PublishedNotice(notice, host.subject(), clock.instant());
        em.persist(published);
        trail.record(AuditEntry.allowed("recording.notice-publish")
                .target("meeting", notice.meetingId())
                .detail("noticeHash", published.hash())
                .detail("retentionDays", notice.retentionDays())
                .detail("replaces", current.map(PublishedNotice::hash).orElse("")));
        publishedNotices.fire(new NoticePublished(notice));
        return published;
    }
}
