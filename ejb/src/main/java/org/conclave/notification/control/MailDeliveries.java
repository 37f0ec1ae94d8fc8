package org.conclave.notification.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.notification.entity.Backoff;
import org.conclave.notification.entity.OutboxMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers one outbox message per transaction: locked (another instance waits, then finds it sent), sent through
 * the SMTP server, marked delivered and audited; on failure tried again later with a doubling wait, and after the last
 * attempt marked failed and audited. Delivery is at least once: a crash between the SMTP server's acceptance and the
 * commit sends the message again.
 */
@Stateless
public class MailDeliveries {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    MailServer server;

    @Inject
    OutboxSeal seal;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "conclave.mail.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "conclave.mail.first-retry-seconds", defaultValue = "30")
    int firstRetrySeconds;

    @Inject
    @ConfigProperty(name = "conclave.mail.longest-retry-seconds", defaultValue = "1800")
    int longestRetrySeconds;

    public List<String> due() {
        return em.createNamedQuery(OutboxMessage.DUE, String.class)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .setMaxResults(100)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliver(String id) {
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || !message.isPending()) {
            return false;
        }
        Instant now = clock.instant();
        try {
            String text = message.sealed() ? seal.open(id, message.textBody()) : message.textBody();
            String html = message.sealed() ? seal.open(id, message.htmlBody()) : message.htmlBody();
            server.send(
                    message.recipientAddress(),
                    message.subject(),
                    text,
                    html,
                    message.calendar(),
                    message.calendarMethod());
        } catch (MessagingException | RuntimeException e) {
            Backoff backoff =
                    new Backoff(Duration.ofSeconds(firstRetrySeconds), Duration.ofSeconds(longestRetrySeconds));
            message.attemptFailed(
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    now,
                    backoff.after(message.attempts() + 1),
                    maxAttempts);
            if (message.hasFailed()) {
                trail.record(
                        audit(AuditEntry.refused("mail.failed", "mail-undeliverable"), message), AuditActor.SYSTEM);
            }
            return false;
        }
        message.delivered(now);
        trail.record(audit(AuditEntry.allowed("mail.delivered"), message), AuditActor.SYSTEM);
        return true;
    }

    private static AuditEntry audit(AuditEntry entry, OutboxMessage message) {
        message.meetingId().ifPresent(m -> entry.target("meeting", m));
        return entry.detail("message", message.id())
                .detail("kind", message.kind())
                .detail("recipient", message.recipientSubject())
                .detail("attempts", message.attempts());
    }
}
