package org.conclave.policy.entity;

import java.util.Arrays;
import java.util.Optional;

/** Who may share their screen in a meeting, from strictest to most open. */
public enum ScreenSharing {
    NONE("none"),
    HOST_ONLY("host-only"),
    ALL("all");

    private final String wireName;

    ScreenSharing(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The value with exactly this wire name ({@code "host-only"}), if there is one. */
    public static Optional<ScreenSharing> parse(String wireName) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(wireName)).findFirst();
    }
}
