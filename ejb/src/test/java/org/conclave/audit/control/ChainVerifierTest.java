package org.conclave.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.SealedEvent;
import org.conclave.audit.entity.Verification;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final KeyPair KEYS = ed25519();
    private static final KeyPair OTHER_KEYS = ed25519();
    private static final String KEY_ID = CheckpointSignatures.keyId(KEYS.getPublic());

    @Test
    void anIntactChainWithCheckpointsVerifies() {
        List<SealedEvent> chain = chain(25);
        Verification result = verify(chain, List.of(checkpoint(chain, 10, KEYS), checkpoint(chain, 20, KEYS)));

        assertTrue(result.valid(), result.reason());
        assertEquals(25, result.verifiedThrough());
        assertEquals(20, result.anchoredThrough());
        assertEquals(25, result.events());
        assertEquals(2, result.checkpoints());
    }

    @Test
    void aChangedFieldIsDetectedAtItsSequence() {
        List<SealedEvent> chain = chain(10);
        SealedEvent seven = chain.get(6);
        Map<String, Object> altered = new LinkedHashMap<>(seven.event());
        altered.put("outcome", "refused".equals(seven.event().get("outcome")) ? "allowed" : "refused");
        chain.set(6, new SealedEvent(7, seven.prevHash(), seven.hash(), altered));

        assertInvalidAt(7, verify(chain, List.of()));
    }

    @Test
    void aDeletedMiddleRowIsDetected() {
        List<SealedEvent> chain = chain(10);
        chain.remove(4);

        assertInvalidAt(5, verify(chain, List.of()));
    }

    @Test
    void aDeletedTailIsDetectedThroughTheCheckpoint() {
        List<SealedEvent> chain = chain(10);
        Checkpoint atTen = checkpoint(chain, 10, KEYS);
        List<SealedEvent> truncated = new ArrayList<>(chain.subList(0, 7));

        assertInvalidAt(8, verify(truncated, List.of(atTen)));
    }

    @Test
    void reorderedRowsAreDetected() {
        List<SealedEvent> chain = chain(10);
        SealedEvent three = chain.get(2);
        SealedEvent four = chain.get(3);
        chain.set(2, new SealedEvent(3, four.prevHash(), four.hash(), withSeq(four.event(), 3)));
        chain.set(3, new SealedEvent(4, three.prevHash(), three.hash(), withSeq(three.event(), 4)));

        assertInvalidAt(3, verify(chain, List.of()));
    }

    @Test
    void anInsertedForgedRowIsDetected() {
        List<SealedEvent> chain = chain(10);
        SealedEvent five = chain.get(4);
        Map<String, Object> forged = event(5, "meeting.lock", "allowed");
        byte[] hash = AuditChain.link(five.prevHash(), forged);
        chain.add(4, new SealedEvent(5, five.prevHash(), hash, forged));

        assertInvalidAt(6, verify(chain, List.of()));
    }

    @Test
    void aChainRecomputedWithoutTheSigningKeyFailsAtTheCheckpoint() {
        List<SealedEvent> chain = chain(30);
        List<Checkpoint> checkpoints = List.of(checkpoint(chain, 10, KEYS), checkpoint(chain, 20, KEYS));
        List<SealedEvent> rewritten = new ArrayList<>(chain.subList(0, 11));
        byte[] previous = chain.get(10).hash();
        for (long seq = 12; seq <= 30; seq++) {
            Map<String, Object> event = seq == 15
                    ? event(15, "recording.delete", "allowed")
                    : chain.get((int) seq - 1).event();
            byte[] hash = AuditChain.link(previous, event);
            rewritten.add(new SealedEvent(seq, previous, hash, event));
            previous = hash;
        }

        Verification result = verify(rewritten, checkpoints);

        assertInvalidAt(11, result);
        assertEquals(19, result.verifiedThrough());
        assertTrue(result.reason().contains("checkpoint at 20"), result.reason());
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRejected() {
        List<SealedEvent> chain = chain(10);
        assertFalse(verify(chain, List.of(checkpoint(chain, 10, OTHER_KEYS))).valid());
    }

    @Test
    void aCheckpointWithAlteredFieldsIsRejected() {
        List<SealedEvent> chain = chain(10);
        Checkpoint honest = checkpoint(chain, 10, KEYS);
        Checkpoint altered =
                new Checkpoint(9, chain.get(8).hash(), 9, honest.signedAt(), honest.keyId(), honest.signature());
        assertFalse(verify(chain, List.of(altered)).valid());
    }

    @Test
    void theCanonicalEncodingIsStable() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("b", List.of(2L, "x\u0001\"\\"));
        event.put("a", null);
        event.put("é", true);
        assertEquals("{\"a\":null,\"b\":[2,\"x\\u0001\\\"\\\\\"],\"é\":true}", CanonicalJson.write(event));
        assertEquals(event, new LinkedHashMap<>((Map<?, ?>) CanonicalJson.parse(CanonicalJson.write(event))));
    }

    /**
     * One walk over the rows (in {@code seq} order, as the database returns them); the portal's segmented walk
     * ({@link AuditVerification#verify(Map, List, long, int, java.util.concurrent.Executor,
     * AuditVerification.Walker)}) must come to exactly the same outcome with any number of segments.
     */
    private static Verification verify(List<SealedEvent> rows, List<Checkpoint> checkpoints) {
        List<SealedEvent> chain = new ArrayList<>(rows);
        chain.sort(Comparator.comparingLong(SealedEvent::seq));
        Map<String, PublicKey> keys = Map.of(KEY_ID, KEYS.getPublic());
        ChainVerifier verifier = new ChainVerifier(keys, checkpoints, 1, AuditChain.GENESIS);
        for (SealedEvent event : chain) {
            if (!verifier.accept(event)) {
                break;
            }
        }
        Verification result = verifier.finish();
        long head = chain.isEmpty() ? 0 : chain.get(chain.size() - 1).seq();
        for (int segments = 2; segments <= 5; segments++) {
            assertEquals(result, segmented(chain, checkpoints, head, segments), segments + " segments");
        }
        return result;
    }

    private static Verification segmented(
            List<SealedEvent> chain, List<Checkpoint> checkpoints, long head, int segments) {
        Map<String, PublicKey> keys = Map.of(KEY_ID, KEYS.getPublic());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            return AuditVerification.verify(keys, checkpoints, head, segments, pool, (from, to, verifier) -> {
                for (SealedEvent event : chain) {
                    if (event.seq() >= from && event.seq() < to && !verifier.accept(event)) {
                        return;
                    }
                }
            });
        } catch (SQLException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void segmentedWalksAgreeWithOneWalkOnRandomTampering() {
        SplittableRandom random = new SplittableRandom(12);
        for (int round = 0; round < 80; round++) {
            List<SealedEvent> chain = chain(60);
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (int at = 7; at <= 60; at += 1 + random.nextInt(15)) {
                checkpoints.add(checkpoint(chain, at, random.nextInt(40) == 0 ? OTHER_KEYS : KEYS));
            }
            int s = random.nextInt(60);
            SealedEvent victim = chain.get(s);
            switch (random.nextInt(6)) {
                case 0 -> {
                    Map<String, Object> altered = new LinkedHashMap<>(victim.event());
                    altered.put("action", "meeting.forged");
                    chain.set(s, new SealedEvent(victim.seq(), victim.prevHash(), victim.hash(), altered));
                }
                case 1 -> chain.remove(s);
                case 2 -> {
                    while (chain.size() > s) {
                        chain.remove(chain.size() - 1);
                    }
                }
                case 3 -> {
                    // recomputed without the key from s on
                    byte[] previous = victim.prevHash();
                    for (int i = s; i < chain.size(); i++) {
                        SealedEvent e = chain.get(i);
                        Map<String, Object> event = new LinkedHashMap<>(e.event());
                        event.put("outcome", "allowed");
                        byte[] hash = AuditChain.link(previous, event);
                        chain.set(i, new SealedEvent(e.seq(), previous, hash, event));
                        previous = hash;
                    }
                }
                case 4 -> chain.set(s, new SealedEvent(victim.seq(), victim.hash(), victim.hash(), victim.event()));
                default -> {
                    // intact
                }
            }
            verify(chain, checkpoints);
        }
    }

    private static void assertInvalidAt(long seq, Verification result) {
        assertFalse(result.valid());
        assertEquals(seq, result.firstInvalidSequence().orElseThrow(), result.reason());
    }

    private static List<SealedEvent> chain(int length) {
        List<SealedEvent> chain = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        for (long seq = 1; seq <= length; seq++) {
            Map<String, Object> event = event(seq, "meeting.schedule", seq % 3 == 0 ? "refused" : "allowed");
            byte[] hash = AuditChain.link(previous, event);
            chain.add(new SealedEvent(seq, previous, hash, event));
            previous = hash;
        }
        return chain;
    }

    private static Map<String, Object> event(long seq, String action, String outcome) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", seq);
        event.put("action", action);
        event.put("outcome", outcome);
        event.put("occurredAt", "2026-11-23T10:00:00.000000Z");
        event.put("actor", Map.of("subject", "s-" + seq, "roles", List.of("host")));
        return event;
    }

    private static Map<String, Object> withSeq(Map<String, Object> event, long seq) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put("seq", seq);
        return copy;
    }

    private static Checkpoint checkpoint(List<SealedEvent> chain, long lastSeq, KeyPair keys) {
        String keyId = CheckpointSignatures.keyId(keys.getPublic());
        Checkpoint unsigned = new Checkpoint(
                lastSeq, chain.get((int) lastSeq - 1).hash(), lastSeq, "2026-11-23T10:00:00Z", keyId, new byte[0]);
        return new Checkpoint(
                lastSeq,
                unsigned.headHash(),
                lastSeq,
                unsigned.signedAt(),
                keyId,
                CheckpointSignatures.sign(keys.getPrivate(), unsigned.signedFields()));
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
