package org.conclave.compliance.entity;

/**
 * What a report says about one control or clause for a period, by one rule: out-of-scope rows are out of scope;
 * an in-scope row with no evidence in the period, or whose evidence Conclave does not collect yet, is not
 * evidenced; otherwise an automated row is effective and a partial row partially evidenced.
 */
public enum ControlStatus {
    EFFECTIVE("effective"),
    PARTIALLY_EVIDENCED("partially evidenced"),
    NOT_EVIDENCED("not evidenced"),
    OUT_OF_SCOPE("out of scope");

    private final String label;

    ControlStatus(String label) {
        this.label = label;
    }

    /** As printed in the reports, e.g. {@code partially evidenced}. */
    public String label() {
        return label;
    }

    /**
     * @param evidenceCount the records found for the row in the period
     * @param collection whether Conclave collects the evidence the row promises; {@link EvidenceCollection#NOT_COLLECTED}
     *     downgrades an in-scope row to not evidenced, whatever the count
     * @throws IllegalArgumentException if the count is negative
     */
    public static ControlStatus assess(Scope scope, long evidenceCount, EvidenceCollection collection) {
        if (evidenceCount < 0) {
            throw new IllegalArgumentException("an evidence count cannot be negative: " + evidenceCount);
        }
        if (scope == Scope.OUT_OF_SCOPE) {
            return OUT_OF_SCOPE;
        }
        if (collection == EvidenceCollection.NOT_COLLECTED || evidenceCount == 0) {
            return NOT_EVIDENCED;
        }
        return scope == Scope.AUTOMATED ? EFFECTIVE : PARTIALLY_EVIDENCED;
    }
}
