package org.conclave.policy.entity;

import java.util.Arrays;
import java.util.Optional;

/** How far a ban on a removed participant reaches, from narrowest to widest; wider is stricter. */
public enum BanScope {
    MEETING("meeting"),
    SERIES("series"),
    ORGANISATION("organisation");

    private final String wireName;

    BanScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The value with exactly this wire name ({@code "series"}), if there is one. */
    public static Optional<BanScope> parse(String wireName) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(wireName)).findFirst();
    }
}
