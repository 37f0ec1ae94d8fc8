package org.conclave.compliance.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to a policy baseline in the period, e.g. baseline {@code CONFIDENTIAL}, setting {@code screen-sharing},
 * before {@code host-only}, after {@code none}.
 */
public record PolicyChange(
        Instant changedAt, String changedBy, String baseline, String setting, String before, String after) {

    public PolicyChange {
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
