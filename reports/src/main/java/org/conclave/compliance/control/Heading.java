package org.conclave.compliance.control;

import org.conclave.compliance.entity.Period;
import org.conclave.compliance.entity.ReportHeading;

/** The worded heading every report prints on its cover, banner and footer. */
record Heading(
        String title,
        String organisation,
        String reportId,
        String marking,
        String generatedAt,
        String generatedBy,
        String timeZone,
        String periodFrom,
        String periodTo,
        String catalogVersion) {

    /** The heading of a report about a period, assessed against the catalog of this version. */
    static Heading of(String title, ReportHeading heading, Period period, String catalogVersion) {
        return of(title, heading, Wording.day(period.from()), Wording.day(period.to()), catalogVersion);
    }

    /** The heading of a report about no period and no catalog (a meeting dossier). */
    static Heading of(String title, ReportHeading heading) {
        return of(title, heading, "", "", "");
    }

    private static Heading of(
            String title, ReportHeading heading, String periodFrom, String periodTo, String catalogVersion) {
        Wording wording = new Wording(heading.zone());
        return new Heading(
                title,
                heading.organisation(),
                heading.reportId(),
                heading.marking().name(),
                wording.time(heading.generatedAt()),
                heading.generatedBy(),
                heading.zone().getId(),
                periodFrom,
                periodTo,
                catalogVersion);
    }
}
