package org.conclave.compliance.entity;

import java.util.Arrays;
import java.util.Optional;

/** PDF for people, CSV for spreadsheets and tools. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    CSV("csv", "text/csv; charset=UTF-8");

    private final String wireName;
    private final String contentType;

    ReportFormat(String wireName, String contentType) {
        this.wireName = wireName;
        this.contentType = contentType;
    }

    public String wireName() {
        return wireName;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ReportFormat> parse(String text) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(text)).findFirst();
    }
}
