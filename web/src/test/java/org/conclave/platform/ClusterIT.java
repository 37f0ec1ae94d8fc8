package org.conclave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.conclave.stack.ConclaveStack.Cluster;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.DemoUser;
import org.conclave.testing.KeycloakEvents;
import org.conclave.testing.PageSession;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Payara Micro instances in one Hazelcast cluster bound to the loopback interface, on the same PostgreSQL, behind
 * Debian's nginx terminating TLS (round robin), next to the stack's own instance: governed actions land on both and
 * make one gap-free chain, which a streaming replica of the database receives; the retention purge and Keycloak ingestion, running on every instance, act once; a
 * browser session made on one instance holds on the other and after its own instance is gone; the proxy's HSTS and
 * forwarded headers are honoured.
 */
@ExtendWith(RunningPortal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final int ACTIONS = 400;
    static final int CLIENTS = 16;
    static final String INSTANCE = "X-Conclave-Instance";

    static Portal portal;
    static Cluster cluster;
    static Tokens tokens;
    static SSLContext trust;
    static HttpClient https;

    @BeforeAll
    static void startCluster(Portal running) throws Exception {
        portal = running;
        tokens = new Tokens(running.keycloakUrl());
        cluster = running.cluster();
        trust = PageSession.sslContextTrusting(cluster.certificate());
        https = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(trust)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void concurrentGovernedActionsOnBothInstancesMakeOneGapFreeValidChain() throws Exception {
        String title = "Cluster " + UUID.randomUUID();
        String alice = tokens.withOtp(DemoUser.ALICE);
        Set<String> created = ConcurrentHashMap.newKeySet();
        Map<String, Integer> servedBy = new ConcurrentHashMap<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < ACTIONS; i++) {
            clients.submit(() -> {
                HttpResponse<String> response = schedule(alice, title, null);
                statuses.add(response.statusCode());
                response.headers().firstValue(INSTANCE).ifPresent(at -> servedBy.merge(at, 1, Integer::sum));
                if (response.statusCode() == 201) {
                    created.add(org.conclave.testing.Api.json(response).getString("id"));
                }
                return null;
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES));

        assertEquals(
                ACTIONS,
                created.size(),
                "every action acknowledged: " + statuses.stream().distinct().toList());
        assertEquals(2, servedBy.size(), "both instances served: " + servedBy);
        assertTrue(servedBy.values().stream().allMatch(n -> n >= ACTIONS / 4), "round robin: " + servedBy);
        assertEquals(
                0,
                count(
                        "SELECT count(*) FROM meeting m WHERE m.title = ? AND (SELECT count(*) FROM audit_event e"
                                + " WHERE e.action = 'meeting.schedule' AND e.target_id = m.id) <> 1",
                        title));
        assertEquals(ACTIONS, count("SELECT count(*) FROM meeting WHERE title = ?", title));

        JsonObject verification = sealedAndVerified();
        assertTrue(verification.getBoolean("valid"), verification.toString());
        assertEquals(
                count("SELECT max(seq) FROM audit_chain", null),
                count("SELECT count(*) FROM audit_chain", null),
                "one chain, no gap in its sequence numbers");
        long head = count("SELECT max(seq) FROM audit_chain", null);
        long replicated = 0;
        for (int i = 0; i < 100 && replicated < head; i++) {
            try (Connection replica = cluster.replica();
                    java.sql.Statement q = replica.createStatement();
                    ResultSet rs = q.executeQuery("SELECT pg_is_in_recovery(), max(seq) FROM audit_chain")) {
                rs.next();
                assertTrue(rs.getBoolean(1), "the replica is a standby");
                replicated = rs.getLong(2);
            }
            Thread.sleep(100);
        }
        assertEquals(head, replicated, "the streaming replica holds the chain up to its head");
        System.out.println("cluster: " + ACTIONS + " governed actions through the proxy, served by " + servedBy
                + "; chain valid through " + verification.getJsonNumber("verifiedThrough"));
    }

    @Test
    @Order(2)
    void theRetentionPurgeAndKeycloakIngestionActOnceAcrossInstances() throws Exception {
        long since = System.currentTimeMillis();
        String meeting = org.conclave.testing.Api.json(
                        schedule(tokens.withOtp(DemoUser.ALICE), "Purge " + UUID.randomUUID(), null))
                .getString("id");
        List<String> recordings = new ArrayList<>();
        try (Connection c = portal.superuser()) {
            for (int i = 0; i < 20; i++) {
                String id = "rec-cluster-" + UUID.randomUUID();
                Path file = portal.dataDirectory().resolve("recordings/" + meeting + "/" + id + ".mp4");
                Files.createDirectories(file.getParent());
                Files.write(file, new byte[] {1, 2, 3});
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO recording (id, meeting_id,"
                        + " notice_hash, purpose, location, retention_days, requested_by, authorised_at, state,"
                        + " file_path, size_bytes, sha256, finished_at, delete_after) VALUES (?, ?, ?, 'cluster test',"
                        + " 'store', 1, 'alice', now() - interval '3 days', 'finished', ?, 3, ?, now() - interval"
                        + " '2 days', now() - interval '1 day')")) {
                    insert.setString(1, id);
                    insert.setString(2, meeting);
                    insert.setString(3, "0".repeat(64));
                    insert.setString(4, meeting + "/" + id + ".mp4");
                    insert.setString(5, "0".repeat(64));
                    insert.executeUpdate();
                }
                recordings.add(id);
            }
        }
        KeycloakEvents keycloak = new KeycloakEvents(portal);
        for (int i = 0; i < 10; i++) {
            tokens.rawRequest(DemoUser.BOB, false);
        }

        String deleted = "SELECT count(*) FROM recording WHERE meeting_id = ? AND state = 'deleted'";
        for (int i = 0; i < 150 && count(deleted, meeting) < recordings.size(); i++) {
            Thread.sleep(200);
        }
        assertEquals(recordings.size(), count(deleted, meeting), "every due recording purged");
        assertEquals(
                0,
                count(
                        "SELECT count(*) FROM recording r WHERE r.meeting_id = ? AND (SELECT count(*) FROM audit_event e"
                                + " WHERE e.action = 'recording.deletion-certificate' AND e.target_id = r.id) <> 1",
                        meeting),
                "exactly one deletion certificate per recording, though three instances purge");

        List<String> signIns = keycloak.idsSince(since);
        assertTrue(signIns.size() >= 10, "sign-ins happened: " + signIns.size());
        for (int i = 0; i < 100 && !keycloak.allIngested(signIns); i++) {
            Thread.sleep(200);
        }
        assertTrue(keycloak.allIngested(signIns), "every Keycloak event ingested");
        assertEquals(0, keycloak.ingestedTwice(), "no Keycloak event twice");
    }

    @Test
    @Order(3)
    void theProxyTerminatesTlsWithHstsAndTheAuditLogNamesTheClientItForwardedFor() throws Exception {
        String requestId = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        String alice = tokens.withOtp(DemoUser.ALICE);
        String body = meetingJson("Forwarded " + requestId);
        // The client sits on 127.0.0.2 and claims to be 203.0.113.9: the proxy says who it saw.
        String raw = rawExchange(
                "POST /api/meetings HTTP/1.1\r\nHost: " + cluster.url().getAuthority()
                        + "\r\nAuthorization: Bearer " + alice + "\r\nContent-Type: application/json\r\nX-Request-Id: "
                        + requestId + "\r\nX-Forwarded-For: 203.0.113.9\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(raw.startsWith("HTTP/1.1 201"), raw);
        assertTrue(raw.contains("Strict-Transport-Security: max-age=63072000; includeSubDomains"), raw);
        assertFalse(raw.matches("(?s).*Server: nginx/[0-9].*"), "no version banner");
        assertTrue(
                raw.contains("Location: " + cluster.url() + "/api/meetings/"),
                "links use the scheme and address the proxy forwarded: " + raw);
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement("SELECT client_address FROM audit_event"
                        + " WHERE request_id = ? AND action = 'meeting.schedule'")) {
            q.setString(1, requestId);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "the scheduling was audited");
                assertEquals("127.0.0.2", rs.getString(1), "the client the proxy saw, not the claimed one");
            }
        }

        HttpResponse<String> metrics = https.send(
                HttpRequest.newBuilder(URI.create(cluster.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, metrics.statusCode(), "metrics are scraped from inside, not published");
        HttpResponse<String> page = https.send(
                HttpRequest.newBuilder(URI.create(cluster.url() + "/app/participant/invitations.xhtml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, page.statusCode());
        assertTrue(
                page.headers()
                        .firstValue("Location")
                        .orElseThrow()
                        .contains("redirect_uri="
                                + java.net.URLEncoder.encode(cluster.url() + "/signed-in", StandardCharsets.UTF_8)),
                "sign-in comes back through the proxy: " + page.headers().firstValue("Location"));
    }

    @Test
    @Order(4)
    void aBrowserSessionHoldsOnEitherInstanceAndOutlivesItsOwn() throws Exception {
        PageSession browser = PageSession.trusting(cluster.certificate());
        URI invitations = URI.create(cluster.url() + "/app/participant/invitations.xhtml");
        HttpResponse<String> signedIn = browser.signIn(invitations, DemoUser.BOB);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(
                signedIn.uri().toString().startsWith(cluster.url().toString()),
                signedIn.uri().toString());

        Set<String> servedBy = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> page = browser.open(invitations);
            assertEquals(200, page.statusCode());
            assertEquals(invitations, page.uri(), "still signed in, not sent to Keycloak");
            assertTrue(page.body().contains("id=\"user-name\">bob<"), "bob's own page");
            page.headers().firstValue(INSTANCE).ifPresent(servedBy::add);
        }
        assertEquals(2, servedBy.size(), "the session was used on both instances: " + servedBy);

        // A Faces postback (the language switch) needs the view state kept in the session by whichever instance
        // rendered the page; afterwards both instances show the choice, kept in the session too.
        HttpResponse<String> page = browser.open(invitations);
        java.util.regex.Matcher viewState = java.util.regex.Pattern.compile(
                        "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(viewState.find(), "the page carries its view state");
        HttpResponse<String> switched = browser.post(
                invitations,
                Map.of("session", "session", "session:lang-es", "ES", "jakarta.faces.ViewState", viewState.group(1)));
        assertTrue(switched.statusCode() == 200 || switched.statusCode() == 302, "postback: " + switched.statusCode());
        for (int i = 0; i < 2; i++) {
            assertTrue(browser.open(invitations).body().contains("lang=\"es\""), "Spanish on every instance");
        }

        cluster.stopInstance(0);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> after = browser.open(invitations);
            assertEquals(200, after.statusCode());
            assertEquals(invitations, after.uri(), "the session outlived the instance that made it");
        }
    }

    static String rawExchange(String request) throws Exception {
        try (SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", cluster.url().getPort()), 5000);
            socket.setSoTimeout(30_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static HttpResponse<String> schedule(String token, String title, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.url() + "/api/meetings"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(meetingJson(title)));
        try {
            return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String meetingJson(String title) {
        String start = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(3)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        return "{\"title\": \"" + title
                + "\", \"classification\": \"PUBLIC\", \"sharingLabel\": \"CLEAR\", \"start\": \"" + start
                + "\", \"timeZone\": \"UTC\", \"durationMinutes\": 30}";
    }

    static JsonObject sealedAndVerified() throws Exception {
        String dora = tokens.withOtp(DemoUser.DORA);
        for (int i = 0; i < 100; i++) {
            if (count(
                            "SELECT count(*) FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c"
                                    + " WHERE c.event_id = e.id)",
                            null)
                    == 0) {
                break;
            }
            Thread.sleep(200);
        }
        HttpResponse<String> response = https.send(
                HttpRequest.newBuilder(URI.create(cluster.url() + "/api/audit/verification"))
                        .header("Authorization", "Bearer " + dora)
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return org.conclave.testing.Api.json(response);
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
