package org.conclave.compliance.entity;

import java.util.Arrays;
import java.util.Optional;

/** How far Conclave can evidence a control or clause, as the catalog's {@code conclave_scope} column says. */
public enum Scope {
    /** Conclave itself enforces the control and records every decision. */
    AUTOMATED("automated"),
    /** Conclave gives part of the evidence; the rest lies outside the portal. */
    PARTIAL("partial"),
    /** Nothing a meeting portal does can evidence the control. */
    OUT_OF_SCOPE("out-of-scope");

    private final String catalogName;

    Scope(String catalogName) {
        this.catalogName = catalogName;
    }

    /** The word in the catalog file, e.g. {@code out-of-scope}. */
    public String catalogName() {
        return catalogName;
    }

    /** The scope with this catalog word, if there is one. */
    public static Optional<Scope> parse(String catalogName) {
        return Arrays.stream(values())
                .filter(s -> s.catalogName.equals(catalogName))
                .findFirst();
    }
}
