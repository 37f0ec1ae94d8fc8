package org.conclave.compliance.control;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.DeflateStreamCompression;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.conclave.compliance.entity.CompliancePack;
import org.conclave.compliance.entity.ControlCatalog;
import org.conclave.compliance.entity.MeetingDossier;
import org.conclave.compliance.entity.ReportHeading;
import org.conclave.compliance.entity.SharingReport;
import org.conclave.compliance.entity.TimelineEntry;

/**
 * Renders the compliance reports as PDF: fills the templates compiled at build time and exports them with the
 * DejaVu fonts embedded. Filled pages beyond the first few are swapped to a compressed file in the swap folder,
 * so a dossier of any length renders in bounded memory. Thread-safe; the templates are loaded once.
 */
public final class PdfReports {

    /** Filled pages kept in memory; the rest wait in the swap file until exported. */
    private static final int PAGES_IN_MEMORY = 16;

    private static final int SWAP_BLOCK_BYTES = 16 * 1024;
    private static final int SWAP_GROWTH_BLOCKS = 64;

    private final ControlCatalog catalog;
    private final Path swapFolder;
    private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();

    /** Swaps long reports to the system's temporary folder. */
    public PdfReports(ControlCatalog catalog) {
        this(catalog, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public PdfReports(ControlCatalog catalog, Path swapFolder) {
        this.catalog = catalog;
        this.swapFolder = swapFolder;
    }

    /**
     * The ISO/IEC 27002:2022 compliance pack: cover, integrity attestation, summary, control matrix, evidence per
     * control and annex.
     *
     * @throws IllegalArgumentException if the evidence names a control the catalog does not have, or one twice
     * @throws ReportRenderingException if the PDF cannot be produced
     */
    public Rendition compliancePack(CompliancePack pack, OutputStream pdf) {
        PackView view = PackView.of(catalog, pack);
        String sha = DataDigest.of(view);
        Map<String, Object> parameters = heading(view.heading(), pack.heading(), () -> sha);
        PackView.IntegrityView integrity = view.integrity();
        parameters.put("chainVerified", integrity.verified());
        parameters.put("chainStatement", integrity.statement());
        parameters.put("chainFirstSequence", integrity.firstSequence());
        parameters.put("chainLastSequence", integrity.lastSequence());
        parameters.put("chainEvents", integrity.eventsChecked());
        parameters.put("chainCheckpoints", integrity.checkpointsVerified());
        parameters.put("chainFirstBadSequence", integrity.firstBadSequence().orElse(null));
        parameters.put("chainReason", integrity.reason());
        parameters.put("statusCounts", RecordDataSource.of(view.statusCounts()));
        parameters.put("statusChart", new StatusChart(view.statusCounts()));
        parameters.put("controlsTotal", (long) view.matrix().size());
        parameters.put("matrixReport", Templates.CONTROL_MATRIX.report());
        parameters.put("matrixRows", RecordDataSource.of(view.matrix()));
        parameters.put("evidenceReport", Templates.CONTROL_EVIDENCE.report());
        parameters.put("evidenceSections", RecordDataSource.of(view.sections()));
        parameters.put("exceptions", RecordDataSource.of(view.exceptions()));
        parameters.put("exceptionCount", view.exceptions().size());
        parameters.put("policyChanges", RecordDataSource.of(view.policyChanges()));
        parameters.put("policyChangeCount", view.policyChanges().size());
        parameters.put("alerts", RecordDataSource.of(view.alerts()));
        parameters.put("alertCount", view.alerts().size());
        return render(Templates.COMPLIANCE_PACK, parameters, new JREmptyDataSource(1), pdf, () -> sha);
    }

    /**
     * The ISO/IEC 27010 information sharing report: meetings and refusals by TLP label, participants by
     * organisation, handling of external participants and the 27010 clauses with their evidence.
     *
     * @throws IllegalArgumentException if the evidence names a clause the catalog does not have, or one twice
     * @throws ReportRenderingException if the PDF cannot be produced
     */
    public Rendition sharingReport(SharingReport report, OutputStream pdf) {
        SharingView view = SharingView.of(catalog, report);
        String sha = DataDigest.of(view);
        Map<String, Object> parameters = heading(view.heading(), report.heading(), () -> sha);
        parameters.put("labels", RecordDataSource.of(view.labels()));
        parameters.put("organisations", RecordDataSource.of(view.organisations()));
        parameters.put("organisationCount", view.organisations().size());
        parameters.put("externalParticipants", RecordDataSource.of(view.externalParticipants()));
        parameters.put("externalParticipantCount", view.externalParticipants().size());
        parameters.put("clauses", RecordDataSource.of(view.clauses()));
        return render(Templates.SHARING_REPORT, parameters, new JREmptyDataSource(1), pdf, () -> sha);
    }

    /**
     * One meeting's dossier with its complete timeline, read from {@code timeline} one entry at a time as the
     * pages are filled: the timeline is never held in memory. The data hash covers the heading and every entry
     * and is printed once the last entry has been read.
     *
     * @throws ReportRenderingException if the PDF cannot be produced
     */
    public Rendition meetingDossier(MeetingDossier dossier, Iterator<TimelineEntry> timeline, OutputStream pdf) {
        DossierView view = DossierView.of(dossier);
        Wording wording = new Wording(dossier.heading().zone());
        DataDigest digest = new DataDigest().add(view);
        Iterator<DossierView.TimelineRow> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return timeline.hasNext();
            }

            @Override
            public DossierView.TimelineRow next() {
                DossierView.TimelineRow row = DossierView.row(wording, timeline.next());
                digest.add(row);
                return row;
            }
        };
        Supplier<String> sha = new Once(digest::hex);
        Map<String, Object> parameters = heading(view.heading(), dossier.heading(), sha);
        parameters.put("meetingId", view.meetingId());
        parameters.put("meetingTitle", view.meetingTitle());
        parameters.put("meetingClassification", view.classification());
        parameters.put("meetingLabel", view.label());
        parameters.put("meetingLabelColour", view.labelColour());
        parameters.put("meetingHost", view.host());
        parameters.put("meetingStart", view.start());
        return render(Templates.MEETING_DOSSIER, parameters, new RecordDataSource(rows), pdf, sha);
    }

    private static Map<String, Object> heading(Heading heading, ReportHeading source, Supplier<String> sha) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reportTitle", heading.title());
        parameters.put("organisation", heading.organisation());
        parameters.put("reportId", heading.reportId());
        parameters.put("marking", heading.marking());
        parameters.put("markingColour", Wording.colour(source.marking()));
        parameters.put("generatedAt", heading.generatedAt());
        parameters.put("generatedBy", heading.generatedBy());
        parameters.put("timeZone", heading.timeZone());
        parameters.put("periodFrom", heading.periodFrom());
        parameters.put("periodTo", heading.periodTo());
        parameters.put("catalogVersion", heading.catalogVersion());
        parameters.put("dataSha256", sha);
        parameters.put(JRParameter.REPORT_LOCALE, Locale.UK);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(source.zone()));
        return parameters;
    }

    private Rendition render(
            Templates template,
            Map<String, Object> parameters,
            JRDataSource rows,
            OutputStream pdf,
            Supplier<String> sha) {
        JRSwapFile swap = new JRSwapFile(context, swapFolder.toString(), SWAP_BLOCK_BYTES, SWAP_GROWTH_BLOCKS);
        JRSwapFileVirtualizer virtualizer =
                new JRSwapFileVirtualizer(PAGES_IN_MEMORY, swap, true, new DeflateStreamCompression(1));
        try {
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            JasperPrint print = JasperFillManager.getInstance(context).fill(template.report(), parameters, rows);
            virtualizer.setReadOnly(true);
            JRPdfExporter exporter = new JRPdfExporter(context);
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle((String) parameters.get("reportTitle"));
            configuration.setMetadataAuthor((String) parameters.get("organisation"));
            configuration.setMetadataSubject("Report " + parameters.get("reportId") + ", " + parameters.get("marking")
                    + ", data SHA-256 " + sha.get());
            configuration.setMetadataCreator("Conclave");
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            return new Rendition(sha.get(), print.getPages().size());
        } catch (JRException e) {
            throw new ReportRenderingException("the report " + parameters.get("reportId") + " cannot be rendered", e);
        } finally {
            virtualizer.cleanup();
        }
    }

    /** A hash read more than once (on the page, in the metadata, in the result) but finished only once. */
    private static final class Once implements Supplier<String> {
        private final Supplier<String> source;
        private String value;

        Once(Supplier<String> source) {
            this.source = source;
        }

        @Override
        public synchronized String get() {
            if (value == null) {
                value = source.get();
            }
            return value;
        }
    }
}
