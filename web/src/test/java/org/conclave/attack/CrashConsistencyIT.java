package org.conclave.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.DemoUser;
import org.conclave.testing.KeycloakEvents;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application server is killed with SIGKILL while 1,000 governed actions (meetings being scheduled by 32
 * concurrent clients) and sign-ins are under way, then started again. Every meeting that exists has exactly one
 * audit event and every scheduling event its meeting; every action acknowledged with 201 survived; the chain
 * verifies; Keycloak's sign-in events reach the audit log exactly once each, none lost.
 */
@ExtendWith(RunningPortal.class)
class CrashConsistencyIT {

    static final int ACTIONS = 1000;
    static final int CLIENTS = 32;
    static final int ROUNDS = 2;

    static Portal portal;
    static Api api;
    static Tokens tokens;
    static HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @BeforeAll
    static void connect(Portal running) {
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
    }

    @Test
    void aKilledServerLeavesEveryCommittedActionWithExactlyOneAuditEvent() throws Exception {
        long since = System.currentTimeMillis();
        int acknowledged = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            String title = "Crash round " + round + " " + UUID.randomUUID();
            Set<String> created = ConcurrentHashMap.newKeySet();
            AtomicInteger done = new AtomicInteger();
            String alice = tokens.withOtp(DemoUser.ALICE);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < ACTIONS; i++) {
                clients.submit(() -> {
                    try {
                        HttpResponse<String> response = schedule(alice, title);
                        if (response.statusCode() == 201) {
                            created.add(Api.json(response).getString("id"));
                        }
                    } catch (Exception connectionLost) {
                        // the server died under this request: its outcome is whatever the database says
                    } finally {
                        done.incrementAndGet();
                    }
                });
            }
            ExecutorService signIns = Executors.newSingleThreadExecutor();
            signIns.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    signIn(DemoUser.BOB);
                }
                return null;
            });
            while (done.get() < ACTIONS / 3) {
                Thread.sleep(20);
            }
            portal.killPortal();
            clients.shutdown();
            assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES));
            signIns.shutdown();
            assertTrue(signIns.awaitTermination(1, TimeUnit.MINUTES));
            portal.startPortal();

            assertEquals(
                    0,
                    count(
                            "SELECT count(*) FROM meeting m WHERE m.title = ? AND (SELECT count(*) FROM"
                                    + " audit_event e WHERE e.action = 'meeting.schedule' AND e.target_id = m.id) <> 1",
                            title),
                    "every scheduled meeting has exactly one audit event");
            assertEquals(
                    0,
                    count(
                            "SELECT count(*) FROM audit_event e WHERE e.action = 'meeting.schedule'"
                                    + " AND e.details->>'classification' = 'PUBLIC' AND e.target_id IS NOT NULL AND NOT EXISTS"
                                    + " (SELECT 1 FROM meeting m WHERE m.id = e.target_id)",
                            null),
                    "every scheduling event has its meeting");
            Set<String> stored = new HashSet<>(ids(title));
            assertTrue(stored.containsAll(created), "every acknowledged meeting survived the crash");
            assertTrue(created.size() > 0 && created.size() < ACTIONS, "the crash came mid-way: " + created.size());
            acknowledged += created.size();
            System.out.println("crash round " + round + ": " + created.size() + " acknowledged, " + stored.size()
                    + " committed of " + ACTIONS + " sent");
        }
        JsonObject verification = awaitSealedAndVerified();
        assertTrue(verification.getBoolean("valid"), verification.toString());

        KeycloakEvents keycloak = new KeycloakEvents(portal);
        List<String> keycloakEvents = keycloak.idsSince(since);
        assertTrue(keycloakEvents.size() >= 10 * ROUNDS, "sign-ins happened: " + keycloakEvents.size());
        for (int i = 0; i < 100 && !keycloak.allIngested(keycloakEvents); i++) {
            Thread.sleep(200);
        }
        assertEquals(0, keycloak.ingestedTwice(), "no Keycloak event twice");
        assertTrue(keycloak.allIngested(keycloakEvents), "no Keycloak event lost");
        System.out.println("crash consistency: " + ROUNDS + " rounds, " + acknowledged + " acknowledged actions, "
                + keycloakEvents.size() + " Keycloak events each ingested once");
    }

    static HttpResponse<String> schedule(String token, String title) throws Exception {
        String start = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(3)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url() + "/api/meetings"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + title + "\", \"classification\":"
                        + " \"PUBLIC\", \"sharingLabel\": \"CLEAR\", \"start\": \"" + start + "\", \"timeZone\":"
                        + " \"UTC\", \"durationMinutes\": 30}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void signIn(DemoUser who) throws Exception {
        String form = "grant_type=password&client_id=conclave-cli&username=" + who.username() + "&password="
                + URLEncoder.encode(who.password(), StandardCharsets.UTF_8) + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(portal.keycloakUrl() + "/realms/conclave/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        assertEquals(
                200, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    static JsonObject awaitSealedAndVerified() throws Exception {
        String dora = tokens.withOtp(DemoUser.DORA);
        JsonObject result = null;
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = api.get("/api/audit/verification", dora);
            if (response.statusCode() == 200) {
                result = Api.json(response);
                if (count(
                                "SELECT count(*) FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)",
                                null)
                        == 0) {
                    return result;
                }
            }
            Thread.sleep(200);
        }
        return result;
    }

    static List<String> ids(String title) throws Exception {
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement("SELECT id FROM meeting WHERE title = ?")) {
            q.setString(1, title);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    static long count(String sql, String parameter) throws Exception {
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement(sql)) {
            if (parameter != null) {
                q.setString(1, parameter);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
