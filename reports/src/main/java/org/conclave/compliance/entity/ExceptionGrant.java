package org.conclave.compliance.entity;

import java.time.Instant;
import java.util.Objects;

/** A policy exception granted in the period: a meeting allowed to deviate from its baseline on one setting. */
public record ExceptionGrant(Instant grantedAt, String meeting, String setting, String grantedBy, String reason) {

    public ExceptionGrant {
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(reason, "reason");
    }
}
