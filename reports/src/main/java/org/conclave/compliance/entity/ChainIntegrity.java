package org.conclave.compliance.entity;

import java.util.Objects;
import java.util.Optional;
import org.conclave.audit.entity.Verification;

/**
 * The integrity attestation of the audit chain for the report's period.
 *
 * @param firstSequence the first sequence number checked
 * @param lastSequence the last sequence number checked and found intact
 * @param eventsChecked the events whose link and hash were recomputed
 * @param checkpointsVerified the signed checkpoints whose signatures were verified
 * @param failure where and why the chain is broken; empty when it is intact
 */
public record ChainIntegrity(
        long firstSequence,
        long lastSequence,
        long eventsChecked,
        long checkpointsVerified,
        Optional<ChainBreak> failure) {

    public ChainIntegrity {
        Objects.requireNonNull(failure, "failure");
    }

    public static ChainIntegrity intact(
            long firstSequence, long lastSequence, long eventsChecked, long checkpointsVerified) {
        return new ChainIntegrity(firstSequence, lastSequence, eventsChecked, checkpointsVerified, Optional.empty());
    }

    /**
     * The attestation for what the audit chain verifier found walking from {@code firstSequence}. A broken chain
     * counts no checkpoint as verified: the verifier does not say which ones it checked before the break.
     */
    public static ChainIntegrity of(Verification verification, long firstSequence) {
        return new ChainIntegrity(
                firstSequence,
                verification.verifiedThrough(),
                verification.events(),
                verification.valid() ? verification.checkpoints() : 0,
                verification.firstInvalidSequence().map(seq -> new ChainBreak(seq, verification.reason())));
    }

    public boolean verified() {
        return failure.isEmpty();
    }
}
