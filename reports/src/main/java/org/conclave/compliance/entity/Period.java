package org.conclave.compliance.entity;

import java.time.LocalDate;
import java.util.Objects;

/** The days a report covers, both included. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }
}
