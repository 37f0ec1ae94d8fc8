package org.conclave.recording.entity;

/** Where one person stands on the current recording notice. */
public enum ConsentState {
    CONSENTED("consented"),
    REFUSED("refused"),
    UNANSWERED("unanswered");

    private final String wireName;

    ConsentState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
