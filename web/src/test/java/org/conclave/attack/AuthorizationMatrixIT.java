package org.conclave.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint, called by every kind of caller about the same objects, against the expected table kept as test
 * data ({@code attack/authorization-matrix.csv}): anonymous, a participant invited to the meeting, one not invited,
 * one from a partner organisation, the host who owns it, another host, an auditor, an admin. Each row gets fresh
 * objects (a meeting of alice's with bob invited, his registration and lobby admission, an authorised recording,
 * an exception request, a dossier report), and the owner calls last, so a refusal never hides behind an earlier
 * change. Someone else's objects must answer 404, not 403. The observed table is written to
 * {@code target/authorization-matrix-observed.csv}.
 */
@ExtendWith(RunningPortal.class)
class AuthorizationMatrixIT {

    enum Who {
        ANONYMOUS(null),
        UNINVITED(DemoUser.CAROL),
        PARTNER(DemoUser.ERIN),
        OTHER_HOST(DemoUser.HUGO),
        AUDITOR(DemoUser.DORA),
        ADMIN(DemoUser.ADAM),
        INVITED(DemoUser.BOB),
        OWNER(DemoUser.ALICE);

        final DemoUser user;

        Who(DemoUser user) {
            this.user = user;
        }
    }

    /** The columns of the expected table, in the order the file lists them. */
    static final List<Who> COLUMNS = List.of(
            Who.ANONYMOUS, Who.INVITED, Who.UNINVITED, Who.PARTNER, Who.OWNER, Who.OTHER_HOST, Who.AUDITOR, Who.ADMIN);

    static Portal portal;
    static Api api;
    static Tokens tokens;

    @BeforeAll
    static void connect(Portal running) {
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
    }

    record Row(String method, String path, String body, Map<Who, String> expected) {}

    @Test
    void everyCallerGetsExactlyWhatTheTableSays() throws IOException {
        List<Row> rows = table();
        List<String> deviations = new ArrayList<>();
        StringBuilder observed = new StringBuilder("method,path,body,"
                + String.join(
                        ",", COLUMNS.stream().map(w -> w.name().toLowerCase()).toList()) + "\n");
        int cells = 0;
        for (Row row : rows) {
            Map<String, String> fixture = fixture();
            Map<Who, Integer> statuses = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                int status = call(row, who, fixture);
                statuses.put(who, status);
                cells++;
                String expected = row.expected().get(who);
                if (!expected.equals(Integer.toString(status))) {
                    deviations.add(row.method() + " " + row.path() + " as " + who + ": expected " + expected + ", got "
                            + status);
                }
            }
            observed.append(row.method())
                    .append(',')
                    .append(row.path())
                    .append(',')
                    .append(row.body().isEmpty() ? "" : "\"" + row.body().replace("\"", "\"\"") + "\"");
            COLUMNS.forEach(w -> observed.append(',').append(statuses.get(w)));
            observed.append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "authorization-matrix-observed.csv"), observed);
        System.out.println("authorization matrix: " + rows.size() + " endpoints, " + cells + " cells, "
                + deviations.size() + " deviations");
        assertEquals(List.of(), deviations, "deviations from the expected authorisation table");
    }

    private static int call(Row row, Who who, Map<String, String> fixture) {
        String token = who.user == null ? null : tokens.withOtp(who.user);
        String path = fill(row.path(), fixture);
        String body = row.body().isEmpty() ? null : fill(row.body(), fixture);
        HttpResponse<String> response =
                switch (row.method()) {
                    case "GET" -> path.endsWith(".ics") ? api.get(path, token, "text/calendar") : api.get(path, token);
                    default -> api.send(row.method(), path, token, body == null ? null : "application/json", body);
                };
        if (response.statusCode() >= 500) {
            throw new AssertionError(row.method() + " " + path + " as " + who + ": " + response.body());
        }
        return response.statusCode();
    }

    private static String fill(String text, Map<String, String> fixture) {
        String filled = text;
        for (Map.Entry<String, String> e : fixture.entrySet()) {
            filled = filled.replace("{" + e.getKey() + "}", e.getValue());
        }
        return filled;
    }

    /** Fresh objects for one row: alice's meeting with bob invited, and everything hanging off it. */
    private static Map<String, String> fixture() {
        Map<String, String> f = new LinkedHashMap<>();
        String alice = tokens.withOtp(DemoUser.ALICE);
        String bob = tokens.withOtp(DemoUser.BOB);
        String start = LocalDateTime.now(ZoneOffset.UTC)
                .plusMinutes(30)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        var meeting = Api.json(created(api.postJson(
                "/api/meetings",
                alice,
                """
                {"title": "Matrix", "classification": "INTERNAL", "sharingLabel": "AMBER", "start": "%s",
                 "timeZone": "UTC", "durationMinutes": 30, "invitees": ["bob"]}"""
                        .formatted(start))));
        f.put("meeting", meeting.getString("id"));
        f.put("passcode", meeting.getString("passcode"));
        f.put("start", start);
        f.put(
                "registration",
                Api.json(created(api.postJson("/api/meetings/" + f.get("meeting") + "/registrations", bob, "")))
                        .getString("id"));
        created(api.postJson("/api/meetings/" + f.get("meeting") + "/admissions", alice, ""));
        f.put(
                "admission",
                Api.json(created(api.postJson(
                                "/api/meetings/" + f.get("meeting") + "/admissions",
                                bob,
                                "{\"passcode\": \"" + f.get("passcode") + "\"}")))
                        .getString("admissionId"));
        var recording = Api.json(created(api.postJson(
                "/api/meetings/" + f.get("meeting") + "/recordings",
                alice,
                "{\"purpose\": \"Minutes\", \"retentionDays\": 30}")));
        f.put("recording", recording.getString("id"));
        f.put("noticeHash", recording.getString("noticeHash"));
        f.put("expires", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        f.put(
                "exception",
                Api.json(created(api.postJson(
                                "/api/meetings/" + f.get("meeting") + "/exceptions",
                                alice,
                                "{\"setting\": \"waiting-room\", \"value\": false, \"justification\": \"Board members"
                                        + " join directly\", \"expiresAt\": \"" + f.get("expires") + "\"}")))
                        .getString("id"));
        f.put("today", LocalDate.now(ZoneOffset.UTC).toString());
        f.put(
                "report",
                Api.json(created(api.postJson(
                                "/api/reports",
                                alice,
                                "{\"kind\": \"meeting-dossier\", \"from\": \"" + f.get("today") + "\", \"to\": \""
                                        + f.get("today") + "\", \"meetingId\": \"" + f.get("meeting") + "\"}")))
                        .getString("id"));
        return f;
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new AssertionError("fixture: " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/attack/authorization-matrix.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = csv(line);
                Map<Who, String> expected = new EnumMap<>(Who.class);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    expected.put(COLUMNS.get(i), cells.get(3 + i));
                }
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), expected));
            }
        }
        return rows;
    }

    /** One line of RFC 4180 CSV (quoted fields with doubled quotes). */
    static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
