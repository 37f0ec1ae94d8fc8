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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.Verification;
import org.conclave.platform.control.Pem;

/**
 * Benchmark P3: verification of the whole chain, exactly as the portal does it ({@link AuditVerification#verify}:
 * pages of 5,000 rows of {@link AuditRows#SEALED} through {@link AuditRows#sealed} into a {@link ChainVerifier}),
 * against its reference in the same JVM: SHA-256 ({@link MessageDigest}) over the same bytes, i.e. each event's
 * 32-byte predecessor hash and its canonical form, chained. Lives in the audit package to use the portal's own
 * package-private row reader; run with ejb/target/classes and the ejb module's class path.
 *
 * <p>Three passes: (1) read and canonicalise every event without hashing (warms the JIT and PostgreSQL's cache, and
 * keeps the canonical bytes for the reference); (2) the reference, best of three; (3) the verification, timed.
 */
public final class VerifyBench {

    private static final int PAGE = 5000;

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

        try (Connection c =
                DriverManager.getConnection(url, "conclave_app", secrets.getProperty("postgres.conclave_app.password"))) {
            Collection<Checkpoint> checkpoints = checkpoints(c, data.resolve("audit/checkpoints.jsonl"));

            // (1) read and canonicalise, no hashing; keep the bytes
            Bytes bytes = new Bytes();
            long t0 = System.nanoTime();
            long[] read = walk(c, limit, row -> bytes.add(
                    CanonicalJson.write(row.event()).getBytes(StandardCharsets.UTF_8)));
            double readSeconds = (System.nanoTime() - t0) / 1e9;
            long events = read[0];
            System.out.printf("read and canonicalised %,d events (%,d bytes, %.0f bytes each) in %.1f s%n",
                    events, bytes.total, (double) bytes.total / Math.max(1, events), readSeconds);

            // (2) reference: SHA-256 over the same bytes, chained like the audit chain; best of three
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
            bytes.release();

            // (3) the portal's verification, timed
            ChainVerifier verifier = new ChainVerifier(keys, checkpoints, 1, AuditChain.GENESIS);
            long v0 = System.nanoTime();
            long[] verified = walk(c, limit, verifier::accept);
            Verification result = limit == Long.MAX_VALUE ? verifier.finish() : verifier.finishWithin();
            double verifySeconds = (System.nanoTime() - v0) / 1e9;
            System.out.printf("verification of %,d events in %.1f s: %,.0f events/s, valid %s (%s), %d checkpoints%n",
                    verified[0], verifySeconds, verified[0] / verifySeconds, result.valid(), result.reason(),
                    checkpoints.size());

            double verifyRate = verified[0] / verifySeconds;
            double referenceRate = eventsHashed / reference;
            Path out = Path.of(env("BENCH_RESULTS", data.resolve("bench-results.properties").toString()));
            StringBuilder lines = new StringBuilder();
            lines.append("verify.events=").append(verified[0]).append('\n');
            lines.append("verify.bytes_per_event=")
                    .append(String.format("%.0f", (double) bytes.total / Math.max(1, events)))
                    .append('\n');
            lines.append("verify.seconds=").append(String.format("%.1f", verifySeconds)).append('\n');
            lines.append("verify.per_second=").append(String.format("%.0f", verifyRate)).append('\n');
            lines.append("verify.seconds_per_million=")
                    .append(String.format("%.1f", 1e6 / verifyRate))
                    .append('\n');
            lines.append("verify.valid=").append(result.valid()).append('\n');
            lines.append("verify.checkpoints=").append(checkpoints.size()).append('\n');
            lines.append("verify.read_canonicalise_seconds=")
                    .append(String.format("%.1f", readSeconds))
                    .append('\n');
            lines.append("verify.reference_per_second=")
                    .append(String.format("%.0f", referenceRate))
                    .append('\n');
            lines.append("verify.reference_seconds=")
                    .append(String.format("%.2f", reference))
                    .append('\n');
            Files.writeString(
                    out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (!result.valid()) {
                System.err.println("THE CHAIN DID NOT VERIFY: " + result.reason());
                System.exit(1);
            }
        }
    }

    interface RowSink {
        boolean accept(org.conclave.audit.entity.SealedEvent event) throws Exception;
    }

    /** The portal's walk (AuditVerification.verify): pages of PAGE rows in seq order. Returns {events}. */
    static long[] walk(Connection c, long limit, RowSink sink) throws Exception {
        long events = 0;
        try (PreparedStatement page =
                c.prepareStatement(AuditRows.SEALED + " WHERE c.seq > ? ORDER BY c.seq LIMIT " + PAGE)) {
            long after = 0;
            boolean more = true;
            while (more && events < limit) {
                page.setLong(1, after);
                int read = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next() && events < limit) {
                        read++;
                        after = rows.getLong("seq");
                        events++;
                        if (!sink.accept(AuditRows.sealed(rows))) {
                            return new long[] {events};
                        }
                    }
                }
                more = read == PAGE;
            }
        }
        return new long[] {events};
    }

    /** As Checkpoints.all(): the table and the file, the file winning. */
    static Collection<Checkpoint> checkpoints(Connection c, Path file) throws SQLException {
        Map<Long, Checkpoint> byLastSeq = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT last_seq, head_hash, event_count, signed_at, key_id, signature"
                        + " FROM audit_checkpoint ORDER BY last_seq")) {
            while (rows.next()) {
                byLastSeq.put(
                        rows.getLong(1),
                        new Checkpoint(
                                rows.getLong(1),
                                rows.getBytes(2),
                                rows.getLong(3),
                                DateTimeFormatter.ISO_INSTANT.format(rows.getTimestamp(4).toInstant()),
                                rows.getString(5),
                                rows.getBytes(6)));
            }
        }
        Checkpoints.fromFile(file).forEach(checkpoint -> byLastSeq.put(checkpoint.lastSeq(), checkpoint));
        return new ArrayList<>(byLastSeq.values());
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

        boolean add(byte[] event) {
            if (position + event.length > BLOCK) {
                blocks.add(current);
                used.add(position);
                current = new byte[BLOCK];
                position = 0;
            }
            System.arraycopy(event, 0, current, position, event.length);
            position += event.length;
            if (count == lengths.length) {
                lengths = java.util.Arrays.copyOf(lengths, lengths.length * 2);
            }
            lengths[(int) count++] = event.length;
            total += event.length;
            return true;
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
