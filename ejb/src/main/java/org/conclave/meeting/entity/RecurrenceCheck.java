package org.conclave.meeting.entity;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on a meeting series' recurrence rule: either every meeting it schedules (the first one being the
 * series' start), or why the rule is refused, in words a host can act on.
 */
public record RecurrenceCheck(Optional<String> problem, List<ZonedDateTime> occurrences) {

    public RecurrenceCheck {
        Objects.requireNonNull(problem, "problem");
        occurrences = List.copyOf(occurrences);
        if (problem.isPresent() == !occurrences.isEmpty()) {
            throw new IllegalArgumentException("a check has either a problem or occurrences, not both or neither");
        }
    }

    /** The rule is acceptable and schedules these meetings, in order. */
    public static RecurrenceCheck accepted(List<ZonedDateTime> occurrences) {
        return new RecurrenceCheck(Optional.empty(), occurrences);
    }

    /** The rule is refused for this reason. */
    public static RecurrenceCheck refused(String problem) {
        return new RecurrenceCheck(Optional.of(problem), List.of());
    }

    public boolean valid() {
        return problem.isEmpty();
    }
}
