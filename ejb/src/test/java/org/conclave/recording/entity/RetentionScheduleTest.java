package org.conclave.recording.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.DefaultBaselines;
import org.conclave.policy.entity.PolicySettings;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void deletionIsTheSameWallClockTimeAfterTheRetentionDays() {
        Instant ended = Instant.parse("2026-11-02T09:30:00Z");
        assertEquals(Instant.parse("2026-12-02T09:30:00Z"), RetentionSchedule.deleteAfter(ended, 30, MADRID));
    }

    @Test
    void daysAreCalendarDaysAcrossADaylightSavingChange() {
        // 2027-03-28: Madrid moves from +01:00 to +02:00, so 30 calendar days are one hour shorter than 720 hours
        Instant ended = Instant.parse("2027-03-10T09:00:00Z"); // 10:00 in Madrid
        Instant due = RetentionSchedule.deleteAfter(ended, 30, MADRID);
        assertEquals("2027-04-09T10:00+02:00[Europe/Madrid]", due.atZone(MADRID).toString());
        assertEquals(Duration.ofHours(719), Duration.between(ended, due));
        assertEquals(ended.plus(Duration.ofDays(30)), RetentionSchedule.deleteAfter(ended, 30, ZoneOffset.UTC));
    }

    @Test
    void dueExactlyAtTheDateAndNotASecondBefore() {
        Instant date = Instant.parse("2026-12-02T09:30:00Z");
        assertFalse(RetentionSchedule.due(date, false, date.minusSeconds(1)));
        assertTrue(RetentionSchedule.due(date, false, date));
        assertTrue(RetentionSchedule.due(date, false, date.plusSeconds(86400)));
    }

    @Test
    void aHoldKeepsItPastTheDate() {
        Instant date = Instant.parse("2026-12-02T09:30:00Z");
        assertFalse(RetentionSchedule.due(date, true, date.plusSeconds(365L * 86400)));
    }

    @Test
    void retentionMustLieWithinTheClassificationLimits() {
        PolicySettings policy = DefaultBaselines.forClass(Classification.CONFIDENTIAL);
        int min = policy.recordingRetentionMinDays();
        int max = policy.recordingRetentionMaxDays();
        assertTrue(RetentionSchedule.problem(min, policy).isEmpty());
        assertTrue(RetentionSchedule.problem(max, policy).isEmpty());
        assertTrue(RetentionSchedule.problem(min - 1, policy).isPresent());
        assertTrue(RetentionSchedule.problem(max + 1, policy).get().contains(String.valueOf(max)));
    }

    @Test
    void zeroDaysIsNotARetention() {
        assertThrows(IllegalArgumentException.class, () -> RetentionSchedule.deleteAfter(Instant.EPOCH, 0, MADRID));
    }
}
