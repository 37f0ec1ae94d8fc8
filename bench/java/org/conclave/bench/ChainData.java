package org.conclave.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.conclave.audit.control.AuditChain;
import org.conclave.audit.control.CanonicalJson;
import org.conclave.audit.control.CheckpointSignatures;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.Hex;
import org.conclave.platform.control.KeyFiles;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The data set of benchmark P4: a period of meetings and their audit events appended to the running portal's chain
 * with PostgreSQL COPY, hashed exactly as the sealer does ({@link AuditChain#link} over the RFC 8785 form that
 * {@code AuditRows.canonical} reads back), checkpointed every 1,000 events with the portal's own Ed25519 key, so
 * verification passes.
 *
 * <p>Usage: {@code ChainData <from> <to (exclusive)> <meetings> <events>}, e.g. {@code 2025-01-01 2025-07-01 50000
 * 1000000}. Runs as the database superuser while the portal is up: it blocks audit writers (table lock) and the
 * sealer (its advisory lock) for the few seconds it appends, after the chain is fully sealed, so the chain stays one
 * gap-free total order.
 */
public final class ChainData {

    static final long SEALER_LOCK = 0x436f6e636c617665L;
    static final int CHECKPOINT_EVERY = 1000;
    static final int PARTICIPANTS = 5000;
    static final int HOSTS = 200;
    static final DateTimeFormatter COPY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter CANONICAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    static final String[] CLASSIFICATIONS = {"PUBLIC", "INTERNAL", "CONFIDENTIAL", "SECRET"};

    public static void main(String[] args) throws Exception {
        LocalDate from = LocalDate.parse(args[0]);
        LocalDate to = LocalDate.parse(args[1]);
        int meetings = Integer.parseInt(args[2]);
        int events = Integer.parseInt(args[3]);
        long began = System.nanoTime();
        new ChainData(from, to, meetings, events).run();
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("generated %,d meetings and %,d chained events (%s to %s) in %.1f s%n",
                meetings, events, from, to, seconds);
        Bench.Results results = Bench.Results.fromEnv();
        results.put("data." + from + "." + to + ".seconds", String.format("%.1f", seconds));
    }

    private final Instant from;
    private final Instant to;
    private final int meetingCount;
    private final int perMeeting;
    private final long seed;

    // the meetings, by index
    private final String[] meetingId;
    private final long[] startMillis;
    private final byte[] classification;
    private final String[] label;
    private final int[] host;
    private final int[][] invited;

    private final String[] participant = new String[PARTICIPANTS];
    private final String[] hostSubject = new String[HOSTS];

    ChainData(LocalDate from, LocalDate to, int meetings, int events) {
        this.from = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.to = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.meetingCount = meetings;
        if (events % meetings != 0 || events / meetings < 12 || events / meetings > 31) {
            throw new IllegalArgumentException("events must be 12 to 31 times the meetings");
        }
        this.perMeeting = events / meetings;
        this.seed = from.toEpochDay();
        meetingId = new String[meetings];
        startMillis = new long[meetings];
        classification = new byte[meetings];
        label = new String[meetings];
        host = new int[meetings];
        invited = new int[meetings][3];
        SplittableRandom people = new SplittableRandom(42);
        for (int i = 0; i < PARTICIPANTS; i++) {
            participant[i] = new UUID(people.nextLong(), people.nextLong()).toString();
        }
        for (int i = 0; i < HOSTS; i++) {
            hostSubject[i] = new UUID(people.nextLong(), people.nextLong()).toString();
        }
        SplittableRandom random = new SplittableRandom(seed);
        long span = this.to.toEpochMilli() - this.from.toEpochMilli() - 3 * 3600_000L;
        for (int m = 0; m < meetings; m++) {
            meetingId[m] = id(random);
            startMillis[m] = this.from.toEpochMilli() + 3600_000L + (random.nextLong(span) / 300_000L) * 300_000L;
            int c = random.nextInt(100);
            classification[m] = (byte) (c < 20 ? 0 : c < 60 ? 1 : c < 90 ? 2 : 3);
            label[m] = switch (classification[m]) {
                case 0 -> "CLEAR";
                case 1 -> "GREEN";
                case 2 -> random.nextBoolean() ? "AMBER" : "GREEN";
                default -> random.nextBoolean() ? "RED" : "AMBER+STRICT";
            };
            host[m] = random.nextInt(HOSTS);
            for (int k = 0; k < 3; k++) {
                invited[m][k] = random.nextInt(PARTICIPANTS);
            }
        }
    }

    static String id(SplittableRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String organisation(int participantIndex) {
        return participantIndex % 5 == 0 ? "partner" : "home";
    }

    void run() throws Exception {
        Path work = Files.createDirectories(Bench.dataDir().resolve("bench-data"));
        Path eventFile = work.resolve("audit_event.copy");
        Path chainFile = work.resolve("audit_chain.copy");
        Path checkpointFile = Bench.dataDir().resolve("audit/checkpoints.jsonl");
        KeyPair key = KeyFiles.read(Bench.dataDir().resolve("audit/signing-key.pem"), "Ed25519");
        String keyId = CheckpointSignatures.keyId(key.getPublic());
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                Bench.jdbcUrl(), "postgres", Bench.secret("postgres.superuser.password"))) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Map<String, String[]> baselines = baselines(c);
            copyMeetings(copy, baselines, work);
            lockSealedChain(c);
            long headSeq = 0;
            long lastEventId;
            byte[] headHash = AuditChain.GENESIS;
            try (Statement s = c.createStatement()) {
                try (ResultSet head = s.executeQuery("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1")) {
                    if (head.next()) {
                        headSeq = head.getLong(1);
                        headHash = head.getBytes(2);
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END"
                        + " FROM audit_event_id_seq")) {
                    rs.next();
                    lastEventId = rs.getLong(1);
                }
            }
            long firstSeq = headSeq + 1;
            long generating = System.nanoTime();
            long lastSeq = writeEvents(eventFile, chainFile, headSeq, headHash, lastEventId, keyId, key, checkpoints);
            System.out.printf("  hashed %,d events (seq %d to %d) in %.1f s%n",
                    lastSeq - headSeq, firstSeq, lastSeq, (System.nanoTime() - generating) / 1e9);
            long copying = System.nanoTime();
            try (Reader in = Files.newBufferedReader(eventFile)) {
                copy.copyIn("COPY audit_event (id, occurred_at, source, actor_subject, actor_roles, actor_organisation,"
                        + " actor_amr, action, target_type, target_id, outcome, reason, details, request_id,"
                        + " actor_username, client_address) FROM STDIN", in);
            }
            try (Reader in = Files.newBufferedReader(chainFile)) {
                copy.copyIn("COPY audit_chain (seq, event_id, prev_hash, hash, sealed_at) FROM STDIN", in);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_checkpoint"
                    + " (last_seq, head_hash, event_count, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Checkpoint checkpoint : checkpoints) {
                    insert.setLong(1, checkpoint.lastSeq());
                    insert.setBytes(2, checkpoint.headHash());
                    insert.setLong(3, checkpoint.eventCount());
                    insert.setTimestamp(4, Timestamp.from(Instant.parse(checkpoint.signedAt())));
                    insert.setString(5, checkpoint.keyId());
                    insert.setBytes(6, checkpoint.signature());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('audit_event_id_seq', " + (lastEventId + (lastSeq - headSeq)) + ", true)");
            }
            c.commit();
            System.out.printf("  copied into PostgreSQL in %.1f s%n", (System.nanoTime() - copying) / 1e9);
            // As the portal does: the checkpoints go to the file outside the database after the commit.
            StringBuilder lines = new StringBuilder();
            for (Checkpoint checkpoint : checkpoints) {
                lines.append(CanonicalJson.write(checkpoint.toWire())).append('\n');
            }
            Files.writeString(
                    checkpointFile,
                    lines,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE audit_event, audit_chain, audit_checkpoint, meeting, meeting_invitation,"
                        + " registration");
            }
        } finally {
            Files.deleteIfExists(eventFile);
            Files.deleteIfExists(chainFile);
        }
    }

    /**
     * Waits until every committed event is sealed, holding a lock that keeps new events out and the sealer's own
     * advisory lock (the sealer only ever tries it, so it skips its turns until we commit).
     */
    static void lockSealedChain(Connection c) throws SQLException, InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE audit_event IN SHARE ROW EXCLUSIVE MODE");
                s.execute("SELECT pg_advisory_xact_lock(" + SEALER_LOCK + ")");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE id >"
                        + " coalesce((SELECT event_id FROM audit_chain ORDER BY seq DESC LIMIT 1), 0)")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
            }
            c.rollback();
            Thread.sleep(250);
        }
        throw new IllegalStateException("the portal did not seal its chain within 150 s");
    }

    static Map<String, String[]> baselines(Connection c) throws SQLException {
        Map<String, String[]> baselines = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT classification, version, settings::text FROM policy_baseline")) {
            while (rs.next()) {
                baselines.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return baselines;
    }

    void copyMeetings(CopyManager copy, Map<String, String[]> baselines, Path work)
            throws IOException, SQLException {
        Path meetings = work.resolve("meeting.copy");
        Path invitations = work.resolve("meeting_invitation.copy");
        Path registrations = work.resolve("registration.copy");
        SplittableRandom random = new SplittableRandom(seed + 1);
        try (Writer m = Files.newBufferedWriter(meetings);
                Writer inv = Files.newBufferedWriter(invitations);
                Writer reg = Files.newBufferedWriter(registrations)) {
            for (int i = 0; i < meetingCount; i++) {
                String cls = CLASSIFICATIONS[classification[i]];
                String[] baseline = baselines.get(cls);
                Instant start = Instant.ofEpochMilli(startMillis[i]);
                Instant created = scheduledAt(i);
                boolean passcode = classification[i] > 0;
                row(m,
                        meetingId[i],
                        id(random),
                        "1",
                        hostSubject[host[i]],
                        "host" + host[i],
                        "home",
                        "Generated meeting " + i,
                        "",
                        cls,
                        label[i],
                        COPY_TIME.format(start),
                        "60",
                        "UTC",
                        null,
                        "{}",
                        baseline[1],
                        baseline[0],
                        passcode ? "PBKDF2WithHmacSHA512:210000:benchmark-data:not-a-real-hash" : null,
                        passcode ? COPY_TIME.format(created) : null,
                        "ended",
                        COPY_TIME.format(created),
                        COPY_TIME.format(start.plus(60, ChronoUnit.MINUTES)),
                        "2",
                        "false",
                        COPY_TIME.format(start),
                        COPY_TIME.format(start.plus(60, ChronoUnit.MINUTES)));
                int[] people = Arrays.stream(invited[i]).distinct().toArray();
                for (int p : people) {
                    row(inv, meetingId[i], participant[p], "user" + p, organisation(p));
                }
                if (classification[i] >= 2) {
                    for (int p : people) {
                        row(reg,
                                id(random),
                                meetingId[i],
                                participant[p],
                                "user" + p,
                                organisation(p),
                                "approved",
                                COPY_TIME.format(created.plusSeconds(3600)),
                                COPY_TIME.format(created.plusSeconds(7200)),
                                hostSubject[host[i]]);
                    }
                }
            }
        }
        try (Reader in = Files.newBufferedReader(meetings)) {
            copy.copyIn("COPY meeting (id, series_id, occurrence, host_subject, host_username, host_organisation,"
                    + " title, description, classification, sharing_label, starts_at, duration_minutes, time_zone,"
                    + " recurrence, tightenings, policy, baseline_version, passcode_hash, passcode_rotated_at, state,"
                    + " created_at, updated_at, version, locked, host_joined_at, ended_at) FROM STDIN", in);
        }
        try (Reader in = Files.newBufferedReader(invitations)) {
            copy.copyIn("COPY meeting_invitation (meeting_id, subject, username, organisation) FROM STDIN", in);
        }
        try (Reader in = Files.newBufferedReader(registrations)) {
            copy.copyIn("COPY registration (id, meeting_id, subject, username, organisation, state, created_at,"
                    + " decided_at, decided_by) FROM STDIN", in);
        }
        Files.delete(meetings);
        Files.delete(invitations);
        Files.delete(registrations);
    }

    Instant scheduledAt(int m) {
        long back = 86_400_000L * (1 + Math.floorMod(meetingId[m].hashCode(), 14));
        return Instant.ofEpochMilli(Math.max(from.toEpochMilli(), startMillis[m] - back));
    }

    /** One line of COPY text format; values must not contain tabs, newlines or backslashes (null is \N). */
    static void row(Writer out, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            out.write(values[i] == null ? "\\N" : values[i]);
        }
        out.write('\n');
    }

    /** When the {@code slot}-th event of meeting {@code m} happened, in milliseconds. */
    long eventMillis(int m, int slot) {
        long start = startMillis[m];
        if (slot == 0) {
            return scheduledAt(m).toEpochMilli();
        }
        if (slot <= 3) {
            return scheduledAt(m).toEpochMilli() + 20_000L * slot;
        }
        if (slot <= 7) {
            return start - 300_000L + 15_000L * (slot - 4);
        }
        if (slot <= 11) {
            return start - 240_000L + 20_000L * (slot - 8);
        }
        if (slot == perMeeting - 1) {
            return start + 3_600_000L;
        }
        return start + 270_000L * (slot - 11);
    }

    long writeEvents(
            Path eventFile,
            Path chainFile,
            long headSeq,
            byte[] headHash,
            long lastEventId,
            String keyId,
            KeyPair key,
            List<Checkpoint> checkpoints)
            throws Exception {
        int total = meetingCount * perMeeting;
        long[] order = new long[total];
        int n = 0;
        long base = from.toEpochMilli();
        for (int m = 0; m < meetingCount; m++) {
            for (int slot = 0; slot < perMeeting; slot++) {
                order[n++] = ((eventMillis(m, slot) - base) << 22) | ((long) m << 5) | slot;
            }
        }
        Arrays.sort(order);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] previous = headHash;
        long seq = headSeq;
        long eventId = lastEventId;
        String sealedAt = COPY_TIME.format(Instant.now());
        try (BufferedWriter events = Files.newBufferedWriter(eventFile, StandardCharsets.UTF_8);
                BufferedWriter chain = Files.newBufferedWriter(chainFile, StandardCharsets.UTF_8)) {
            for (long packed : order) {
                int slot = (int) (packed & 31);
                int m = (int) ((packed >>> 5) & ((1 << 17) - 1));
                long micros = ((packed >>> 22) + base) * 1000 + Math.floorMod(packed * 0x9E3779B97F4A7C15L, 1000);
                Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
                seq++;
                eventId++;
                Event e = event(m, slot, at);
                Map<String, Object> canonical = e.canonical(seq, eventId, CANONICAL_TIME.format(at));
                byte[] bytes = CanonicalJson.write(canonical).getBytes(StandardCharsets.UTF_8);
                sha256.update(previous);
                byte[] hash = sha256.digest(bytes);
                row(events,
                        Long.toString(eventId),
                        COPY_TIME.format(at),
                        e.source,
                        e.subject,
                        array(e.roles),
                        e.organisation,
                        array(e.amr),
                        e.action,
                        e.targetType,
                        e.targetId,
                        e.outcome,
                        e.reason,
                        CanonicalJson.write(e.details),
                        e.requestId,
                        e.username,
                        e.address);
                chain.write(Long.toString(seq));
                chain.write('\t');
                chain.write(Long.toString(eventId));
                chain.write("\t\\\\x");
                chain.write(Hex.of(previous));
                chain.write("\t\\\\x");
                chain.write(Hex.of(hash));
                chain.write('\t');
                chain.write(sealedAt);
                chain.write('\n');
                previous = hash;
                if ((seq - headSeq) % CHECKPOINT_EVERY == 0 || seq - headSeq == total) {
                    String signedAt = DateTimeFormatter.ISO_INSTANT.format(
                            at.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
                    Checkpoint unsigned = new Checkpoint(seq, hash, seq, signedAt, keyId, new byte[0]);
                    checkpoints.add(new Checkpoint(
                            seq,
                            hash,
                            seq,
                            signedAt,
                            keyId,
                            CheckpointSignatures.sign(key.getPrivate(), unsigned.signedFields())));
                }
            }
        }
        return seq;
    }

    static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /** The stored fields of one audit event (the hash covers all but username and address). */
    static final class Event {
        String source = "conclave";
        String subject;
        List<String> roles = List.of();
        String organisation;
        List<String> amr = List.of();
        String action;
        String targetType;
        String targetId;
        String outcome = "allowed";
        String reason;
        Map<String, Object> details = new LinkedHashMap<>();
        String requestId;
        String username;
        String address;

        /** Exactly the object AuditRows.canonical builds from the stored row. */
        Map<String, Object> canonical(long seq, long id, String occurredAt) {
            Map<String, Object> actor = new LinkedHashMap<>();
            actor.put("subject", subject);
            actor.put("roles", roles);
            actor.put("organisation", organisation);
            actor.put("amr", amr);
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("type", targetType);
            target.put("id", targetId);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("seq", seq);
            event.put("id", id);
            event.put("occurredAt", occurredAt);
            event.put("source", source);
            event.put("actor", actor);
            event.put("action", action);
            event.put("target", target);
            event.put("outcome", outcome);
            event.put("reason", reason);
            event.put("details", details);
            event.put("requestId", requestId);
            return event;
        }
    }

    /**
     * The slot-th event of a meeting's life: scheduled by its host (0), invitations mailed (1-3), sign-ins at
     * Keycloak (4-7), the host and three participants admitted (8-11, now and then a wrong passcode or an alert),
     * join tokens renewed every few minutes, and the end (last).
     */
    Event event(int m, int slot, Instant at) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + (long) m * 32 + slot);
        Event e = new Event();
        String meeting = meetingId[m];
        String hostSub = hostSubject[host[m]];
        int who = invited[m][slot % 3];
        String participantSub = participant[who];
        e.requestId = Long.toHexString(random.nextLong());
        e.address = "10.1." + random.nextInt(256) + "." + random.nextInt(256);
        e.targetType = "meeting";
        e.targetId = meeting;
        if (slot == 0) {
            host(e, m);
            e.action = "meeting.schedule";
            e.details.put("series", id(random));
            e.details.put("occurrence", 1L);
            e.details.put("classification", CLASSIFICATIONS[classification[m]]);
            e.details.put("sharingLabel", label[m]);
            e.details.put("baselineVersion", 1L);
            e.details.put("tightened", List.of());
            List<Object> invitees = new ArrayList<>();
            Arrays.stream(invited[m]).distinct().mapToObj(p -> participant[p]).sorted().forEach(invitees::add);
            e.details.put("invitees", invitees);
            e.details.put("passcode", classification[m] > 0);
        } else if (slot <= 3) {
            e.action = "mail.delivered";
            e.requestId = null;
            e.address = null;
            e.details.put("message", id(random));
            e.details.put("kind", "invitation");
            e.details.put("recipient", participant[invited[m][slot - 1]]);
        } else if (slot <= 7) {
            e.source = "keycloak";
            e.requestId = null;
            String user = slot == 4 ? hostSub : participant[invited[m][slot - 5]];
            e.subject = user;
            e.username = slot == 4 ? "host" + host[m] : "user" + invited[m][slot - 5];
            e.targetType = "user";
            e.targetId = user;
            boolean failed = random.nextInt(40) == 0;
            e.action = failed ? "keycloak.login-error" : "keycloak.login";
            if (failed) {
                e.outcome = "refused";
                e.reason = "invalid_user_credentials";
            }
            e.details.put("keycloakEventId", new UUID(random.nextLong(), random.nextLong()).toString());
            e.details.put("clientId", "conclave-portal");
            e.details.put("auth_method", "openid-connect");
        } else if (slot == 8) {
            host(e, m);
            e.action = "admission.request";
            e.details.put("admission", id(random));
            e.details.put("state", "admitted");
            e.details.put("host", true);
            e.details.put("secondFactor", true);
        } else if (slot <= 11) {
            participant(e, who);
            e.action = "admission.request";
            if (classification[m] > 0 && random.nextInt(15) == 0) {
                e.outcome = "refused";
                e.reason = "wrong-passcode";
            } else {
                e.details.put("admission", id(random));
                e.details.put("state", classification[m] >= 1 ? "waiting" : "admitted");
                e.details.put("host", false);
                e.details.put("secondFactor", classification[m] >= 2);
            }
        } else if (slot == perMeeting - 1) {
            host(e, m);
            e.action = "meeting.end";
        } else if (slot == 12 && m % 500 == 7) {
            e.action = "alert.unadmitted-presence";
            e.outcome = "refused";
            e.reason = "unadmitted-presence";
            e.requestId = null;
            e.details.put("occupant", "guest-" + random.nextInt(1000));
            e.details.put("cause", "present in the room without an admission");
        } else {
            participant(e, who);
            e.action = "admission.renew";
            e.details.put("admission", id(random));
        }
        return e;
    }

    void host(Event e, int m) {
        e.subject = hostSubject[host[m]];
        e.username = "host" + host[m];
        e.roles = List.of("host");
        e.organisation = "home";
        e.amr = List.of("pwd", "otp");
    }

    void participant(Event e, int p) {
        e.subject = participant[p];
        e.username = "user" + p;
        e.roles = List.of("participant");
        e.organisation = organisation(p);
        e.amr = List.of("pwd", "otp");
    }

}
