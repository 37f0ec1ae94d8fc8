package org.conclave.compliance.entity;

import org.conclave.platform.entity.Rule;

/** What a report request can break, each its own problem type. */
public final class ReportRules {

    public static final Rule ORGANISATION_REPORT_FOR_AUDITORS =
            new Rule("organisation-report-for-auditors", 403, "Organisation-wide reports are for auditors only");
    public static final Rule PERIOD_INVALID =
            new Rule("report-period-invalid", 422, "The report period is not acceptable");
    public static final Rule NOT_READY = new Rule("report-not-ready", 409, "The report is not ready (yet)");

    /** The longest period one report covers, in days. */
    public static final int LONGEST_PERIOD_DAYS = 1100;

    private ReportRules() {}
}
