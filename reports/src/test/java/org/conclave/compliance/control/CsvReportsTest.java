package org.conclave.compliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.conclave.compliance.entity.AlertKind;
import org.conclave.compliance.entity.Annex;
import org.conclave.compliance.entity.CatalogControl;
import org.conclave.compliance.entity.CompliancePack;
import org.conclave.compliance.entity.ExceptionGrant;
import org.conclave.compliance.entity.PolicyChange;
import org.conclave.compliance.entity.Scope;
import org.conclave.compliance.entity.SecurityAlert;
import org.junit.jupiter.api.Test;

class CsvReportsTest {

    private static final CsvReports CSV = new CsvReports(Samples.CATALOG);

    @Test
    void packCarriesTheSameFiguresAsThePdf() throws IOException {
        CompliancePack pack = Samples.pack(Samples.intact());
        List<CSVRecord> rows = parse(bytes(out -> CSV.compliancePack(pack, out)), CsvReports.PACK_COLUMNS);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Rendition rendition = new PdfReports(Samples.CATALOG).compliancePack(pack, pdf);
        String pdfText = PdfText.read(pdf.toByteArray()).text();

        Map<String, CSVRecord> controls = rows.stream()
                .filter(r -> r.get("section").equals("control"))
                .collect(Collectors.toMap(r -> r.get("control_id"), Function.identity()));
        assertEquals(93, controls.size());
        for (CatalogControl control : Samples.CATALOG.controls()) {
            CSVRecord row = controls.get(control.id());
            long count = control.scope() == Scope.OUT_OF_SCOPE ? 0 : Samples.count(control);
            assertEquals(Long.toString(count), row.get("evidence_count"), control.id());
            assertEquals(control.title(), row.get("title"));
            assertEquals(String.join(", ", control.iso2013Ids()), row.get("iso27002_2013"));
            assertTrue(pdfText.contains(row.get("status")));
        }
        assertEquals("partially evidenced", controls.get("5.36").get("status"));
        assertEquals("not evidenced", controls.get(Samples.NOT_COLLECTED).get("status"));
        assertEquals("out of scope", controls.get("8.8").get("status"));

        List<CSVRecord> figures =
                rows.stream().filter(r -> r.get("section").equals("figure")).toList();
        assertTrue(figures.size() > 100);
        for (CSVRecord figure : figures) {
            assertTrue(
                    pdfText.contains(figure.get("figure") + " " + figure.get("value")),
                    figure.get("control_id") + " " + figure.get("figure"));
        }
        Map<String, String> report = rows.stream()
                .filter(r -> r.get("section").equals("report"))
                .collect(Collectors.toMap(r -> r.get("figure"), r -> r.get("value")));
        assertEquals(rendition.dataSha256(), report.get("data sha-256"));
        assertEquals(Samples.ORGANISATION, report.get("organisation"));
        assertEquals(Samples.CATALOG.version(), report.get("catalog version"));
        Map<String, String> integrity = rows.stream()
                .filter(r -> r.get("section").equals("integrity"))
                .collect(Collectors.toMap(r -> r.get("figure"), r -> r.get("value")));
        assertEquals("yes", integrity.get("chain verified"));
        assertEquals("48213", integrity.get("events checked"));
        assertTrue(pdfText.contains(String.format(Locale.UK, "%,d", 48213)));
    }

    @Test
    void neutralisesFormulasInTextCells() throws IOException {
        Instant at = Instant.parse("2025-03-01T10:00:00Z");
        String dde = "=cmd|' /C calc'!A0";
        CompliancePack pack = new CompliancePack(
                Samples.heading("CR-1"),
                Samples.period(),
                Samples.intact(),
                List.of(),
                new Annex(
                        List.of(new ExceptionGrant(at, "@SUM(A1:A9)", "-2+3", "+1", dde)),
                        List.of(new PolicyChange(at, "\tTab", "SECRET", "token-lifetime-seconds", "-1", "\rCR")),
                        List.of(new SecurityAlert(
                                at, AlertKind.CONSENT_BREACH, "Plain, \"quoted\"\nmeeting", "=1+1", "ok"))));
        List<CSVRecord> rows = parse(bytes(out -> CSV.complianceAnnex(pack, out)), CsvReports.ANNEX_COLUMNS);
        assertEquals(3, rows.size());
        CSVRecord exception = rows.get(0);
        assertEquals("'" + dde, exception.get("detail"));
        assertEquals("'@SUM(A1:A9)", exception.get("meeting"));
        assertEquals("'+1", exception.get("actor"));
        assertEquals("'-2+3", exception.get("subject"));
        CSVRecord change = rows.get(1);
        assertEquals("'\tTab", change.get("actor"));
        assertEquals("'-1", change.get("before"));
        assertEquals("'\rCR", change.get("after"));
        CSVRecord alert = rows.get(2);
        assertEquals("Plain, \"quoted\"\nmeeting", alert.get("meeting"));
        assertEquals("'=1+1", alert.get("subject"));
        assertEquals("consent breach", alert.get("annex"));
    }

    @Test
    void writesRfc4180() {
        CompliancePack pack = new CompliancePack(
                Samples.heading("CR-2"),
                Samples.period(),
                Samples.intact(),
                List.of(),
                new Annex(
                        List.of(new ExceptionGrant(
                                Instant.parse("2025-03-01T10:00:00Z"), "a,b", "say \"hi\"", "x", "line 1\nline 2")),
                        List.of(),
                        List.of()));
        String csv = new String(bytes(out -> CSV.complianceAnnex(pack, out)), StandardCharsets.UTF_8);
        assertEquals(
                "annex,time,meeting,actor,subject,before,after,detail\r\n"
                        + "exception granted,2025-03-01 11:00:00 +01:00,\"a,b\",x,\"say \"\"hi\"\"\",,,\"line 1\nline 2\"\r\n",
                csv);
    }

    @Test
    void sharingReportParsesBack() throws IOException {
        List<CSVRecord> rows =
                parse(bytes(out -> CSV.sharingReport(Samples.sharing(), out)), CsvReports.SHARING_COLUMNS);
        Map<String, String> red = rows.stream()
                .filter(r -> r.get("section").equals("label") && r.get("label").equals("TLP:RED"))
                .collect(Collectors.toMap(r -> r.get("figure"), r -> r.get("value")));
        assertEquals(Map.of("meetings", "4", "refusals", "3"), red);
        assertEquals(
                "0",
                rows.stream()
                        .filter(r -> r.get("label").equals("TLP:GREEN")
                                && r.get("figure").equals("meetings"))
                        .findFirst()
                        .orElseThrow()
                        .get("value"));
        assertEquals(
                23,
                rows.stream()
                        .filter(r -> r.get("section").equals("clause")
                                && r.get("figure").equals("evidence count"))
                        .count());
        assertTrue(rows.stream().anyMatch(r -> r.get("participant").equals("Łukasz Wróbel")));
    }

    @Test
    void dossierStreamsEveryEntry() throws IOException {
        List<CSVRecord> rows = parse(
                bytes(out -> CSV.meetingDossier(Samples.dossier(), Samples.timeline(1_000), out)),
                CsvReports.DOSSIER_COLUMNS);
        assertEquals(1_000, rows.size());
        assertEquals("timeline row 1000", rows.get(999).get("detail"));
        assertEquals("2025-03-20 09:00:00 +01:00", rows.get(0).get("time"));
    }

    private interface Writing {
        void to(ByteArrayOutputStream out);
    }

    private static byte[] bytes(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toByteArray();
    }

    private static List<CSVRecord> parse(byte[] csv, String[] columns) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", columns) + "\r\n"), "header row");
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (var parser = format.parse(new StringReader(text))) {
            assertEquals(List.of(columns), parser.getHeaderNames());
            return parser.getRecords();
        }
    }
}
