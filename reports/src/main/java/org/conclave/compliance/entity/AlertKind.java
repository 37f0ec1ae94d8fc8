package org.conclave.compliance.entity;

/** The alerts the compliance pack's annex lists. */
public enum AlertKind {
    /** Someone present in a meeting room who was never admitted to it. */
    UNADMITTED_PRESENCE("unadmitted presence"),
    /** A recording made or used without every participant's consent. */
    CONSENT_BREACH("consent breach");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    /** As printed, e.g. {@code consent breach}. */
    public String label() {
        return label;
    }
}
