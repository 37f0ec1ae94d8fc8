package org.conclave.compliance.entity;

import java.util.Objects;

/**
 * One labelled figure of evidence, e.g. {@code Refused admissions = 42} or {@code Passcode hashing = PBKDF2-SHA256}.
 * Printed as given, never interpreted as markup.
 */
public record Figure(String label, String value) {

    public Figure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    /** A counted figure. */
    public static Figure count(String label, long count) {
        return new Figure(label, Long.toString(count));
    }
}
