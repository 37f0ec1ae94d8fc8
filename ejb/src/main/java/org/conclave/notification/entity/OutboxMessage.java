package org.conclave.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A message waiting in the outbox, delivered, or given up on after its last attempt. Bodies of sensitive messages are
 * stored sealed and wiped once the message left (or finally failed).
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(
        name = OutboxMessage.DUE,
        query = "SELECT m.id FROM OutboxMessage m WHERE m.sentAt IS NULL AND m.failedAt IS NULL"
                + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt")
public class OutboxMessage {

    public static final String DUE = "OutboxMessage.due";
    public static final String WIPED = "(wiped after delivery)";

    @Id
    private String id;

    private String kind;

    @Column(name = "meeting_id")
    private String meetingId;

    @Column(name = "recipient_subject")
    private String recipientSubject;

    @Column(name = "recipient_address")
    private String recipientAddress;

    private String locale;

    private String subject;

    @Column(name = "text_body")
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    private String calendar;

    @Column(name = "calendar_method")
    private String calendarMethod;

    private boolean sealed;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "failed_at")
    private OffsetDateTime failedAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMessage() {}

    public OutboxMessage(String id, Mail mail, String textBody, String htmlBody, boolean sealed, Instant at) {
        this.id = id;
        this.kind = mail.kind().wireName();
        this.meetingId = mail.meetingId().orElse(null);
        this.recipientSubject = mail.recipient().subject();
        this.recipientAddress = mail.recipient().address();
        this.locale = mail.recipient().locale().toLanguageTag();
        this.subject = mail.subject();
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.calendar = mail.calendar().map(Mail.Calendar::text).orElse(null);
        this.calendarMethod = mail.calendar().map(Mail.Calendar::method).orElse(null);
        this.sealed = sealed;
        this.createdAt = at.atOffset(ZoneOffset.UTC);
        this.nextAttemptAt = this.createdAt;
    }

    public void delivered(Instant at) {
        this.attempts++;
        this.sentAt = at.atOffset(ZoneOffset.UTC);
        this.lastError = null;
        wipeIfSealed();
    }

    /** A failed attempt: tried again after {@code backoff}, or given up when no attempt is left. */
    public void attemptFailed(String error, Instant at, Duration backoff, int maxAttempts) {
        this.attempts++;
        this.lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= maxAttempts) {
            this.failedAt = at.atOffset(ZoneOffset.UTC);
            wipeIfSealed();
        } else {
            this.nextAttemptAt = at.plus(backoff).atOffset(ZoneOffset.UTC);
        }
    }

    private void wipeIfSealed() {
        if (sealed) {
            textBody = WIPED;
            htmlBody = WIPED;
        }
    }

    public boolean isPending() {
        return sentAt == null && failedAt == null;
    }

    public boolean hasFailed() {
        return failedAt != null;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public Optional<String> meetingId() {
        return Optional.ofNullable(meetingId);
    }

    public String recipientSubject() {
        return recipientSubject;
    }

    public String recipientAddress() {
        return recipientAddress;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public Optional<String> calendar() {
        return Optional.ofNullable(calendar);
    }

    public Optional<String> calendarMethod() {
        return Optional.ofNullable(calendarMethod);
    }

    public boolean sealed() {
        return sealed;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
