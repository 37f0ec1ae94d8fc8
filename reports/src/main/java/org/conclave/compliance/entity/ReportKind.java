package org.conclave.compliance.entity;

import java.util.Arrays;
import java.util.Optional;

/** The reports Conclave issues. */
public enum ReportKind {
    COMPLIANCE_PACK("compliance-pack"),
    SHARING_REPORT("sharing-report"),
    MEETING_DOSSIER("meeting-dossier");

    private final String wireName;

    ReportKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ReportKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst();
    }
}
