package org.conclave.notification.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * A composed message: subject, plain text and HTML bodies, and for invitations the iCalendar file with its method.
 *
 * @param sensitive its bodies carry a secret (the passcode): sealed in the outbox and wiped after delivery
 */
public record Mail(
        MailKind kind,
        Optional<String> meetingId,
        Recipient recipient,
        String subject,
        String text,
        String html,
        Optional<Calendar> calendar,
        boolean sensitive) {

    public Mail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** An iCalendar attachment and its iTIP method ({@code REQUEST} or {@code CANCEL}). */
    public record Calendar(String text, String method) {}
}
