package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.audit.entity.Hex;
import org.conclave.audit.entity.Source;
import org.conclave.identity.control.KeycloakAdmin;
import org.conclave.platform.control.AdvisoryLocks;
import org.conclave.platform.control.ConclaveDatabase;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Copies Keycloak's user events (logins, failed logins, OTP changes, logouts...) and admin events into the audit
 * chain with source {@code keycloak}. Idempotent: each Keycloak event id is recorded once (a unique key, in the same
 * transaction as its audit event); complete: each poll starts a minute before the high-water mark, ascending.
 */
@Stateless
public class KeycloakEventIngestion {

    private static final long OVERLAP_MILLIS = 60_000;
    private static final int PAGE = 200;
    private static final long INGESTION_LOCK = 0x4b6579636c6f616bL;

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    /** One poll of both event kinds in one transaction; returns how many new events entered the chain. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int poll() {
        try (Connection c = database.getConnection()) {
            if (!AdvisoryLocks.tryForTransaction(c, INGESTION_LOCK)) {
                return 0;
            }
            return pollUserEvents(c) + pollAdminEvents(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not record Keycloak events", e);
        }
    }

    private int pollUserEvents(Connection c) throws SQLException {
        long mark = mark(c, "user");
        long to = clock.millis() + 1;
        int added = 0;
        long newest = mark;
        for (int first = 0; ; first += PAGE) {
            List<EventRepresentation> page = keycloak.realm()
                    .getEvents(null, null, null, Math.max(0, mark - OVERLAP_MILLIS), to, null, first, PAGE, "asc");
            for (EventRepresentation event : page) {
                newest = Math.max(newest, event.getTime());
                String id = Optional.ofNullable(event.getId()).orElseGet(() -> fingerprint(event));
                if (claim(c, id, "user")) {
                    trail.record(
                            userEntry(event),
                            actor(event.getUserId(), detail(event.getDetails(), "username"), event.getIpAddress()));
                    added++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        setMark(c, "user", newest);
        return added;
    }

    private int pollAdminEvents(Connection c) throws SQLException {
        long mark = mark(c, "admin");
        long to = clock.millis() + 1;
        int added = 0;
        long newest = mark;
        for (int first = 0; ; first += PAGE) {
            List<AdminEventRepresentation> page = keycloak.realm()
                    .getAdminEvents(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Math.max(0, mark - OVERLAP_MILLIS),
                            to,
                            first,
                            PAGE,
                            "asc");
            for (AdminEventRepresentation event : page) {
                newest = Math.max(newest, event.getTime());
                String id = Optional.ofNullable(event.getId()).orElseGet(() -> fingerprint(event));
                if (claim(c, id, "admin")) {
                    String userId = event.getAuthDetails() == null
                            ? null
                            : event.getAuthDetails().getUserId();
                    String address = event.getAuthDetails() == null
                            ? null
                            : event.getAuthDetails().getIpAddress();
                    trail.record(adminEntry(event), actor(userId, null, address));
                    added++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        setMark(c, "admin", newest);
        return added;
    }

    static AuditEntry userEntry(EventRepresentation event) {
        String type = event.getType() == null
                ? "unknown"
                : event.getType().toLowerCase(Locale.ROOT).replace('_', '-');
        AuditEntry entry = (event.getError() == null
                        ? AuditEntry.allowed("keycloak." + type)
                        : AuditEntry.refused("keycloak." + type, event.getError()))
                .source(Source.KEYCLOAK)
                .occurredAt(Instant.ofEpochMilli(event.getTime()))
                .target("user", event.getUserId())
                .detail("keycloakEventId", Optional.ofNullable(event.getId()).orElse(""))
                .detail("clientId", Optional.ofNullable(event.getClientId()).orElse(""));
        Map<String, String> details = event.getDetails();
        if (details != null) {
            for (String key : List.of("auth_method", "grant_type", "credential_type", "reason", "redirect_uri")) {
                if (details.containsKey(key)) {
                    entry.detail(key, details.get(key));
                }
            }
        }
        return entry;
    }

    static AuditEntry adminEntry(AdminEventRepresentation event) {
        String operation =
                Optional.ofNullable(event.getOperationType()).orElse("unknown").toLowerCase(Locale.ROOT);
        String resource = Optional.ofNullable(event.getResourceType())
                .orElse("unknown")
                .toLowerCase(Locale.ROOT)
                .replace('_', '-');
        String action = "keycloak.admin." + resource + "." + operation;
        return (event.getError() == null ? AuditEntry.allowed(action) : AuditEntry.refused(action, event.getError()))
                .source(Source.KEYCLOAK)
                .occurredAt(Instant.ofEpochMilli(event.getTime()))
                .target("keycloak-resource", event.getResourcePath())
                .detail("keycloakEventId", Optional.ofNullable(event.getId()).orElse(""));
    }

    private static AuditActor actor(String subject, String username, String address) {
        return new AuditActor(
                Optional.ofNullable(subject),
                Optional.ofNullable(username),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.ofNullable(address));
    }

    private static String detail(Map<String, String> details, String key) {
        return details == null ? null : details.get(key);
    }

    private static boolean claim(Connection c, String id, String kind) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement(
                "INSERT INTO keycloak_event_ingested (event_id, kind)" + " VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            claim.setString(1, id);
            claim.setString(2, kind);
            return claim.executeUpdate() == 1;
        }
    }

    private static long mark(Connection c, String kind) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement("SELECT last_time FROM keycloak_ingestion_mark WHERE kind = ? FOR UPDATE")) {
            query.setString(1, kind);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void setMark(Connection c, String kind, long time) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE keycloak_ingestion_mark SET last_time = ? WHERE kind = ?")) {
            update.setLong(1, time);
            update.setString(2, kind);
            update.executeUpdate();
        }
    }

    private static String fingerprint(Object event) {
        try {
            return "sha256:"
                    + Hex.of(MessageDigest.getInstance("SHA-256")
                            .digest(String.valueOf(fields(event)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fields(Object event) {
        if (event instanceof EventRepresentation e) {
            return e.getTime() + "|" + e.getType() + "|" + e.getUserId() + "|" + e.getSessionId() + "|"
                    + e.getIpAddress();
        }
        AdminEventRepresentation a = (AdminEventRepresentation) event;
        return a.getTime() + "|" + a.getOperationType() + "|" + a.getResourcePath();
    }
}
