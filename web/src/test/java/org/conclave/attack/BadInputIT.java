package org.conclave.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed, hostile and absurd input against every operation of the OpenAPI document, with the tokens of every
 * role (seeded, so repeatable): never a 5xx, every error a problem+json document without a stack trace, the database
 * unchanged by every refused request, and every refused request to change something audited exactly once (found by
 * the request id the portal gave it).
 */
@ExtendWith(RunningPortal.class)
class BadInputIT {

    static final int VARIANTS = 20;
    static Api api;
    static Portal portal;
    static java.sql.Connection database;
    static List<String> callers = new ArrayList<>();
    static String meetingId;
    static int rawRefusals;
    static long refusalsAudited;
    static final java.util.Set<String> CHANGING = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Every operation of the portal's own OpenAPI document (MicroProfile OpenAPI at /openapi). */
    static List<String> endpoints = new ArrayList<>();

    static final String[] STRINGS = {
        "",
        "\u0000",
        "\u202Eevil\u202C",
        "e\u0301\u0301\u0301",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "%2e%2e%2f",
        "A".repeat(5000),
        "9999-99-99T99:99",
        "-1",
        "NaN",
        "1e309",
        "{}",
        "[]",
        "\uD800",
        "=cmd|' /C calc'!A0",
        "null",
        "true"
    };

    static final String[] BODIES = {
        "",
        "{",
        "{\"title\":",
        "[]",
        "null",
        "42",
        "\"text\"",
        "{\"title\": 5, \"start\": [], \"invitees\": \"bob\"}",
        "{\"settings\": {\"passcode-min-length\": 1.5, \"unknown\": true}}",
        "{\"decision\": {\"$ne\": null}}",
        "{\"subject\": 12}",
        "{\"passcode\": [1,2]}",
        "{\"baseUrl\": \"javascript:alert(1)\"}",
        "{\"title\": \"x\", \"classification\": \"SECRET\", \"sharingLabel\": \"RED\", \"start\": \"1970-01-01T00:00\","
                + " \"timeZone\": \"UTC\", \"durationMinutes\": 2147483647}",
        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"
    };

    @BeforeAll
    static void connect(Portal running) {
        portal = running;
        api = new Api(portal.url());
        try {
            database = running.superuser();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Tokens tokens = new Tokens(portal.keycloakUrl());
        callers.add(null);
        callers.add("not.a.token");
        for (DemoUser user : DemoUser.values()) {
            callers.add(tokens.withOtp(user));
        }
        callers.add(tokens.passwordOnly(DemoUser.BOB));
        HttpResponse<String> openApi = api.get("/openapi", null);
        assertEquals(200, openApi.statusCode());
        Api.json(openApi).getJsonObject("paths").forEach((path, operations) -> operations
                .asJsonObject()
                .keySet()
                .forEach(method -> endpoints.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        String start =
                LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        HttpResponse<String> created = api.postJson(
                "/api/meetings",
                tokens.withOtp(DemoUser.ALICE),
                """
                {"title": "Fuzz target", "classification": "INTERNAL", "sharingLabel": "GREEN", "start": "%s",
                 "timeZone": "UTC", "durationMinutes": 30, "invitees": ["bob"]}"""
                        .formatted(start));
        meetingId = Api.json(created).getString("id");
    }

    @Test
    void noRequestEverGetsA5xxOrAStackTrace() {
        Random random = new Random(20261123L);
        int sent = 0;
        List<String> failures = new ArrayList<>();
        String state = fingerprint();
        assertTrue(endpoints.size() >= 38, "the OpenAPI document lists " + endpoints.size() + " operations");
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (String caller : callers) {
                for (int i = 0; i < VARIANTS; i++) {
                    String path = template.replace(
                                    "{id}",
                                    template.startsWith("/api/meetings") && i % 3 == 0
                                            ? meetingId
                                            : encode(pick(random, STRINGS)))
                            .replace("{classification}", i % 2 == 0 ? "SECRET" : encode(pick(random, STRINGS)))
                            .replaceAll("\\{[a-zA-Z]+\\}", encode(pick(random, STRINGS)));
                    if (i % 6 == 5) {
                        path += "?from=" + encode(pick(random, STRINGS)) + "&limit=" + encode(pick(random, STRINGS))
                                + "&before=" + encode(pick(random, STRINGS));
                    }
                    String body = method.equals("GET") || method.equals("DELETE") ? null : pick(random, BODIES);
                    String type = i % 6 == 4 ? "text/plain" : i % 9 == 7 ? "application/xml" : "application/json";
                    HttpResponse<String> response = sendOnce(method, path, caller, body == null ? null : type, body);
                    sent++;
                    String after = fingerprint();
                    if (response.statusCode() >= 400 && !after.equals(state)) {
                        failures.add(method + " " + path + " was refused (" + response.statusCode()
                                + ") but changed the database");
                    }
                    state = after;
                    check(method + " " + path, response, failures);
                    if (CHANGING.contains(method)
                            && response.statusCode() >= 400
                            && response.statusCode() < 500
                            && !response.body().isEmpty()) {
                        long recorded = refusalsRecorded(response);
                        refusalsAudited += recorded;
                        if (recorded != 1) {
                            failures.add(method + " " + path + " was refused (" + response.statusCode() + ") and "
                                    + recorded + " refusals were audited for it instead of 1");
                        }
                    }
                }
            }
        }
        assertTrue(sent >= 10_000, "sent " + sent);
        System.out.println("BadInputIT: " + sent + " requests, 0 with status 5xx allowed; " + rawRefusals
                + " refused by the HTTP server before routing (NUL or encoded slash in the URL, request line too long);"
                + " " + refusalsAudited + " refused requests to change something, each audited once");
        assertEquals(List.of(), failures, failures.size() + " of " + sent + " responses broke the rules");
    }

    /**
     * A fingerprint of every table a governed action writes (the audit log aside: refusals are audited): row counts,
     * decisions taken, meeting versions. A refused request must leave it as it was.
     */
    private static String fingerprint() {
        try (java.sql.Statement s = database.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT concat_ws('|',"
                        + " (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM meeting),"
                        + " (SELECT count(*) FROM meeting_invitation), (SELECT count(*) FROM meeting_cohost),"
                        + " (SELECT count(*) || ':' || count(decided_at) FROM registration),"
                        + " (SELECT count(*) || ':' || count(decided_at) FROM admission),"
                        + " (SELECT count(*) || ':' || count(lifted_at) FROM ban),"
                        + " (SELECT count(*) || ':' || count(decided_at) FROM policy_exception),"
                        + " (SELECT count(*) FROM policy_baseline_version),"
                        + " (SELECT md5(string_agg(base_url || e2ee_capable || on_premise_turn"
                        + " || on_premise_recording_store, ',')) FROM video_platform),"
                        + " (SELECT count(*) || ':' || count(finished_at) FROM recording),"
                        + " (SELECT count(*) FROM recording_notice), (SELECT count(*) FROM recording_consent),"
                        + " (SELECT count(*) || ':' || count(lifted_at) FROM legal_hold),"
                        + " (SELECT count(*) FROM mail_outbox), (SELECT count(*) FROM report_job))")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The refusals the audit log holds for this request, found by the id the portal gave it. */
    private static long refusalsRecorded(HttpResponse<String> response) {
        String requestId = response.headers().firstValue("X-Request-Id").orElse("");
        try (java.sql.PreparedStatement q = database.prepareStatement(
                "SELECT count(*) FROM audit_event WHERE request_id = ? AND outcome = 'refused'")) {
            q.setString(1, requestId);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void disconnect() throws java.sql.SQLException {
        database.close();
    }

    @Test
    void absurdlyLongUrlsAndBodiesAreRefusedWithout5xx() {
        String alice = callers.get(2);
        HttpResponse<String> longPath = api.get("/api/meetings/" + "A".repeat(20_000), alice);
        assertTrue(longPath.statusCode() >= 400 && longPath.statusCode() < 500, "status " + longPath.statusCode());
        HttpResponse<String> hugeBody =
                api.postJson("/api/meetings", alice, "{\"title\": \"" + "x".repeat(2_000_000) + "\"}");
        assertTrue(hugeBody.statusCode() == 413 || hugeBody.statusCode() == 400, "status " + hugeBody.statusCode());
    }

    /**
     * After refusing a malformed request the server may close the connection; a client then sends its next request on
     * a fresh connection. A request that fails twice counts as a dropped connection.
     */
    private static HttpResponse<String> sendOnce(String method, String path, String caller, String type, String body) {
        try {
            return api.send(method, path, caller, type, body);
        } catch (IllegalStateException closedByServer) {
            return api.send(method, path, caller, type, body);
        }
    }

    private static void check(String request, HttpResponse<String> response, List<String> failures) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            failures.add(status + " " + request + " " + abbreviate(body));
        } else if (status == 400 && body.isEmpty() && refusedBeforeRouting(request)) {
            rawRefusals++;
        } else if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add("not problem+json (" + type + "): " + status + " " + request);
            }
            if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")) {
                failures.add("stack trace: " + status + " " + request);
            }
        }
        assertFalse(response.headers().firstValue("Server").orElse("").contains("Payara"), "server banner");
    }

    /**
     * The HTTP server itself refuses NUL bytes and encoded slashes in URLs, and request lines over its limit, with a
     * bare 400 before any routing (so no application code, and no problem document, is involved).
     */
    private static boolean refusedBeforeRouting(String request) {
        String path = request.contains("?") ? request.substring(0, request.indexOf('?')) : request;
        return request.contains("%00") || path.contains("%2F") || path.contains("%5C") || request.length() > 2048;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
