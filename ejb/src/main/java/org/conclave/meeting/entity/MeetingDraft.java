package org.conclave.meeting.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.SharingLabel;

/**
 * What a host asks for when scheduling, already typed. {@link #problems} lists every rule of form it breaks
 * (plain Java, so the rules are unit-tested without a container).
 */
public record MeetingDraft(
        String title,
        String description,
        Classification classification,
        SharingLabel sharingLabel,
        LocalDateTime localStart,
        ZoneId timeZone,
        int durationMinutes,
        Optional<String> recurrence,
        List<String> invitees,
        List<String> cohosts,
        Map<String, Object> tightenings) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MIN_DURATION = 5;
    public static final int MAX_DURATION = 24 * 60;
    public static final int MAX_INVITEES = 500;
    public static final Duration LATEST_START = Duration.ofDays(2 * 365);

    public MeetingDraft {
        invitees = List.copyOf(invitees);
        cohosts = List.copyOf(cohosts);
        tightenings = Map.copyOf(tightenings);
        description = description == null ? "" : description;
    }

    public ZonedDateTime start() {
        return localStart.atZone(timeZone);
    }

    /** Every rule of form the draft breaks, empty when it is acceptable. */
    public List<String> problems(Instant now) {
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            problems.add("'title' must have 1 to " + MAX_TITLE + " characters");
        } else if (title.chars().anyMatch(c -> c < 0x20)) {
            problems.add("'title' must not contain control characters");
        }
        if (description.length() > MAX_DESCRIPTION) {
            problems.add("'description' must have at most " + MAX_DESCRIPTION + " characters");
        }
        if (description.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            problems.add("'description' must not contain control characters");
        }
        Instant start = start().toInstant();
        if (!start.isAfter(now)) {
            problems.add("'start' must be in the future");
        } else if (start.isAfter(now.plus(LATEST_START))) {
            problems.add("'start' must be within two years");
        }
        if (durationMinutes < MIN_DURATION || durationMinutes > MAX_DURATION) {
            problems.add("'durationMinutes' must be from " + MIN_DURATION + " to " + MAX_DURATION);
        }
        if (invitees.size() > MAX_INVITEES) {
            problems.add("at most " + MAX_INVITEES + " invitees");
        }
        if (invitees.stream().distinct().count() != invitees.size()) {
            problems.add("'invitees' names someone twice");
        }
        return problems;
    }
}
