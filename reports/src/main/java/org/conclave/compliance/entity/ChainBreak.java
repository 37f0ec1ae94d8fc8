package org.conclave.compliance.entity;

import java.util.Objects;

/** Where the audit chain stopped verifying, and why, in the verifier's words. */
public record ChainBreak(long firstBadSequence, String reason) {

    public ChainBreak {
        Objects.requireNonNull(reason, "reason");
    }
}
