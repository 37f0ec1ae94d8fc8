package org.conclave.audit.control;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.SealedEvent;
import org.conclave.audit.entity.Verification;

/**
 * Walks the chain in sequence order, one event at a time (constant memory), and checks: sequence numbers
 * contiguous, each link pointing at its predecessor's hash, each hash recomputed from the event, every checkpoint
 * signed by a known key and matching the head hash it names, and no checkpoint beyond the last event (a deleted
 * tail). Plain Java, used by the portal and by the offline verifier alike.
 */
public final class ChainVerifier {

    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final int checkpointCount;
    private long expectedSeq;
    private byte[] previousHash;
    private long verifiedThrough;
    private long anchoredThrough;
    private long events;
    private Long firstInvalid;
    private String reason;

    /**
     * @param firstSeq the sequence number the walk starts at (1 for the whole chain)
     * @param previousHash the hash of the event before {@code firstSeq} (GENESIS for the whole chain)
     */
    public ChainVerifier(
            Map<String, PublicKey> keys, Collection<Checkpoint> checkpoints, long firstSeq, byte[] previousHash) {
        this.expectedSeq = firstSeq;
        this.previousHash = previousHash;
        this.verifiedThrough = firstSeq - 1;
        this.anchoredThrough = firstSeq - 1;
        this.checkpointCount = checkpoints.size();
        for (Checkpoint checkpoint : checkpoints) {
            PublicKey key = keys.get(checkpoint.keyId());
            if (key == null || !CheckpointSignatures.verify(key, checkpoint)) {
                fail(checkpoint.lastSeq(), "checkpoint at " + checkpoint.lastSeq() + " is not signed by a known key");
            } else if (checkpoint.eventCount() != checkpoint.lastSeq()) {
                fail(
                        checkpoint.lastSeq(),
                        "checkpoint at " + checkpoint.lastSeq() + " counts " + checkpoint.eventCount() + " events");
            } else if (checkpoint.lastSeq() >= firstSeq) {
                this.checkpoints.put(checkpoint.lastSeq(), checkpoint);
            }
        }
    }

    /** Takes the next event; false once the chain is known to be broken (the rest need not be read). */
    public boolean accept(SealedEvent event) {
        if (firstInvalid != null) {
            return false;
        }
        if (event.seq() != expectedSeq) {
            return fail(
                    expectedSeq,
                    event.seq() > expectedSeq
                            ? "events " + expectedSeq + " to " + (event.seq() - 1) + " are missing"
                            : "event " + event.seq() + " is out of order");
        }
        Object seqField = event.event().get("seq");
        if (!(seqField instanceof Number n) || n.longValue() != event.seq()) {
            return fail(event.seq(), "event " + event.seq() + " does not carry its own sequence number");
        }
        if (!Arrays.equals(event.prevHash(), previousHash)) {
            return fail(event.seq(), "event " + event.seq() + " does not link to its predecessor");
        }
        byte[] recomputed = AuditChain.link(previousHash, event.event());
        if (!Arrays.equals(recomputed, event.hash())) {
            return fail(event.seq(), "event " + event.seq() + " was altered: its hash does not match its content");
        }
        Checkpoint checkpoint = checkpoints.get(event.seq());
        if (checkpoint != null) {
            if (!Arrays.equals(checkpoint.headHash(), recomputed)) {
                return fail(
                        anchoredThrough + 1,
                        "the chain after " + anchoredThrough
                                + " was rewritten: it does not match the signed checkpoint at " + event.seq());
            }
            anchoredThrough = event.seq();
        }
        previousHash = recomputed;
        verifiedThrough = event.seq();
        expectedSeq++;
        events++;
        return true;
    }

    /** The result for the whole chain: a checkpoint beyond the last event means the tail was deleted. */
    public Verification finish() {
        return finish(true);
    }

    /**
     * The result for an export of a period: checkpoints signed after the period's last event are expected and
     * do not count against it.
     */
    public Verification finishWithin() {
        return finish(false);
    }

    private Verification finish(boolean wholeChain) {
        if (wholeChain && firstInvalid == null && !checkpoints.isEmpty() && checkpoints.lastKey() > verifiedThrough) {
            fail(
                    verifiedThrough + 1,
                    "events " + (verifiedThrough + 1) + " to " + checkpoints.lastKey()
                            + " are missing: a signed checkpoint covers them");
        }
        boolean valid = firstInvalid == null;
        return new Verification(
                valid,
                verifiedThrough,
                Math.min(anchoredThrough, verifiedThrough),
                events,
                checkpointCount,
                Optional.ofNullable(firstInvalid),
                valid ? "the chain is intact" : reason);
    }

    private boolean fail(long seq, String why) {
        if (firstInvalid == null || seq < firstInvalid) {
            firstInvalid = seq;
            reason = why;
        }
        return false;
    }
}
