package org.conclave.compliance.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What Conclave can say about a file it issued: which report, when, for whom and for which period. */
public record IssuedReport(
        String reportId,
        ReportKind kind,
        ReportFormat format,
        String sha256,
        Instant issuedAt,
        String issuedTo,
        LocalDate from,
        LocalDate to,
        Optional<String> meetingId) {}
