package org.conclave.meeting.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.conclave.meeting.entity.RecurrenceCheck;

/**
 * Decides whether a recurrence rule (the value of an iCalendar RRULE, e.g. {@code FREQ=WEEKLY;COUNT=4}) may schedule
 * a meeting series, and lists the meetings it schedules. A series repeats daily, weekly or monthly, always at the
 * first meeting's local time of day (across daylight-saving changes), and ends: after at most 52 meetings
 * ({@code COUNT}) or by a UTC date-time within a year of the first meeting ({@code UNTIL}). Anything else, including
 * text that is not an RRULE at all, is refused with a reason; nothing here throws for bad input. Stateless.
 */
public final class MeetingSeries {

    /** The most meetings one series may schedule. */
    public static final int MOST_MEETINGS = 52;

    /** The longest rule text considered; longer input is refused before parsing. */
    public static final int LONGEST_RULE = 200;

    /** How far after the first meeting an {@code UNTIL} may lie. */
    public static final Period LONGEST_UNTIL = Period.ofYears(1);

    static final String NOT_A_RULE = "not a valid RRULE";
    static final String NEEDS_AN_END = "the recurrence needs COUNT (at most 52) or UNTIL (within a year)";

    private static final Set<Frequency> ALLOWED = EnumSet.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY);

    /** How far ahead a COUNT-bounded series is computed; ical4j gives up early on rules that stop matching. */
    private static final Period COUNT_HORIZON = Period.ofYears(100);

    /** One rule part, {@code NAME=VALUE}, in RFC 5545's upper case; values never hold separators or controls. */
    private static final Pattern PART = Pattern.compile("([A-Z]+(?:-[A-Z]+)*)=([A-Z0-9,+-]+)");

    private MeetingSeries() {}

    /**
     * The meetings {@code rrule} schedules for a series whose first meeting is {@code start}, each in
     * {@code start}'s time zone; or why the rule is refused.
     */
    public static RecurrenceCheck check(String rrule, ZonedDateTime start) {
        Objects.requireNonNull(start, "start");
        if (rrule == null || rrule.isBlank()) {
            return RecurrenceCheck.refused(NOT_A_RULE);
        }
        if (rrule.length() > LONGEST_RULE) {
            return RecurrenceCheck.refused("the recurrence rule is longer than " + LONGEST_RULE + " characters");
        }
        Optional<Map<String, String>> parts = parts(rrule);
        if (parts.isEmpty()) {
            return RecurrenceCheck.refused(NOT_A_RULE);
        }
        Recur<Temporal> recur;
        try {
            recur = new Recur<>(rrule);
        } catch (RuntimeException notARule) {
            return RecurrenceCheck.refused(NOT_A_RULE);
        }
        return check(recur, parts.get(), start);
    }

    private static RecurrenceCheck check(Recur<Temporal> recur, Map<String, String> parts, ZonedDateTime start) {
        Frequency frequency = recur.getFrequency();
        if (frequency == null) {
            return RecurrenceCheck.refused(NOT_A_RULE);
        }
        if (!ALLOWED.contains(frequency)) {
            return RecurrenceCheck.refused(
                    "FREQ=" + frequency + " is not allowed: series repeat daily, weekly or monthly");
        }
        if (parts.containsKey("BYHOUR") || parts.containsKey("BYMINUTE") || parts.containsKey("BYSECOND")) {
            return RecurrenceCheck.refused("BYHOUR, BYMINUTE and BYSECOND are not allowed: every meeting of a series"
                    + " starts at the first meeting's time of day");
        }
        if (parts.containsKey("INTERVAL") && recur.getInterval() < 1) {
            return RecurrenceCheck.refused("INTERVAL must be a whole number of at least 1");
        }
        boolean counted = parts.containsKey("COUNT");
        boolean dated = parts.containsKey("UNTIL");
        if (counted && dated) {
            return RecurrenceCheck.refused("COUNT and UNTIL cannot both be given");
        }
        if (!counted && !dated) {
            return RecurrenceCheck.refused(NEEDS_AN_END);
        }
        ZonedDateTime end;
        if (counted) {
            int count = recur.getCount();
            if (count < 1) {
                return RecurrenceCheck.refused("COUNT must be at least 1");
            }
            if (count > MOST_MEETINGS) {
                return RecurrenceCheck.refused(
                        "COUNT=" + count + " is not allowed: a series has at most " + MOST_MEETINGS + " meetings");
            }
            end = start.plus(COUNT_HORIZON);
        } else {
            if (!(recur.getUntil() instanceof OffsetDateTime until) || !ZoneOffset.UTC.equals(until.getOffset())) {
                return RecurrenceCheck.refused("UNTIL must be a UTC date-time, e.g. UNTIL=20250630T215959Z");
            }
            Instant last = until.toInstant();
            if (last.isBefore(start.toInstant())) {
                return RecurrenceCheck.refused("UNTIL is before the first meeting");
            }
            if (last.isAfter(start.plus(LONGEST_UNTIL).toInstant())) {
                return RecurrenceCheck.refused("UNTIL must be within a year of the first meeting");
            }
            end = until.atZoneSameInstant(start.getZone());
        }
        List<ZonedDateTime> occurrences;
        try {
            occurrences = withoutUntil(recur).getDates(start, start, end, MOST_MEETINGS + 1);
        } catch (RuntimeException notComputable) {
            return RecurrenceCheck.refused(NOT_A_RULE);
        }
        if (occurrences.isEmpty() || !occurrences.get(0).toInstant().equals(start.toInstant())) {
            return RecurrenceCheck.refused(
                    "the rule does not include the first meeting: start the series on a day the rule selects");
        }
        if (occurrences.size() > MOST_MEETINGS) {
            return RecurrenceCheck.refused("the series would have more than " + MOST_MEETINGS + " meetings");
        }
        if (counted && occurrences.size() < recur.getCount()) {
            return RecurrenceCheck.refused(
                    "the rule yields only " + occurrences.size() + " of its COUNT=" + recur.getCount() + " meetings");
        }
        return RecurrenceCheck.accepted(occurrences);
    }

    /**
     * The rule's parts by name, or nothing when the text is not a sequence of distinct {@code NAME=VALUE} parts
     * (RFC 5545 allows each part once; ical4j would silently keep the last).
     */
    private static Optional<Map<String, String>> parts(String rrule) {
        Map<String, String> parts = new HashMap<>();
        for (String part : rrule.split(";", -1)) {
            Matcher m = PART.matcher(part);
            if (!m.matches() || parts.put(m.group(1), m.group(2)) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(parts);
    }

    /**
     * The same rule without its UNTIL: ical4j parses UNTIL as an {@code OffsetDateTime} and cannot compare it with a
     * {@code ZonedDateTime} seed, so the caller bounds the computation with the period's end instead (inclusive,
     * as UNTIL is).
     */
    @SuppressWarnings("unchecked")
    private static Recur<ZonedDateTime> withoutUntil(Recur<Temporal> recur) {
        Recur<ZonedDateTime> zoned = (Recur<ZonedDateTime>) (Recur<?>) recur;
        return new Recur.Builder<>(zoned).until(null).build();
    }
}
