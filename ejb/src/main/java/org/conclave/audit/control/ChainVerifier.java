package org.conclave.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    private final MessageDigest sha256 = AuditChain.sha256();
    private final int checkpointCount;
    private long nextCheckpoint;
    private final long firstSeq;
    private long expectedSeq;
    private byte[] previousHash;
    private byte[] startHash;
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
        this(checkpoints, firstSeq, previousHash, keys);
    }

    /**
     * A walk that takes the checkpoints' signatures as good: for a caller that checks them itself, in parallel with
     * the walk ({@link #wellSigned}), and, should one not be, starts again with the constructor that checks them, so
     * that the outcome is exactly that constructor's.
     */
    static ChainVerifier signaturesCheckedApart(
            Collection<Checkpoint> checkpoints, long firstSeq, byte[] previousHash) {
        return new ChainVerifier(checkpoints, firstSeq, previousHash, null);
    }

    private ChainVerifier(
            Collection<Checkpoint> checkpoints, long firstSeq, byte[] previousHash, Map<String, PublicKey> keys) {
        this.firstSeq = firstSeq;
        this.expectedSeq = firstSeq;
        this.previousHash = previousHash;
        this.startHash = previousHash;
        this.verifiedThrough = firstSeq - 1;
        this.anchoredThrough = firstSeq - 1;
        this.checkpointCount = checkpoints.size();
        for (Checkpoint checkpoint : checkpoints) {
            if (keys != null && !signedByAKnownKey(keys, checkpoint)) {
                fail(checkpoint.lastSeq(), "checkpoint at " + checkpoint.lastSeq() + " is not signed by a known key");
            } else if (keys != null && checkpoint.eventCount() != checkpoint.lastSeq()) {
                fail(
                        checkpoint.lastSeq(),
                        "checkpoint at " + checkpoint.lastSeq() + " counts " + checkpoint.eventCount() + " events");
            } else if (checkpoint.lastSeq() >= firstSeq) {
                this.checkpoints.put(checkpoint.lastSeq(), checkpoint);
            }
        }
        this.nextCheckpoint = this.checkpoints.isEmpty() ? Long.MAX_VALUE : this.checkpoints.firstKey();
    }

    private static boolean signedByAKnownKey(Map<String, PublicKey> keys, Checkpoint checkpoint) {
        PublicKey key = keys.get(checkpoint.keyId());
        return key != null && CheckpointSignatures.verify(key, checkpoint);
    }

    /** True if every one of the checkpoints passes what the checking constructor checks of it. */
    static boolean wellSigned(Map<String, PublicKey> keys, Collection<Checkpoint> checkpoints) {
        for (Checkpoint checkpoint : checkpoints) {
            if (!signedByAKnownKey(keys, checkpoint) || checkpoint.eventCount() != checkpoint.lastSeq()) {
                return false;
            }
        }
        return true;
    }

    /** A segment of {@code whole}: its signature-checked checkpoints, from {@code firstSeq}, predecessor unknown. */
    private ChainVerifier(ChainVerifier whole, long firstSeq) {
        this.firstSeq = firstSeq;
        this.expectedSeq = firstSeq;
        this.verifiedThrough = firstSeq - 1;
        this.anchoredThrough = firstSeq - 1;
        this.checkpointCount = whole.checkpointCount;
        this.checkpoints.putAll(whole.checkpoints.tailMap(firstSeq, true));
        this.nextCheckpoint = this.checkpoints.isEmpty() ? Long.MAX_VALUE : this.checkpoints.firstKey();
    }

    /**
     * A verifier for the part of the chain from {@code firstSeq} on, to run beside this one (another thread, another
     * connection): it takes its first event's {@code prevHash} as given, and {@link #absorb} later checks that link.
     * Every check is between neighbours (a link to the predecessor, a hash over the event, a checkpoint at its own
     * sequence number), so segments verified apart and joined in order check exactly what one walk checks.
     */
    ChainVerifier segment(long firstSeq) {
        return new ChainVerifier(this, firstSeq);
    }

    /**
     * Appends a segment verified apart that starts right where this walk stands: true if it did (it was intact, began
     * at the next sequence number, and its first event links to this walk's last hash); false, leaving this walk as it
     * was, otherwise: the caller then walks on from {@link #nextSeq()} itself, so that the outcome of a broken chain
     * (where and why) is exactly that of one walk.
     */
    boolean absorb(ChainVerifier segment) {
        if (firstInvalid != null
                || segment.firstInvalid != null
                || segment.firstSeq != expectedSeq
                || (segment.events > 0 && !Arrays.equals(segment.startHash, previousHash))) {
            return false;
        }
        if (segment.events == 0) {
            return true;
        }
        previousHash = segment.previousHash;
        verifiedThrough = segment.verifiedThrough;
        if (segment.anchoredThrough >= segment.firstSeq) {
            anchoredThrough = segment.anchoredThrough;
        }
        expectedSeq = segment.expectedSeq;
        events += segment.events;
        Long next = checkpoints.ceilingKey(expectedSeq);
        nextCheckpoint = next == null ? Long.MAX_VALUE : next;
        return true;
    }

    /** The sequence number this walk expects next. */
    long nextSeq() {
        return expectedSeq;
    }

    /** Takes the next event; false once the chain is known to be broken (the rest need not be read). */
    public boolean accept(SealedEvent event) {
        if (firstInvalid != null) {
            return false;
        }
        if (event.seq() != expectedSeq) {
            return outOfSequence(event.seq());
        }
        Object seqField = event.event().get("seq");
        if (!(seqField instanceof Number n) || n.longValue() != event.seq()) {
            return fail(event.seq(), "event " + event.seq() + " does not carry its own sequence number");
        }
        byte[] canonical = CanonicalJson.write(event.event()).getBytes(StandardCharsets.UTF_8);
        return accept(event.seq(), event.prevHash(), event.hash(), canonical, canonical.length);
    }

    /**
     * Takes the next event as its canonical bytes {@code canonical[0 .. length)}, which carry {@code seq} as their
     * {@code seq} member (the caller wrote them from the row: {@link CanonicalEventWriter}); false once the chain is
     * known to be broken.
     */
    public boolean accept(long seq, byte[] prevHash, byte[] hash, byte[] canonical, int length) {
        if (firstInvalid != null) {
            return false;
        }
        if (seq != expectedSeq) {
            return outOfSequence(seq);
        }
        if (previousHash == null) {
            previousHash = prevHash;
            startHash = prevHash;
        }
        if (!Arrays.equals(prevHash, previousHash)) {
            return fail(seq, "event " + seq + " does not link to its predecessor");
        }
        sha256.update(previousHash);
        sha256.update(canonical, 0, length);
        byte[] recomputed = sha256.digest();
        if (!Arrays.equals(recomputed, hash)) {
            return fail(seq, "event " + seq + " was altered: its hash does not match its content");
        }
        if (seq == nextCheckpoint) {
            Checkpoint checkpoint = checkpoints.get(seq);
            Long next = checkpoints.higherKey(seq);
            nextCheckpoint = next == null ? Long.MAX_VALUE : next;
            if (!Arrays.equals(checkpoint.headHash(), recomputed)) {
                return fail(
                        anchoredThrough + 1,
                        "the chain after " + anchoredThrough
                                + " was rewritten: it does not match the signed checkpoint at " + seq);
            }
            anchoredThrough = seq;
        }
        previousHash = recomputed;
        verifiedThrough = seq;
        expectedSeq++;
        events++;
        return true;
    }

    private boolean outOfSequence(long seq) {
        return fail(
                expectedSeq,
                seq > expectedSeq
                        ? "events " + expectedSeq + " to " + (seq - 1) + " are missing"
                        : "event " + seq + " is out of order");
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
