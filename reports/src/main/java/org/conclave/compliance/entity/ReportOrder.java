package org.conclave.compliance.entity;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What someone asked for: a kind of report, its format, the period (inclusive days) and, for a dossier, the meeting. */
public record ReportOrder(
        ReportKind kind, ReportFormat format, LocalDate from, LocalDate to, Optional<String> meetingId) {

    public ReportOrder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(meetingId, "meetingId");
    }
}
