package org.conclave.audit.entity;

/** Who reported the event: Conclave's own decisions, Keycloak's identity events, or the video platform. */
public enum Source {
    CONCLAVE("conclave"),
    KEYCLOAK("keycloak"),
    PLATFORM("platform");

    private final String wire;

    Source(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
