package org.conclave.policy.entity;

import java.util.Arrays;
import java.util.Optional;

/** How sensitive a meeting is, from least to most; each classification has its own policy baseline. */
public enum Classification {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    SECRET;

    /** The classification with exactly this name ({@code "CONFIDENTIAL"}), if there is one. */
    public static Optional<Classification> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
