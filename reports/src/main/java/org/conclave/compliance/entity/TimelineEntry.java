package org.conclave.compliance.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a meeting's timeline, e.g. {@code admission}, actor {@code Łukasz Nowak}, outcome {@code refused},
 * detail {@code passcode wrong 3 times}.
 */
public record TimelineEntry(Instant at, String kind, String actor, String outcome, String detail) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
