package org.conclave.compliance.entity;

import java.util.List;
import java.util.Objects;

/**
 * The data of the ISO/IEC 27002:2022 compliance pack for a period. Each control of the catalog is reported with
 * the {@link Evidence} whose {@code ref} is its id, or with none if there is no such entry.
 */
public record CompliancePack(
        ReportHeading heading, Period period, ChainIntegrity integrity, List<Evidence> evidence, Annex annex) {

    public CompliancePack {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(integrity, "integrity");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(annex, "annex");
    }
}
