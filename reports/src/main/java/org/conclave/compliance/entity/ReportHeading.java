package org.conclave.compliance.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.conclave.policy.entity.Classification;

/**
 * What every report's cover, header and footer carry.
 *
 * @param reportId the id the portal files the report under, printed on every page
 * @param marking how the report itself is classified, printed as a banner on every page
 * @param generatedBy the user who asked for the report
 * @param zone the time zone every time in the report is printed in
 */
public record ReportHeading(
        String organisation,
        String reportId,
        Classification marking,
        Instant generatedAt,
        String generatedBy,
        ZoneId zone) {

    public ReportHeading {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(zone, "zone");
    }
}
