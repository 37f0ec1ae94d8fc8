package org.conclave.recording.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.conclave.policy.entity.PolicySettings;

/**
 * When a recording must be deleted. Retention is counted in calendar days in the meeting's time zone from the moment
 * the recording ended, so "30 days" means the same wall-clock time 30 days later even across a daylight-saving
 * change. The number of days must lie within the classification's minimum and maximum; only a legal hold keeps a
 * recording past its date.
 */
public final class RetentionSchedule {

    private RetentionSchedule() {}

    /** The problem with {@code days} under {@code policy}, if any. */
    public static Optional<String> problem(int days, PolicySettings policy) {
        int min = policy.recordingRetentionMinDays();
        int max = policy.recordingRetentionMaxDays();
        if (days < min || days > max) {
            return Optional.of("retention must be between " + min + " and " + max + " days for this classification,"
                    + " not " + days);
        }
        return Optional.empty();
    }

    public static Instant deleteAfter(Instant ended, int days, ZoneId zone) {
        if (days < 1) {
            throw new IllegalArgumentException("a recording is kept at least one day, not " + days);
        }
        return ended.atZone(zone).plusDays(days).toInstant();
    }

    /** Whether the purge must delete it now: its date has come (inclusive) and no legal hold keeps it. */
    public static boolean due(Instant deleteAfter, boolean held, Instant now) {
        return !held && !now.isBefore(deleteAfter);
    }
}
