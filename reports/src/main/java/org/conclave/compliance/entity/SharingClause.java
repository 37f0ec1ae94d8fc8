package org.conclave.compliance.entity;

import java.util.Objects;

/**
 * One ISO/IEC 27010:2015 clause on sharing information between organisations that a meeting portal can evidence.
 *
 * @param clause the clause number, e.g. {@code 8.4.1}
 * @param evidence what Conclave can show for it; empty when out of scope
 */
public record SharingClause(String clause, String topic, Scope scope, String evidence) {

    public SharingClause {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(evidence, "evidence");
    }
}
