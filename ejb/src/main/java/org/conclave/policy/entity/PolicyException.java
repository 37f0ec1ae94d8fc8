package org.conclave.policy.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A granted, time-limited exception to a baseline: until {@code expiresAt} (exclusive) one setting may be weaker than
 * the baseline, down to {@code allowedValue} and no further.
 */
public record PolicyException(PolicySetting setting, Object allowedValue, Instant expiresAt) {

    public PolicyException {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!setting.accepts(allowedValue)) {
            throw new IllegalArgumentException("an exception to '" + setting.wireKey() + "' allows "
                    + setting.expectation() + ", not " + allowedValue);
        }
    }

    /** In force at this instant: before it expires. */
    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether, at this instant, this exception lets {@code setting} take {@code value}. */
    public boolean allows(PolicySetting setting, Object value, Instant now) {
        return this.setting == setting && activeAt(now) && setting.isStricterOrEqual(value, allowedValue);
    }
}
