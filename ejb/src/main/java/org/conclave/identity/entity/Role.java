package org.conclave.identity.entity;

import java.util.Arrays;
import java.util.Optional;

/** Conclave's realm roles in Keycloak. */
public enum Role {
    HOST("host"),
    PARTICIPANT("participant"),
    AUDITOR("auditor"),
    ADMIN("admin");

    public static final String HOST_NAME = "host";
    public static final String PARTICIPANT_NAME = "participant";
    public static final String AUDITOR_NAME = "auditor";
    public static final String ADMIN_NAME = "admin";

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
    }
}
