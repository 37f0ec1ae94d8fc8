package org.conclave.recording.entity;

import java.time.Instant;
import java.util.Objects;

/** One line of the consent ledger: someone answered a notice (yes, no, or a later withdrawal). */
public record ConsentAnswer(String subject, String username, String noticeHash, boolean consent, Instant answeredAt) {

    public ConsentAnswer {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(noticeHash, "noticeHash");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
