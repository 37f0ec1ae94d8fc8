package org.conclave.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.AuditRows;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The compliance reports on the real stack over a scenario this class plays itself (meetings, admissions granted
 * and refused, Keycloak sign-ins): the PDF's text (read back with PDFBox) and the CSV carry the same counts as the
 * database, a tampered chain turns the attestation red, issued files are recognised by their SHA-256 and altered
 * ones are not, and a host cannot pull the organisation-wide pack.
 */
@ExtendWith(RunningPortal.class)
class ComplianceReportIT {

    static Portal portal;
    static Api api;
    /** The day the scenario ran (UTC): report periods and the database counts use the same days across midnight. */
    static LocalDate today;

    static Tokens tokens;
    static AuditRows audit;
    static Path out;

    @BeforeAll
    static void scenario(Portal running) throws Exception {
        today = LocalDate.now(ZoneOffset.UTC);
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
        audit = new AuditRows(running);
        out = Path.of("target", "reports-it");
        Files.createDirectories(out);
        String alice = tokens.withOtp(DemoUser.ALICE);
        String start = LocalDateTime.now(ZoneOffset.UTC)
                .plusMinutes(30)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> created = api.postJson(
                "/api/meetings",
                alice,
                """
                {"title": "Comité de crise — Łódź & Société Générale", "classification": "INTERNAL",
                 "sharingLabel": "GREEN", "start": "%s", "timeZone": "UTC", "durationMinutes": 30,
                 "invitees": ["bob", "carol"]}"""
                        .formatted(start));
        assertEquals(201, created.statusCode(), created.body());
        String meetingId = Api.json(created).getString("id");
        String passcode = Api.json(created).getString("passcode");
        assertEquals(
                200,
                api.postJson("/api/meetings/" + meetingId + "/admissions", alice, "")
                        .statusCode());
        HttpResponse<String> wrong = api.postJson(
                "/api/meetings/" + meetingId + "/admissions",
                tokens.withOtp(DemoUser.BOB),
                "{\"passcode\": \"000000000000\"}");
        assertTrue(wrong.statusCode() >= 400, wrong.body());
        HttpResponse<String> right = api.postJson(
                "/api/meetings/" + meetingId + "/admissions",
                tokens.withOtp(DemoUser.CAROL),
                "{\"passcode\": \"" + passcode + "\"}");
        assertTrue(right.statusCode() == 200 || right.statusCode() == 202, right.body());
        assertEquals(
                404,
                api.get("/api/meetings/" + meetingId, tokens.withOtp(DemoUser.ERIN))
                        .statusCode());
    }

    @Test
    void thePackStatesTheDatabaseCountsPerControlAndTheCsvAgrees() throws Exception {
        String dora = tokens.withOtp(DemoUser.DORA);
        JsonObject pdfJob = generate(dora, "compliance-pack", "pdf");
        byte[] pdf = download(dora, pdfJob.getString("id"));
        Files.write(out.resolve("compliance-pack.pdf"), pdf);
        String text = text(pdf);
        Files.writeString(out.resolve("compliance-pack.txt"), text);

        long expected = expectedAccessControlEvidence();
        assertEquals(expected, matrixCount(text, "5.15"), "5.15 evidence count in the control matrix");
        assertEquals(
                periodCount("SELECT count(*) FROM meeting WHERE starts_at >= ? AND starts_at < ?")
                        + periodCount("SELECT count(*) FROM audit_event WHERE occurred_at >= ? AND occurred_at < ?"
                                + " AND reason = 'policy-weakens-baseline'"),
                matrixCount(text, "5.12"),
                "5.12: meetings classified in the period and refused weakenings, as the database has them");
        assertTrue(text.contains("Audit chain verified") || text.contains("verified"), "integrity statement");
        assertFalse(text.contains("BROKEN"));
        assertTrue(text.contains("Łódź") || text.contains("Comité") || text.contains(pdfJob.getString("id")));

        JsonObject csvJob = generate(dora, "compliance-pack", "csv");
        String csv = new String(download(dora, csvJob.getString("id")), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("compliance-pack.csv"), csv);
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertTrue(records.size() > 93, "one row per control plus figures");
        assertEquals(
                expectedAccessControlEvidence(),
                csvCount(records, "5.15"),
                "the CSV states the same 5.15 count as the database (and so as the PDF)");
    }

    @Test
    void issuedFilesAreRecognisedByTheirHashAndAlteredOnesAreNot() throws Exception {
        String dora = tokens.withOtp(DemoUser.DORA);
        JsonObject job = generate(dora, "sharing-report", "pdf");
        byte[] pdf = download(dora, job.getString("id"));
        Files.write(out.resolve("sharing-report.pdf"), pdf);
        String sha = sha256(pdf);
        assertEquals(job.getString("sha256"), sha);
        JsonObject known = Api.json(api.get("/api/reports/verification?sha256=" + sha, tokens.withOtp(DemoUser.BOB)));
        assertTrue(known.getBoolean("issued"));
        assertEquals(job.getString("id"), known.getString("reportId"));
        assertEquals("dora", known.getString("issuedTo"));
        pdf[pdf.length / 2] ^= 1;
        JsonObject altered = Api.json(api.get("/api/reports/verification?sha256=" + sha256(pdf), dora));
        assertFalse(altered.getBoolean("issued"));
        assertEquals(1, audit.count("report.issue", "allowed", job.getString("id")));
        String recorded = audit.scalar(
                "SELECT details->>'sha256' FROM audit_event WHERE action = 'report.issue' AND target_id = ?",
                job.getString("id"));
        assertEquals(sha, recorded, "the file's SHA-256 is in the audit chain");
    }

    @Test
    void aTamperedChainTurnsTheAttestationRed() throws Exception {
        String dora = tokens.withOtp(DemoUser.DORA);
        long seq;
        String original;
        try (Connection c = portal.superuser();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.seq, e.action FROM audit_chain c JOIN audit_event e"
                        + " ON e.id = c.event_id ORDER BY c.seq DESC OFFSET 3 LIMIT 1")) {
            rs.next();
            seq = rs.getLong(1);
            original = rs.getString(2);
        }
        tamper("UPDATE audit_event SET action = 'meeting.forged' WHERE id = (SELECT event_id FROM audit_chain"
                + " WHERE seq = " + seq + ")");
        try {
            JsonObject job = generate(dora, "compliance-pack", "pdf");
            String text = text(download(dora, job.getString("id")));
            Files.writeString(out.resolve("compliance-pack-broken.txt"), text);
            assertTrue(text.contains("BROKEN"), "the attestation states the break");
            assertTrue(
                    text.contains(String.format("%,d", seq)) || text.contains(Long.toString(seq)),
                    "the first bad sequence " + seq + " is named");
        } finally {
            tamper("UPDATE audit_event SET action = '" + original + "' WHERE id = (SELECT event_id FROM audit_chain"
                    + " WHERE seq = " + seq + ")");
        }
        assertTrue(Api.json(api.get("/api/audit/verification", dora)).getBoolean("valid"));
    }

    @Test
    void aHostCannotPullTheOrganisationWidePackButGetsTheDossierOfTheirMeeting() throws Exception {
        String alice = tokens.withOtp(DemoUser.ALICE);
        HttpResponse<String> refused = api.postJson("/api/reports", alice, order("compliance-pack", "pdf", null));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("organisation-report-for-auditors", Api.json(refused).getString("rule"));
        String meetingId = audit.scalar(
                "SELECT id FROM meeting WHERE title LIKE ? ORDER BY created_at DESC LIMIT 1", "Comité de crise%");
        HttpResponse<String> dossier = api.postJson("/api/reports", alice, order("meeting-dossier", "pdf", meetingId));
        assertEquals(202, dossier.statusCode(), dossier.body());
        JsonObject job = await(alice, Api.json(dossier).getString("id"));
        String text = text(download(alice, job.getString("id")));
        Files.writeString(out.resolve("meeting-dossier.txt"), text);
        assertTrue(text.contains("admission.request"), text);
        assertEquals(
                403,
                api.get("/api/reports/" + job.getString("id") + "/status", tokens.withOtp(DemoUser.BOB))
                        .statusCode(),
                "participants have no reports");
        HttpResponse<String> bobsDossier =
                api.postJson("/api/reports", tokens.withOtp(DemoUser.BOB), order("meeting-dossier", "pdf", meetingId));
        assertEquals(403, bobsDossier.statusCode(), bobsDossier.body());
    }

    static JsonObject generate(String token, String kind, String format) throws Exception {
        HttpResponse<String> accepted = api.postJson("/api/reports", token, order(kind, format, null));
        assertEquals(202, accepted.statusCode(), accepted.body());
        return await(token, Api.json(accepted).getString("id"));
    }

    static JsonObject await(String token, String id) throws Exception {
        JsonObject status = null;
        for (int i = 0; i < 600; i++) {
            status = Api.json(api.get("/api/reports/" + id + "/status", token));
            if (status.getString("state").equals("done")
                    || status.getString("state").equals("failed")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("done", status.getString("state"), status.toString());
        return status;
    }

    static String order(String kind, String format, String meetingId) {
        return "{\"kind\": \"" + kind + "\", \"format\": \"" + format + "\", \"from\": \"" + today.minusDays(1)
                + "\", \"to\": \"" + today.plusDays(1) + "\""
                + (meetingId == null ? "" : ", \"meetingId\": \"" + meetingId + "\"") + "}";
    }

    static byte[] download(String token, String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url() + "/api/reports/" + id))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/pdf, text/csv")
                .build();
        HttpResponse<byte[]> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The 5.15 figures as the database has them for the same period (admissions, decisions, object refusals). */
    static long expectedAccessControlEvidence() throws Exception {
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM audit_event WHERE occurred_at >= ?"
                        + " AND occurred_at < ? AND ((action = 'admission.request')"
                        + " OR (action IN ('admission.decide', 'registration.decide') AND outcome = 'allowed')"
                        + " OR (outcome = 'refused' AND reason IN ('not-found', 'not-meeting-manager')))")) {
            q.setObject(1, today.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            q.setObject(2, today.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long periodCount(String sql) throws Exception {
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, today.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            q.setObject(2, today.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long matrixCount(String text, String control) {
        Matcher row = Pattern.compile("(?m)^" + Pattern.quote(control) + " .*?([0-9][0-9,]*)\\s*$")
                .matcher(text);
        assertTrue(row.find(), "a matrix row for " + control);
        return Long.parseLong(row.group(1).replace(",", ""));
    }

    static long csvCount(List<CSVRecord> records, String control) {
        for (CSVRecord record : records) {
            if (record.get("section").equals("control")
                    && record.get("control_id").equals(control)) {
                return Long.parseLong(record.get("evidence_count"));
            }
        }
        throw new AssertionError("no CSV row for " + control);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void tamper(String sql) throws Exception {
        try (Connection su = portal.superuser();
                Statement s = su.createStatement()) {
            su.setAutoCommit(false);
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute(sql);
            s.execute("ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_immutable;"
                    + " ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_truncate");
            su.commit();
        }
    }
}
