package org.conclave.compliance.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.conclave.compliance.entity.ControlStatus;
import org.conclave.policy.entity.Classification;

/** How values are printed, alike in the PDF and the CSV: times with their offset, days as ISO dates, colours. */
final class Wording {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private final ZoneId zone;

    Wording(ZoneId zone) {
        this.zone = zone;
    }

    /** e.g. {@code 2025-04-01 09:30:12 +02:00}. */
    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    static String day(LocalDate day) {
        return day.toString();
    }

    /** The chip colour of a status: green, amber, red, grey. */
    static String colour(ControlStatus status) {
        return switch (status) {
            case EFFECTIVE -> "#2E7D32";
            case PARTIALLY_EVIDENCED -> "#B26A00";
            case NOT_EVIDENCED -> "#C62828";
            case OUT_OF_SCOPE -> "#7A808A";
        };
    }

    /** The banner colour of a report's marking. */
    static String colour(Classification marking) {
        return switch (marking) {
            case PUBLIC -> "#2E7D32";
            case INTERNAL -> "#1F4E79";
            case CONFIDENTIAL -> "#B26A00";
            case SECRET -> "#B71C1C";
        };
    }
}
