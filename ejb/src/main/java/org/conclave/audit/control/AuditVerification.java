package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.Verification;
import org.conclave.platform.control.ConclaveDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the whole chain in the database against the signed checkpoints. The chain is read in {@code seq} order,
 * a block of rows per query in one snapshot (constant memory: {@link AuditRows#read}), each event written straight
 * into its canonical bytes ({@link CanonicalEventWriter}). A long chain is cut into consecutive segments verified side by side, each on its
 * own connection and thread, then joined in order ({@link ChainVerifier#absorb}): every check is between neighbours,
 * so this checks exactly what one walk checks; where a segment does not join (a broken chain), the walk goes on from
 * there alone, so the outcome of a broken chain is exactly that of one walk.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditVerification {

    /** Chains shorter than this are walked by one thread: segments would not pay for themselves. */
    static final long SEGMENT_MINIMUM = 50_000;

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    /** Threads for the segments (a thread each, for the length of one verification), with the container's context. */
    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    AuditSealer sealer;

    @Inject
    Checkpoints checkpoints;

    @Inject
    SigningKeys keys;

    /** Segments side by side for a long chain; 0: one per core, at most four. */
    @Inject
    @ConfigProperty(name = "conclave.audit.verification.threads", defaultValue = "0")
    int threads;

    public Verification verify() {
        sealer.sealNow();
        int segments = threads > 0 ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
        try {
            Executor ownThread = task -> threadFactory.newThread(task).start();
            return verify(database::getConnection, keys.publicKeys(), checkpoints.file(), ownThread, segments);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }

    /** Where the connections come from: a pool in the portal, the driver elsewhere. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    /** Feeds the events with {@code from <= seq < to}, in order, to a verifier (until it refuses one). */
    @FunctionalInterface
    interface Walker {
        void walk(long from, long to, ChainVerifier verifier) throws SQLException;
    }

    /**
     * The whole chain in the database, against the checkpoints in it and in {@code checkpointFile} signed by one of
     * {@code keys}, in up to {@code segments} segments side by side (the first on the calling thread, the others on
     * {@code executor}), each on a connection of its own.
     */
    static Verification verify(
            Connections connections, Map<String, PublicKey> keys, Path checkpointFile, Executor executor, int segments)
            throws SQLException {
        List<Checkpoint> signed;
        long head;
        try (Connection c = connections.open()) {
            signed = new ArrayList<>(Checkpoints.all(c, checkpointFile));
            head = head(c);
        }
        int parts = head < SEGMENT_MINIMUM ? 1 : segments;
        return verify(keys, signed, head, parts, executor, (from, to, verifier) -> {
            try (Connection own = connections.open()) {
                walk(own, from, to, verifier);
            }
        });
    }

    /**
     * The whole chain, whose head was at {@code head} (events sealed since are verified too), walked by
     * {@code walker}: in one walk, or in {@code segments} (2 or more) consecutive segments side by side, joined in
     * order, while the checkpoints' signatures are checked on the side. Where a segment does not join, or a signature
     * does not verify, the outcome is that of one walk with the checking {@link ChainVerifier} (it is walked again
     * from where the segments stopped joining, or from the start): a broken chain costs more, and is reported exactly
     * as before.
     */
    static Verification verify(
            Map<String, PublicKey> keys,
            List<Checkpoint> checkpoints,
            long head,
            int segments,
            Executor executor,
            Walker walker)
            throws SQLException {
        if (segments < 2 || head < segments) {
            ChainVerifier whole = new ChainVerifier(keys, checkpoints, 1, AuditChain.GENESIS);
            walker.walk(1, Long.MAX_VALUE, whole);
            return whole.finish();
        }
        // the signatures (Ed25519, slow in the JDK) are checked on the side, in as many parts as segments
        List<CompletableFuture<Boolean>> signatures = new ArrayList<>();
        for (int k = 0; k < segments; k++) {
            List<Checkpoint> part =
                    checkpoints.subList(checkpoints.size() * k / segments, checkpoints.size() * (k + 1) / segments);
            signatures.add(CompletableFuture.supplyAsync(() -> ChainVerifier.wellSigned(keys, part), executor));
        }
        ChainVerifier whole = ChainVerifier.signaturesCheckedApart(checkpoints, 1, AuditChain.GENESIS);
        long[] starts = segmentStarts(head, segments);
        List<ChainVerifier> parts = new ArrayList<>();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int k = 1; k < segments; k++) {
            ChainVerifier part = whole.segment(starts[k]);
            long from = starts[k];
            long to = starts[k + 1];
            parts.add(part);
            running.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            walker.walk(from, to, part);
                        } catch (SQLException e) {
                            throw new CompletionException(e);
                        }
                    },
                    executor));
        }
        walker.walk(1, starts[1], whole);
        boolean wellSigned;
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            wellSigned = signatures.stream().allMatch(CompletableFuture::join);
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
        if (!wellSigned) {
            whole = new ChainVerifier(keys, checkpoints, 1, AuditChain.GENESIS);
            walker.walk(1, Long.MAX_VALUE, whole);
            return whole.finish();
        }
        for (ChainVerifier part : parts) {
            if (!whole.absorb(part)) {
                walker.walk(whole.nextSeq(), Long.MAX_VALUE, whole);
                break;
            }
        }
        return whole.finish();
    }

    /** Segment k covers {@code starts[k] <= seq < starts[k + 1]}; the last one everything from its start on. */
    static long[] segmentStarts(long head, int segments) {
        long[] starts = new long[segments + 1];
        for (int k = 0; k < segments; k++) {
            starts[k] = 1 + head * k / segments;
        }
        starts[segments] = Long.MAX_VALUE;
        return starts;
    }

    static long head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM audit_chain")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Feeds the sealed events with {@code from <= seq < to} to the verifier in {@code seq} order, stopping at the first
     * failure ({@link AuditRows#read}); returns the events read.
     */
    static long walk(Connection c, long from, long to, ChainVerifier verifier) throws SQLException {
        CanonicalEventWriter canonical = new CanonicalEventWriter();
        return AuditRows.read(c, from, to, (row, seq) -> {
            AuditRows.canonical(row, seq, canonical);
            return verifier.accept(seq, row.getBytes(2), row.getBytes(3), canonical.bytes(), canonical.length());
        });
    }
}
