package org.conclave.audit.control;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.conclave.audit.entity.Verification;
import org.conclave.platform.control.Pem;

/**
 * Benchmark P3: verification of the whole chain, exactly as the portal does it ({@link AuditVerification#verify}: the
 * checkpoints, then {@link AuditRows#SEALED} in {@code seq} order, block by block ({@link AuditRows#read}) in segments
 * side by side, each row written into its canonical bytes by {@link CanonicalEventWriter} and fed to a {@link
 * ChainVerifier}), against two references in the same JVM: (a) SHA-256 ({@link MessageDigest}) over the same bytes,
 * i.e. each event's 32-byte predecessor hash and its canonical form, chained; (b) reading the same rows the same way:
 * the same queries in the same blocks ({@link AuditRows#read}) in the same segments side by side, every column fetched
 * into Java values as the verifier fetches them, with no canonical form and no hashing. Lives in the audit package to
 * call the portal's package-private code; run with the ejb jar and the ejb module's class path.
 *
 * <p>Passes: (1) read and canonicalise every event without hashing (warms the JIT and PostgreSQL's cache, and keeps
 * the canonical bytes for reference a); (2) reference a, best of three; (3) reference b and the verification, in two
 * interleaved rounds, best of each.
 */
public final class VerifyBench {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(env("CONCLAVE_STACK_DATA", ".conclave-bench")).toAbsolutePath();
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(data.resolve("dev-secrets.properties"))) {
            secrets.load(in);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + env("CONCLAVE_DB_PORT", "25432") + "/conclave";
        long limit = Long.parseLong(env("P3_MAX_EVENTS", Long.toString(Long.MAX_VALUE)));
        PublicKey key = CheckpointSignatures.publicKey(
                Pem.decode(Files.readString(data.resolve("audit/signing-key.pem.pub"))));
        Map<String, PublicKey> keys = Map.of(CheckpointSignatures.keyId(key), key);
        Path checkpointFile = data.resolve("audit/checkpoints.jsonl");

        String password = secrets.getProperty("postgres.conclave_app.password");
        AuditVerification.Connections connections = () -> DriverManager.getConnection(url, "conclave_app", password);
        // as the portal: one segment per core, at most four, and a thread for each task (AuditVerification.verify)
        int segments = Math.min(4, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "verify-segment");
            thread.setDaemon(true);
            return thread;
        });
        try (Connection c = connections.open()) {
            int checkpoints = Checkpoints.all(c, checkpointFile).size();

            // (1) read and canonicalise, no hashing; keep the bytes
            Bytes bytes = new Bytes();
            CanonicalEventWriter writer = new CanonicalEventWriter();
            long t0 = System.nanoTime();
            AuditRows.read(c, 1, Long.MAX_VALUE, (row, seq) -> {
                AuditRows.canonical(row, seq, writer);
                bytes.add(writer.bytes(), writer.length());
                return bytes.count < limit;
            });
            double canonicalSeconds = (System.nanoTime() - t0) / 1e9;
            long events = bytes.count;
            System.out.printf("read and canonicalised %,d events (%,d bytes, %.0f bytes each) in %.1f s%n",
                    events, bytes.total, (double) bytes.total / Math.max(1, events), canonicalSeconds);

            // (2) reference a: SHA-256 over the same bytes, chained like the audit chain; best of three
            double reference = Double.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long r0 = System.nanoTime();
                byte[] head = bytes.chain();
                reference = Math.min(reference, (System.nanoTime() - r0) / 1e9);
                if (run == 0) {
                    System.out.printf("reference chain head %s%n", org.conclave.audit.entity.Hex.of(head));
                }
            }
            System.out.printf("reference: SHA-256 over the same bytes in %.2f s: %,.0f events/s, %.0f MB/s%n",
                    reference, bytes.count / reference, (bytes.total + 32.0 * bytes.count) / reference / 1e6);
            long eventsHashed = bytes.count;
            double bytesPerEvent = (double) bytes.total / Math.max(1, events);
            bytes.release();

            // (3) reference b (reading the same rows) and the portal's verification, interleaved, best of two
            double readSeconds = Double.MAX_VALUE;
            double verifySeconds = Double.MAX_VALUE;
            long read = 0;
            long verified = 0;
            Verification result = null;
            for (int round = 0; round < 2; round++) {
                long r0 = System.nanoTime();
                read = limit == Long.MAX_VALUE ? read(connections, pool, segments) : read(c, 1, 1 + limit);
                double seconds = (System.nanoTime() - r0) / 1e9;
                readSeconds = Math.min(readSeconds, seconds);
                System.out.printf("round %d: read %,d rows (same queries, no canonical form, no hashing) in %.1f s%n",
                        round + 1, read, seconds);

                long v0 = System.nanoTime();
                if (limit == Long.MAX_VALUE) {
                    result = AuditVerification.verify(connections, keys, checkpointFile, pool, segments);
                    verified = result.events();
                } else {
                    ChainVerifier verifier =
                            new ChainVerifier(keys, Checkpoints.all(c, checkpointFile), 1, AuditChain.GENESIS);
                    verified = AuditVerification.walk(c, 1, 1 + limit, verifier);
                    result = verifier.finishWithin();
                }
                seconds = (System.nanoTime() - v0) / 1e9;
                verifySeconds = Math.min(verifySeconds, seconds);
                System.out.printf("round %d: verification of %,d events in %.1f s (%d segments): %,.0f events/s,"
                                + " valid %s (%s), %d checkpoints%n",
                        round + 1, verified, seconds, segments, verified / seconds, result.valid(), result.reason(),
                        checkpoints);
            }

            double verifyRate = verified / verifySeconds;
            double referenceRate = eventsHashed / reference;
            double readRate = read / readSeconds;
            Path out = Path.of(env("BENCH_RESULTS", data.resolve("bench-results.properties").toString()));
            StringBuilder lines = new StringBuilder();
            line(lines, "verify.events", Long.toString(verified));
            line(lines, "verify.bytes_per_event", String.format("%.0f", bytesPerEvent));
            line(lines, "verify.seconds", String.format("%.1f", verifySeconds));
            line(lines, "verify.per_second", String.format("%.0f", verifyRate));
            line(lines, "verify.seconds_per_million", String.format("%.1f", 1e6 / verifyRate));
            line(lines, "verify.valid", Boolean.toString(result.valid()));
            line(lines, "verify.checkpoints", Integer.toString(checkpoints));
            line(lines, "verify.read_canonicalise_seconds", String.format("%.1f", canonicalSeconds));
            line(lines, "verify.reference_per_second", String.format("%.0f", referenceRate));
            line(lines, "verify.reference_seconds", String.format("%.2f", reference));
            line(lines, "verify.read_seconds", String.format("%.1f", readSeconds));
            line(lines, "verify.read_per_second", String.format("%.0f", readRate));
            line(lines, "verify.segments", Integer.toString(segments));
            Files.writeString(
                    out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (!result.valid()) {
                System.err.println("THE CHAIN DID NOT VERIFY: " + result.reason());
                System.exit(1);
            }
        }
    }

    private static void line(StringBuilder lines, String key, String value) {
        lines.append(key).append('=').append(value).append('\n');
    }

    /**
     * Reference b: the rows the verification reads, read the way it reads them (the same segments side by side, each
     * through {@link AuditRows#read} on its own connection) with every column fetched as
     * {@link AuditRows#canonical(ResultSet, long, CanonicalEventWriter)} and the verifier fetch them, and nothing else.
     * Returns the rows read.
     */
    static long read(AuditVerification.Connections connections, ExecutorService pool, int segments) throws Exception {
        long head;
        try (Connection c = connections.open()) {
            head = AuditVerification.head(c);
        }
        long[] starts = head < AuditVerification.SEGMENT_MINIMUM
                ? new long[] {1, Long.MAX_VALUE}
                : AuditVerification.segmentStarts(head, segments);
        List<Future<Long>> parts = new ArrayList<>();
        for (int k = 0; k + 1 < starts.length; k++) {
            long from = starts[k];
            long to = starts[k + 1];
            parts.add(pool.submit(() -> {
                try (Connection own = connections.open()) {
                    return read(own, from, to);
                }
            }));
        }
        long rows = 0;
        for (Future<Long> part : parts) {
            rows += part.get();
        }
        return rows;
    }

    /** Reference b for the rows {@code from <= seq < to} on one connection. */
    static long read(Connection c, long from, long to) throws SQLException {
        long[] sink = {0};
        long rows = AuditRows.read(c, from, to, (row, seq) -> {
            sink[0] += seq + row.getBytes(2).length + row.getBytes(3).length + row.getLong(4);
            sink[0] += row.getTimestamp(5).getNanos();
            for (int column = 6; column <= 17; column++) {
                if (column == 8 || column == 10) {
                    sink[0] += AuditTrail.list(row.getArray(column)).size();
                } else {
                    String value = row.getString(column);
                    sink[0] += value == null ? 0 : value.length();
                }
            }
            return true;
        });
        if (sink[0] == 42) {
            System.out.print("");
        }
        return rows;
    }

    /** Canonical events kept back to back in 64 MB blocks, with their lengths. */
    static final class Bytes {
        private static final int BLOCK = 64 << 20;
        private List<byte[]> blocks = new ArrayList<>();
        private final List<Integer> used = new ArrayList<>();
        private int[] lengths = new int[1 << 20];
        private byte[] current = new byte[BLOCK];
        private int position;
        long count;
        long total;

        void add(byte[] event, int length) {
            if (position + length > BLOCK) {
                blocks.add(current);
                used.add(position);
                current = new byte[BLOCK];
                position = 0;
            }
            System.arraycopy(event, 0, current, position, length);
            position += length;
            if (count == lengths.length) {
                lengths = java.util.Arrays.copyOf(lengths, lengths.length * 2);
            }
            lengths[(int) count++] = length;
            total += length;
        }

        /** hash(n) = SHA-256(hash(n-1) ‖ bytes(n)), from 32 zero bytes, with one reused MessageDigest. */
        byte[] chain() throws Exception {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] previous = new byte[32];
            List<byte[]> all = new ArrayList<>(blocks);
            all.add(current);
            List<Integer> filled = new ArrayList<>(used);
            filled.add(position);
            int block = 0;
            int offset = 0;
            for (long i = 0; i < count; i++) {
                int length = lengths[(int) i];
                if (offset + length > filled.get(block)) {
                    block++;
                    offset = 0;
                }
                sha256.update(previous);
                sha256.update(all.get(block), offset, length);
                previous = sha256.digest();
                offset += length;
            }
            return previous;
        }

        void release() {
            blocks = null;
            current = null;
            lengths = null;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
