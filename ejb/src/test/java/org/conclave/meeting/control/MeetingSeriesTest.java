package org.conclave.meeting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.conclave.meeting.entity.RecurrenceCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeetingSeriesTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    /** A Tuesday, twelve days before Spain moves its clocks forward (Sunday 30 March 2025). */
    private static final ZonedDateTime START = ZonedDateTime.of(2025, 3, 18, 10, 0, 0, 0, MADRID);

    @Test
    void weeklySeriesKeepsItsLocalTimeAcrossTheChangeToSummerTime() {
        RecurrenceCheck check = MeetingSeries.check("FREQ=WEEKLY;COUNT=4", START);

        assertTrue(check.valid(), () -> check.problem().orElseThrow());
        assertEquals(Optional.empty(), check.problem());
        List<ZonedDateTime> meetings = check.occurrences();
        assertEquals(List.of(START, START.plusWeeks(1), START.plusWeeks(2), START.plusWeeks(3)), meetings);
        assertEquals(START, meetings.get(0));
        for (int i = 0; i < meetings.size(); i++) {
            ZonedDateTime meeting = meetings.get(i);
            assertEquals(MADRID, meeting.getZone());
            assertEquals(LocalTime.of(10, 0), meeting.toLocalTime());
            assertEquals(START.toLocalDate().plusWeeks(i), meeting.toLocalDate());
        }
        assertEquals(ZoneOffset.ofHours(1), meetings.get(1).getOffset());
        assertEquals(ZoneOffset.ofHours(2), meetings.get(2).getOffset());
        assertEquals(Duration.ofHours(7 * 24 - 1), Duration.between(meetings.get(1), meetings.get(2)));
    }

    @Test
    void untilIsInclusiveAndInUtc() {
        // The fourth meeting, 8 April 10:00 in Madrid, is 08:00 UTC.
        RecurrenceCheck upToTheFourth = MeetingSeries.check("FREQ=WEEKLY;UNTIL=20250408T080000Z", START);
        RecurrenceCheck justBefore = MeetingSeries.check("FREQ=WEEKLY;UNTIL=20250408T075959Z", START);

        assertTrue(upToTheFourth.valid(), () -> upToTheFourth.problem().orElseThrow());
        assertEquals(4, upToTheFourth.occurrences().size());
        assertEquals(START.plusWeeks(3), upToTheFourth.occurrences().get(3));
        assertTrue(justBefore.valid());
        assertEquals(3, justBefore.occurrences().size());
    }

    @Test
    void untilAYearAheadIsTheLimit() {
        RecurrenceCheck oneYear = MeetingSeries.check("FREQ=MONTHLY;UNTIL=20260318T090000Z", START);
        RecurrenceCheck longer = MeetingSeries.check("FREQ=MONTHLY;UNTIL=20260318T090001Z", START);

        assertTrue(oneYear.valid(), () -> oneYear.problem().orElseThrow());
        assertEquals(13, oneYear.occurrences().size());
        assertEquals(START.plusMonths(12), oneYear.occurrences().get(12));
        assertRefused(longer, "UNTIL must be within a year of the first meeting");
    }

    @Test
    void untilMustBeAUtcDateTimeAfterTheStart() {
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY;UNTIL=20250408", START),
                "UNTIL must be a UTC date-time, e.g. UNTIL=20250630T215959Z");
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY;UNTIL=20250408T100000", START),
                "UNTIL must be a UTC date-time, e.g. UNTIL=20250630T215959Z");
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY;UNTIL=20250301T000000Z", START), "UNTIL is before the first meeting");
    }

    @Test
    void aSeriesNeedsAnEnd() {
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY", START),
                "the recurrence needs COUNT (at most 52) or UNTIL (within a year)");
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY;BYDAY=TU", START),
                "the recurrence needs COUNT (at most 52) or UNTIL (within a year)");
    }

    @Test
    void countAndUntilTogetherAreRefused() {
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY;COUNT=4;UNTIL=20250408T080000Z", START),
                "COUNT and UNTIL cannot both be given");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOURLY", "MINUTELY", "SECONDLY", "YEARLY"})
    void onlyDailyWeeklyAndMonthlySeriesAreAllowed(String frequency) {
        assertRefused(
                MeetingSeries.check("FREQ=" + frequency + ";COUNT=3", START),
                "FREQ=" + frequency + " is not allowed: series repeat daily, weekly or monthly");
    }

    @Test
    void atMostFiftyTwoMeetingsByCount() {
        RecurrenceCheck fiftyTwo = MeetingSeries.check("FREQ=WEEKLY;COUNT=52", START);

        assertTrue(fiftyTwo.valid());
        assertEquals(52, fiftyTwo.occurrences().size());
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY;COUNT=53", START),
                "COUNT=53 is not allowed: a series has at most 52 meetings");
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY;COUNT=60", START),
                "COUNT=60 is not allowed: a series has at most 52 meetings");
        assertRefused(MeetingSeries.check("FREQ=WEEKLY;COUNT=0", START), "COUNT must be at least 1");
        assertRefused(MeetingSeries.check("FREQ=WEEKLY;COUNT=-2", START), "COUNT must be at least 1");
    }

    @Test
    void atMostFiftyTwoMeetingsByUntilToo() {
        assertRefused(
                MeetingSeries.check("FREQ=DAILY;UNTIL=20260317T090000Z", START),
                "the series would have more than 52 meetings");
    }

    @Test
    void aSingleMeetingSeriesIsTheStartAlone() {
        RecurrenceCheck one = MeetingSeries.check("FREQ=DAILY;COUNT=1", START);

        assertTrue(one.valid());
        assertEquals(List.of(START), one.occurrences());
    }

    @Test
    void weekdaysAndIntervalsAreHonoured() {
        RecurrenceCheck check = MeetingSeries.check("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4", START);

        assertTrue(check.valid(), () -> check.problem().orElseThrow());
        assertEquals(
                List.of(
                        START,
                        START.plusDays(2),
                        START.plusWeeks(2),
                        START.plusWeeks(2).plusDays(2)),
                check.occurrences());
    }

    @Test
    void monthlySeriesKeepsTheDayOfMonth() {
        RecurrenceCheck check = MeetingSeries.check("FREQ=MONTHLY;COUNT=3", START);

        assertTrue(check.valid());
        assertEquals(List.of(START, START.plusMonths(1), START.plusMonths(2)), check.occurrences());
    }

    @Test
    void theRuleMustIncludeTheFirstMeeting() {
        // START is a Tuesday.
        assertRefused(
                MeetingSeries.check("FREQ=WEEKLY;BYDAY=FR;COUNT=3", START),
                "the rule does not include the first meeting: start the series on a day the rule selects");
    }

    @Test
    void meetingsOfASeriesStartAtTheSameTimeOfDay() {
        assertRefused(
                MeetingSeries.check("FREQ=DAILY;BYHOUR=9,10,11;COUNT=6", START),
                "BYHOUR, BYMINUTE and BYSECOND are not allowed: every meeting of a series starts at the first"
                        + " meeting's time of day");
        assertFalse(
                MeetingSeries.check("FREQ=DAILY;BYMINUTE=0,30;COUNT=6", START).valid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=WEEKLY;INTERVAL=0;COUNT=3", "FREQ=WEEKLY;INTERVAL=-1;COUNT=3"})
    void intervalsArePositive(String rule) {
        assertRefused(MeetingSeries.check(rule, START), "INTERVAL must be a whole number of at least 1");
    }

    @Test
    void aRuleThatCannotProduceItsCountIsRefused() {
        assertRefused(
                MeetingSeries.check("FREQ=MONTHLY;INTERVAL=100000;COUNT=2", START),
                "the rule yields only 1 of its COUNT=2 meetings");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "garbage",
                "freq=weekly;count=4",
                "FREQ=weekly;COUNT=4",
                "FREQ=WEEKLY;count=4",
                "FREQ=FORTNIGHTLY;COUNT=2",
                "FREQ=WEEKLY;COUNT=abc",
                "FREQ=WEEKLY;COUNT=4;",
                "FREQ=WEEKLY; COUNT=4",
                "RRULE:FREQ=WEEKLY;COUNT=4",
                "COUNT=4",
                "FREQ=WEEKLY;COUNT=3;COUNT=60",
                "FREQ=WEEKLY;BYDAY=XX;COUNT=2",
                "FREQ=WEEKLY;COUNT=4;X-EVIL=1",
                "FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT",
                "FREQ=WEEKLY;COUNT=4\rBEGIN:VEVENT",
                "FREQ=WEEKLY;COUNT=99999999999999999999",
                "FREQ=WEEKLY;UNTIL=2025-04-08",
                "FREQ=WEEKLY;UNTIL=20251340T000000Z",
                ";;;",
                "=",
                "FREQ=DAILY;BYMONTHDAY=99;COUNT=3"
            })
    void garbageIsRefusedNeverThrown(String rule) {
        assertRefused(MeetingSeries.check(rule, START), "not a valid RRULE");
    }

    @Test
    void longRulesAreRefusedBeforeParsing() {
        String padded = "FREQ=WEEKLY;COUNT=4;BYDAY=TU" + ",TU".repeat(60);
        assertTrue(padded.length() > MeetingSeries.LONGEST_RULE);

        assertRefused(MeetingSeries.check(padded, START), "the recurrence rule is longer than 200 characters");
    }

    private static void assertRefused(RecurrenceCheck check, String problem) {
        assertFalse(check.valid(), () -> "accepted: " + check.occurrences());
        assertEquals(Optional.of(problem), check.problem());
        assertEquals(List.of(), check.occurrences());
    }
}
