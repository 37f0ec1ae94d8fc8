package org.conclave.compliance.entity;

/** Whether Conclave collects the evidence a catalog row promises, or does not yet (and the row is downgraded). */
public enum EvidenceCollection {
    COLLECTED,
    NOT_COLLECTED
}
