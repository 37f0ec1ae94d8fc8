package org.conclave.compliance.entity;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The audit events of a period counted by source, action, outcome and reason: one small table however many events
 * the period holds, which every control's evidence is read from.
 */
public record AuditTally(List<Row> rows) {

    public AuditTally {
        rows = List.copyOf(rows);
    }

    /** Events matching {@code action}: an exact action, or a prefix ending in {@code *} ({@code keycloak.admin.*}). */
    public long count(String action, Outcome outcome) {
        return count(matching(action, outcome));
    }

    public long count(Predicate<Row> which) {
        return rows.stream().filter(which).mapToLong(Row::count).sum();
    }

    public long total() {
        return count(r -> true);
    }

    public static Predicate<Row> matching(String action, Outcome outcome) {
        Predicate<Row> actions = action.endsWith("*")
                ? r -> r.action().startsWith(action.substring(0, action.length() - 1))
                : r -> r.action().equals(action);
        return actions.and(r -> outcome == Outcome.ANY || outcome.wire().equals(r.outcome()));
    }

    /** One group of events: how many had this source, action, outcome and reason. */
    public record Row(String source, String action, String outcome, String reason, long count) {

        public Row {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(outcome, "outcome");
            reason = reason == null ? "" : reason;
        }
    }

    /** Which outcome a figure counts. */
    public enum Outcome {
        ALLOWED("allowed"),
        REFUSED("refused"),
        ANY("any");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
