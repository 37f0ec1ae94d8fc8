package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.Hex;
import org.conclave.platform.control.ConclaveDatabase;
import org.conclave.platform.control.DataDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed checkpoints of the chain head, every N events or T seconds. Each is stored in the database and, once the
 * transaction commits, appended to a file outside it ({@code audit/checkpoints.jsonl} in the data directory), so
 * that deleting the tail of the tables, checkpoints included, is still detected.
 */
@Stateless
public class Checkpoints {

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    SigningKeys keys;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "conclave.audit.checkpoint.events", defaultValue = "1000")
    long everyEvents;

    @Inject
    @ConfigProperty(name = "conclave.audit.checkpoint.seconds", defaultValue = "60")
    long everySeconds;

    /** Signs a checkpoint when due (or when {@code force}d and the head moved). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Checkpoint> checkpointIfDue(boolean force) {
        try (Connection c = database.getConnection()) {
            if (!AuditSealing.sealerLock(c)) {
                return Optional.empty();
            }
            long headSeq = 0;
            byte[] headHash = null;
            try (Statement s = c.createStatement();
                    ResultSet head = s.executeQuery("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1")) {
                if (head.next()) {
                    headSeq = head.getLong(1);
                    headHash = head.getBytes(2);
                }
            }
            if (headSeq == 0) {
                return Optional.empty();
            }
            long lastSeq = 0;
            Instant lastAt = Instant.EPOCH;
            try (Statement s = c.createStatement();
                    ResultSet last = s.executeQuery(
                            "SELECT last_seq, signed_at FROM audit_checkpoint ORDER BY last_seq DESC LIMIT 1")) {
                if (last.next()) {
                    lastSeq = last.getLong(1);
                    lastAt = last.getTimestamp(2).toInstant();
                }
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            boolean due = headSeq > lastSeq
                    && (force || headSeq - lastSeq >= everyEvents || !now.isBefore(lastAt.plusSeconds(everySeconds)));
            if (!due) {
                return Optional.empty();
            }
            Checkpoint unsigned = new Checkpoint(
                    headSeq, headHash, headSeq, DateTimeFormatter.ISO_INSTANT.format(now), keys.keyId(), new byte[0]);
            Checkpoint checkpoint = new Checkpoint(
                    headSeq,
                    headHash,
                    headSeq,
                    unsigned.signedAt(),
                    keys.keyId(),
                    CheckpointSignatures.sign(keys.privateKey(), unsigned.signedFields()));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_checkpoint"
                    + " (last_seq, head_hash, event_count, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, checkpoint.lastSeq());
                insert.setBytes(2, checkpoint.headHash());
                insert.setLong(3, checkpoint.eventCount());
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setString(5, checkpoint.keyId());
                insert.setBytes(6, checkpoint.signature());
                insert.executeUpdate();
            }
            transactions.registerInterposedSynchronization(new AppendToFileAfterCommit(file(), checkpoint));
            return Optional.of(checkpoint);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write an audit checkpoint", e);
        }
    }

    /** Every checkpoint known, from the database and the file (the file wins where both have one). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Collection<Checkpoint> all() {
        try (Connection c = database.getConnection()) {
            return all(c, file());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every checkpoint in the database behind {@code c} and in the checkpoint {@code file}, the file winning. */
    public static Collection<Checkpoint> all(Connection c, Path file) throws SQLException {
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
                                DateTimeFormatter.ISO_INSTANT.format(
                                        rows.getTimestamp(4).toInstant()),
                                rows.getString(5),
                                rows.getBytes(6)));
            }
        }
        fromFile(file).forEach(checkpoint -> byLastSeq.put(checkpoint.lastSeq(), checkpoint));
        return new ArrayList<>(byLastSeq.values());
    }

    public Path file() {
        return dataDirectory.resolve("audit/checkpoints.jsonl");
    }

    /** Reads a checkpoint file (one JSON object per line); also used by the offline verifier. */
    public static List<Checkpoint> fromFile(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    checkpoints.add(fromWire((Map<?, ?>) CanonicalJson.parse(line)));
                }
            }
            return checkpoints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Checkpoint fromWire(Map<?, ?> wire) {
        return new Checkpoint(
                ((Number) wire.get("lastSeq")).longValue(),
                Hex.parse((String) wire.get("headHash")),
                ((Number) wire.get("eventCount")).longValue(),
                (String) wire.get("signedAt"),
                (String) wire.get("keyId"),
                Base64.getDecoder().decode((String) wire.get("signature")));
    }

    private record AppendToFileAfterCommit(Path file, Checkpoint checkpoint) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            try {
                Files.writeString(
                        file,
                        CanonicalJson.write(checkpoint.toWire()) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException("could not append the checkpoint to " + file, e);
            }
        }
    }
}
