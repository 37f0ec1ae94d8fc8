package org.conclave.audit.entity;

/** Whether the governed action took place. */
public enum Outcome {
    ALLOWED("allowed"),
    REFUSED("refused");

    private final String wire;

    Outcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
