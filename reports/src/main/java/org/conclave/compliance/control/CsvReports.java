package org.conclave.compliance.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conclave.compliance.control.PackView.MatrixRow;
import org.conclave.compliance.control.PackView.SectionRow;
import org.conclave.compliance.entity.CompliancePack;
import org.conclave.compliance.entity.ControlCatalog;
import org.conclave.compliance.entity.MeetingDossier;
import org.conclave.compliance.entity.SharingReport;
import org.conclave.compliance.entity.TimelineEntry;

/**
 * Writes the reports as CSV (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote
 * or line break; UTF-8) from the same worded rows as the PDF. Numbers are written as numbers; every text cell that
 * a spreadsheet would read as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return) gets a leading {@code '}, so it is shown, never run. The output stream is flushed, not closed.
 */
public final class CsvReports {

    static final String[] PACK_COLUMNS = {
        "section",
        "control_id",
        "title",
        "theme",
        "iso27002_2013",
        "scope",
        "status",
        "evidence_count",
        "figure",
        "value"
    };
    static final String[] ANNEX_COLUMNS = {"annex", "time", "meeting", "actor", "subject", "before", "after", "detail"};
    static final String[] SHARING_COLUMNS = {
        "section",
        "label",
        "organisation",
        "time",
        "meeting",
        "participant",
        "handling",
        "clause",
        "topic",
        "scope",
        "status",
        "figure",
        "value"
    };
    static final String[] DOSSIER_COLUMNS = {"meeting_id", "time", "kind", "actor", "outcome", "detail"};

    private final ControlCatalog catalog;

    public CsvReports(ControlCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The compliance pack: its heading ({@code report} rows), the integrity attestation ({@code integrity}), one
     * {@code control} row per control of the matrix, then each control's {@code figure} and {@code example} rows
     * carrying the control's columns again.
     */
    public void compliancePack(CompliancePack pack, OutputStream csv) {
        PackView view = PackView.of(catalog, pack);
        write(csv, PACK_COLUMNS, out -> {
            Heading heading = view.heading();
            for (var line : headingLines(heading, DataDigest.of(view))) {
                out.printRecord(row(PACK_COLUMNS.length, 0, "report", 8, line.label(), 9, line.value()));
            }
            PackView.IntegrityView integrity = view.integrity();
            List<Object[]> attestation = List.of(
                    new Object[] {"chain verified", integrity.verified() ? "yes" : "no"},
                    new Object[] {"statement", integrity.statement()},
                    new Object[] {"first sequence checked", integrity.firstSequence()},
                    new Object[] {"last sequence checked", integrity.lastSequence()},
                    new Object[] {"events checked", integrity.eventsChecked()},
                    new Object[] {"checkpoints verified", integrity.checkpointsVerified()},
                    new Object[] {
                        "first bad sequence", integrity.firstBadSequence().orElse(null)
                    },
                    new Object[] {"reason", integrity.reason()});
            for (Object[] line : attestation) {
                out.printRecord(row(PACK_COLUMNS.length, 0, "integrity", 8, line[0], 9, line[1]));
            }
            for (MatrixRow control : view.matrix()) {
                out.printRecord(control(control, "control", "", ""));
            }
            Map<String, MatrixRow> matrix =
                    view.matrix().stream().collect(Collectors.toMap(MatrixRow::id, Function.identity()));
            for (SectionRow section : view.sections()) {
                MatrixRow control = matrix.get(section.id());
                for (var figure : section.figures()) {
                    out.printRecord(control(control, "figure", figure.label(), figure.value()));
                }
                for (var example : section.examples()) {
                    out.printRecord(control(control, "example", "example", example.text()));
                }
            }
        });
    }

    /** The compliance pack's annex: exceptions granted, policy changes and alerts, one row each. */
    public void complianceAnnex(CompliancePack pack, OutputStream csv) {
        PackView view = PackView.of(catalog, pack);
        write(csv, ANNEX_COLUMNS, out -> {
            for (var e : view.exceptions()) {
                out.printRecord(
                        cell("exception granted"),
                        cell(e.time()),
                        cell(e.meeting()),
                        cell(e.grantedBy()),
                        cell(e.setting()),
                        "",
                        "",
                        cell(e.reason()));
            }
            for (var c : view.policyChanges()) {
                out.printRecord(
                        cell("policy change"),
                        cell(c.time()),
                        "",
                        cell(c.changedBy()),
                        cell(c.baseline() + " " + c.setting()),
                        cell(c.before()),
                        cell(c.after()),
                        "");
            }
            for (var a : view.alerts()) {
                out.printRecord(
                        cell(a.kind()),
                        cell(a.time()),
                        cell(a.meeting()),
                        "",
                        cell(a.subject()),
                        "",
                        "",
                        cell(a.detail()));
            }
        });
    }

    /**
     * The sharing report: {@code report} rows, then per label its {@code meetings} and {@code refusals}, per
     * organisation its {@code participants} and {@code meetings}, each {@code external participant} handling event,
     * and each {@code clause} with its status, evidence count and figures.
     */
    public void sharingReport(SharingReport report, OutputStream csv) {
        SharingView view = SharingView.of(catalog, report);
        int width = SHARING_COLUMNS.length;
        write(csv, SHARING_COLUMNS, out -> {
            for (var line : headingLines(view.heading(), DataDigest.of(view))) {
                out.printRecord(row(width, 0, "report", 11, line.label(), 12, line.value()));
            }
            for (var label : view.labels()) {
                out.printRecord(row(width, 0, "label", 1, label.label(), 11, "meetings", 12, label.meetings()));
                out.printRecord(row(width, 0, "label", 1, label.label(), 11, "refusals", 12, label.refusals()));
            }
            for (var org : view.organisations()) {
                out.printRecord(row(
                        width, 0, "organisation", 2, org.organisation(), 11, "participants", 12, org.participants()));
                out.printRecord(
                        row(width, 0, "organisation", 2, org.organisation(), 11, "meetings", 12, org.meetings()));
            }
            for (var h : view.externalParticipants()) {
                out.printRecord(row(
                        width,
                        0,
                        "external participant",
                        1,
                        h.label(),
                        2,
                        h.organisation(),
                        3,
                        h.time(),
                        4,
                        h.meeting(),
                        5,
                        h.participant(),
                        6,
                        h.handling()));
            }
            for (var c : view.clauses()) {
                Object[] clause = {0, "clause", 7, c.clause(), 8, c.topic(), 9, c.scope(), 10, c.status()};
                out.printRecord(row(width, append(clause, 11, "evidence count", 12, c.evidenceCount())));
                for (var figure : c.figureRows()) {
                    out.printRecord(row(width, append(clause, 11, figure.label(), 12, figure.value())));
                }
            }
        });
    }

    /** One meeting's timeline, read and written one entry at a time. */
    public void meetingDossier(MeetingDossier dossier, Iterator<TimelineEntry> timeline, OutputStream csv) {
        Wording wording = new Wording(dossier.heading().zone());
        String meetingId = dossier.meeting().meetingId();
        write(csv, DOSSIER_COLUMNS, out -> {
            while (timeline.hasNext()) {
                DossierView.TimelineRow row = DossierView.row(wording, timeline.next());
                out.printRecord(
                        cell(meetingId),
                        cell(row.time()),
                        cell(row.kind()),
                        cell(row.actor()),
                        cell(row.outcome()),
                        cell(row.detail()));
            }
        });
    }

    /** A text cell a spreadsheet shows as text: a leading {@code '} before anything it would run as a formula. */
    static String cell(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private record Line(String label, String value) {}

    private static List<Line> headingLines(Heading heading, String sha) {
        return List.of(
                new Line("report", heading.title()),
                new Line("organisation", heading.organisation()),
                new Line("report id", heading.reportId()),
                new Line("classification", heading.marking()),
                new Line("period from", heading.periodFrom()),
                new Line("period to", heading.periodTo()),
                new Line("generated at", heading.generatedAt()),
                new Line("generated by", heading.generatedBy()),
                new Line("catalog version", heading.catalogVersion()),
                new Line("data sha-256", sha));
    }

    private static Object[] control(MatrixRow control, String section, String figure, String value) {
        return new Object[] {
            cell(section),
            cell(control.id()),
            cell(control.title()),
            cell(control.theme()),
            cell(control.iso2013()),
            cell(control.scope()),
            cell(control.status()),
            control.evidenceCount(),
            cell(figure),
            cell(value)
        };
    }

    /** A row of {@code width} empty cells with values at the given columns: {@code column, value, column, value…}. */
    private static Object[] row(int width, Object... columnsAndValues) {
        Object[] cells = new Object[width];
        Arrays.fill(cells, "");
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object value = columnsAndValues[i + 1];
            cells[(Integer) columnsAndValues[i]] =
                    value == null ? "" : value instanceof String text ? cell(text) : value;
        }
        return cells;
    }

    private static Object[] append(Object[] first, Object... more) {
        Object[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private interface Rows {
        void print(CSVPrinter out) throws IOException;
    }

    private static void write(OutputStream csv, String[] columns, Rows rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns).get();
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(csv, StandardCharsets.UTF_8));
            CSVPrinter out = new CSVPrinter(writer, format);
            rows.print(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
