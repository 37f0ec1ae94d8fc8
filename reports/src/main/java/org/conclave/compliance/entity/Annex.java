package org.conclave.compliance.entity;

import java.util.List;

/** The compliance pack's annex: every exception granted, policy change made and alert raised in the period. */
public record Annex(List<ExceptionGrant> exceptions, List<PolicyChange> policyChanges, List<SecurityAlert> alerts) {

    public Annex {
        exceptions = List.copyOf(exceptions);
        policyChanges = List.copyOf(policyChanges);
        alerts = List.copyOf(alerts);
    }

    public static Annex empty() {
        return new Annex(List.of(), List.of(), List.of());
    }
}
