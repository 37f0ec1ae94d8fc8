package org.conclave.admission.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.conclave.admission.entity.Admission;
import org.conclave.admission.entity.OccupantJoined;
import org.conclave.admission.entity.RecordingReported;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.control.RefusalRecorder;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.audit.entity.Source;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.ConclaveDatabase;
import org.conclave.platform.control.DataDirectory;
import org.conclave.platform.control.JsonText;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Occupant events from the video platform's webhook: authenticated by HMAC, each event id accepted once, reconciled
 * with admissions. Someone present without an admission raises an {@code alert.unadmitted-presence} in the audit
 * log; the host's arrival counts as the host being present.
 */
@Stateless
public class PlatformEvents {

    public static final Rule NOT_AUTHENTIC =
            new Rule("platform-event-not-authentic", 401, "The platform event is not authentic");
    public static final Rule REPLAYED =
            new Rule("platform-event-replayed", 409, "This platform event was already received");
    public static final Rule UNKNOWN_ROOM = new Rule("unknown-room", 422, "No meeting has this room");

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    AuditTrail trail;

    @Inject
    RefusalRecorder refusals;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    Clock clock;

    @Inject
    Event<OccupantJoined> occupantJoined;

    @Inject
    Event<RecordingReported> recordingReported;

    @Inject
    @ConfigProperty(name = "conclave.platform.webhook-secret")
    Optional<String> configuredSecret;

    private byte[] secret;

    @PostConstruct
    void load() {
        secret = configuredSecret
                .orElseGet(() -> dataDirectory.developmentSecret("platform/webhook-secret"))
                .getBytes(StandardCharsets.UTF_8);
    }

    public void receive(String timestamp, String eventId, String signature, byte[] body) {
        Instant now = clock.instant();
        Optional<String> problem = WebhookSignature.problem(secret, timestamp, eventId, body, signature, now);
        if (problem.isPresent()) {
            throw refuse(
                    AuditEntry.refused("platform.event", NOT_AUTHENTIC.name()).detail("why", problem.get()),
                    new Refusal(NOT_AUTHENTIC, problem.get()));
        }
        JsonObject event;
        try {
            event = JsonText.parseObject(new ByteArrayInputStream(body));
        } catch (RuntimeException e) {
            throw new Refusal(Rule.MALFORMED_REQUEST, "the event is not a JSON object");
        }
        String kind = event.getString("type", "");
        String room = event.getString("room", "");
        JsonObject occupant = event.getJsonObject("occupant");
        String subject = occupant == null ? null : occupant.getString("id", null);
        if (!List.of("occupant-joined", "occupant-left", "recording-started", "recording-stopped", "recording-finished")
                        .contains(kind)
                || !room.matches("[0-9a-f]{32}")
                || (kind.startsWith("occupant") && subject == null)) {
            throw new Refusal(Rule.INVALID_INPUT, "type, room (32 hex digits) and occupant.id are required");
        }
        Optional<JsonObject> file = Optional.empty();
        if (kind.equals("recording-finished")) {
            file = recordingFile(event);
            if (file.isEmpty()) {
                throw new Refusal(
                        Rule.INVALID_INPUT,
                        "recording-finished needs recording.id, recording.path, recording.size (bytes) and"
                                + " recording.sha256 (64 hex digits)");
            }
        }
        if (!firstTime(eventId, kind, room, subject, now)) {
            throw refuse(
                    AuditEntry.refused("platform.event", REPLAYED.name()).detail("event", eventId),
                    new Refusal(REPLAYED, "event " + eventId + " was already received"));
        }
        Meeting meeting = em.find(
                Meeting.class,
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(HexFormat.of().parseHex(room)));
        if (meeting == null) {
            throw refuse(
                    AuditEntry.refused("platform.event", UNKNOWN_ROOM.name()).detail("room", room),
                    new Refusal(UNKNOWN_ROOM, "no meeting has room " + room));
        }
        AuditActor occupantActor = new AuditActor(
                Optional.ofNullable(subject),
                Optional.ofNullable(occupant == null ? null : occupant.getString("name", null)),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty());
        switch (kind) {
            case "occupant-joined" -> joined(
                    meeting, subject, occupant.getString("name", null), eventId, now, occupantActor);
            case "occupant-left" -> left(meeting, subject, eventId, now, occupantActor);
            case "recording-finished" -> recordingReported.fire(new RecordingReported(
                    meeting.id(),
                    file.get().getString("id"),
                    file.get().getString("path"),
                    file.get().getJsonNumber("size").longValueExact(),
                    file.get().getString("sha256"),
                    eventId));
            default -> trail.record(
                    AuditEntry.allowed("platform." + kind)
                            .source(Source.PLATFORM)
                            .target("meeting", meeting.id())
                            .detail("event", eventId),
                    AuditActor.SYSTEM);
        }
    }

    private void joined(Meeting meeting, String subject, String name, String eventId, Instant now, AuditActor actor) {
        boolean host = meeting.isManagedBy(subject);
        boolean admitted = host
                || em
                        .createNamedQuery(Admission.OF_PERSON, Admission.class)
                        .setParameter("meeting", meeting.id())
                        .setParameter("subject", subject)
                        .getResultList()
                        .stream()
                        .anyMatch(Admission::isAdmitted);
        if (host) {
            meeting.hostJoined(now);
        }
        execute(
                "INSERT INTO attendance (meeting_id, subject, display_name, admitted, joined_at) VALUES (?, ?, ?, ?, ?)",
                meeting.id(),
                subject,
                name,
                admitted,
                Timestamp.from(now));
        trail.record(
                AuditEntry.allowed("platform.occupant-join")
                        .source(Source.PLATFORM)
                        .target("meeting", meeting.id())
                        .detail("event", eventId)
                        .detail("admitted", admitted),
                actor);
        occupantJoined.fire(new OccupantJoined(meeting.id(), subject, name, eventId));
        if (!admitted) {
            trail.record(
                    AuditEntry.refused("alert.unadmitted-presence", "unadmitted-presence")
                            .source(Source.PLATFORM)
                            .target("meeting", meeting.id())
                            .detail("event", eventId)
                            .detail("occupant", subject),
                    actor);
        }
    }

    private void left(Meeting meeting, String subject, String eventId, Instant now, AuditActor actor) {
        execute(
                "UPDATE attendance SET left_at = ? WHERE meeting_id = ? AND subject = ? AND left_at IS NULL",
                Timestamp.from(now),
                meeting.id(),
                subject);
        trail.record(
                AuditEntry.allowed("platform.occupant-leave")
                        .source(Source.PLATFORM)
                        .target("meeting", meeting.id())
                        .detail("event", eventId),
                actor);
    }

    private static Optional<JsonObject> recordingFile(JsonObject event) {
        try {
            JsonObject file = event.getJsonObject("recording");
            if (file != null
                    && file.getString("id", "").length() <= 64
                    && !file.getString("id", "").isEmpty()
                    && file.getString("path", "").length() <= 1024
                    && !file.getString("path", "").isEmpty()
                    && file.getJsonNumber("size") != null
                    && file.getJsonNumber("size").isIntegral()
                    && file.getJsonNumber("size").longValueExact() >= 0
                    && file.getString("sha256", "").matches("[0-9a-f]{64}")) {
                return Optional.of(file);
            }
        } catch (ClassCastException | ArithmeticException e) {
            // wrong types or an absurd size: refused below like any other malformed event
        }
        return Optional.empty();
    }

    private boolean firstTime(String eventId, String kind, String room, String subject, Instant now) {
        return execute(
                        "INSERT INTO platform_event (event_id, kind, room, subject, received_at) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        eventId,
                        kind,
                        room,
                        subject,
                        Timestamp.from(now))
                == 1;
    }

    private int execute(String sql, Object... parameters) {
        try (Connection c = database.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a platform event", e);
        }
    }

    private Refusal refuse(AuditEntry entry, Refusal refusal) {
        return refusals.refuse(entry.source(Source.PLATFORM), AuditActor.SYSTEM, refusal);
    }
}
