package org.conclave.compliance.entity;

import java.time.Instant;
import java.util.Objects;

/** An alert raised in the period; {@code subject} is whom it is about, {@code detail} what was observed. */
public record SecurityAlert(Instant raisedAt, AlertKind kind, String meeting, String subject, String detail) {

    public SecurityAlert {
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }
}
