package org.conclave.compliance.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.control.AuditVerification;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.compliance.entity.AuditTally;
import org.conclave.compliance.entity.ChainIntegrity;
import org.conclave.compliance.entity.CompliancePack;
import org.conclave.compliance.entity.EvidenceMap;
import org.conclave.compliance.entity.MeetingDossier;
import org.conclave.compliance.entity.MeetingHeader;
import org.conclave.compliance.entity.Period;
import org.conclave.compliance.entity.PortalFacts;
import org.conclave.compliance.entity.ReportFormat;
import org.conclave.compliance.entity.ReportHeading;
import org.conclave.compliance.entity.ReportJob;
import org.conclave.compliance.entity.SharingReport;
import org.conclave.compliance.entity.TimelineEntry;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.ConclaveDatabase;
import org.conclave.policy.entity.Classification;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces one queued report: claims it, gathers the period's evidence, renders the PDF or CSV into the report store
 * (through a temporary file, moved into place when complete), and records the file's SHA-256 in the audit chain in
 * the transaction that marks the report done. Progress is committed as it goes so the requester can watch it.
 */
@Stateless
public class ReportGeneration {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    EvidenceCollector evidence;

    @Inject
    AuditVerification verification;

    @Inject
    CatalogImport catalogs;

    @Inject
    ReportStore store;

    @Inject
    AuditTrail trail;

    @Inject
    ReportProgress progress;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "conclave.organisation.name", defaultValue = "Conclave demo organisation")
    String organisation;

    @Inject
    @ConfigProperty(name = "conclave.organisation.time-zone", defaultValue = "UTC")
    String timeZone;

    /** Marks the job running if it is still queued (another instance may have taken it). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String id) {
        ReportJob job = em.find(ReportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !"queued".equals(job.state())) {
            return false;
        }
        job.start(clock.instant());
        return true;
    }

    /** Renders the report into a temporary file in the store; returns it with the SHA-256 of its data. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Rendered render(String id) {
        ReportJob job = em.find(ReportJob.class, id);
        ZoneId zone = ZoneId.of(timeZone);
        Instant from = job.from().atStartOfDay(zone).toInstant();
        Instant to = job.to().plusDays(1).atStartOfDay(zone).toInstant();
        ReportHeading heading = new ReportHeading(
                organisation, job.id(), Classification.CONFIDENTIAL, clock.instant(), job.requestedByName(), zone);
        Period period = new Period(job.from(), job.to());
        Path partial = store.workFolder().resolve(job.id() + ".part");
        PdfReports pdf = new PdfReports(catalogs.catalog(), store.workFolder());
        CsvReports csv = new CsvReports(catalogs.catalog());
        boolean asPdf = job.format() == ReportFormat.PDF;
        String dataSha256;
        try (OutputStream out = Files.newOutputStream(partial)) {
            switch (job.kind()) {
                case COMPLIANCE_PACK -> {
                    CompliancePack pack = pack(job.id(), heading, period, from, to);
                    progress.report(job.id(), 60);
                    dataSha256 = asPdf ? pdf.compliancePack(pack, out).dataSha256() : csvPack(csv, pack, out);
                }
                case SHARING_REPORT -> {
                    SharingReport report = sharing(heading, period, from, to);
                    progress.report(job.id(), 60);
                    dataSha256 = asPdf ? pdf.sharingReport(report, out).dataSha256() : csvSharing(csv, report, out);
                }
                default -> dataSha256 = dossier(job, heading, pdf, csv, asPdf, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write report " + job.id(), e);
        }
        return new Rendered(partial, dataSha256);
    }

    /** Moves the file into place and marks the report done; its SHA-256 enters the audit chain in the same commit. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ReportJob finish(String id, Rendered rendered) {
        ReportJob job = em.find(ReportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        Path file = store.file(id, job.format().wireName());
        try {
            Files.move(rendered.file(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(file);
            String sha256 = ReportStore.sha256(file);
            String dataSha256 = rendered.dataSha256() == null ? sha256 : rendered.dataSha256();
            job.done(
                    "conclave-" + job.kind().wireName() + "-" + job.from() + "-" + job.to() + "."
                            + job.format().wireName(),
                    size,
                    sha256,
                    dataSha256,
                    catalogs.catalog().version(),
                    clock.instant());
            AuditEntry entry = AuditEntry.allowed("report.issue")
                    .target("report", id)
                    .detail("kind", job.kind().wireName())
                    .detail("format", job.format().wireName())
                    .detail("from", job.from().toString())
                    .detail("to", job.to().toString())
                    .detail("sha256", sha256)
                    .detail("dataSha256", dataSha256)
                    .detail("catalogVersion", catalogs.catalog().version())
                    .detail("requestedBy", job.requestedBy());
            job.meetingId().ifPresent(m -> entry.detail("meeting", m));
            trail.record(entry, AuditActor.SYSTEM);
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store report " + id, e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String id, String why) {
        ReportJob job = em.find(ReportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        job.failed(why, clock.instant());
        trail.record(
                AuditEntry.refused("report.issue", "report-generation-failed")
                        .target("report", id)
                        .detail("kind", job.kind().wireName()),
                AuditActor.SYSTEM);
    }

    private CompliancePack pack(String id, ReportHeading heading, Period period, Instant from, Instant to) {
        AuditTally tally = evidence.tally(from, to);
        progress.report(id, 20);
        PortalFacts facts = evidence.facts(from, to);
        progress.report(id, 30);
        long[] sequences = evidence.sequences(from, to);
        ChainIntegrity integrity = ChainIntegrity.of(verification.verify(), sequences[0]);
        progress.report(id, 50);
        return new CompliancePack(
                heading, period, integrity, new EvidenceMap(tally, facts).controls(), evidence.annex(from, to));
    }

    private SharingReport sharing(ReportHeading heading, Period period, Instant from, Instant to) {
        EvidenceMap map = new EvidenceMap(evidence.tally(from, to), evidence.facts(from, to));
        return new SharingReport(
                heading,
                period,
                evidence.meetingsByLabel(from, to),
                evidence.refusalsByLabel(from, to),
                evidence.participation(from, to),
                evidence.externalParticipants(from, to),
                map.sharingClauses());
    }

    /** A CSV file is its own data: its SHA-256 is filled in once it is complete. */
    private static String csvPack(CsvReports csv, CompliancePack pack, OutputStream out) {
        csv.compliancePack(pack, out);
        return null;
    }

    private static String csvSharing(CsvReports csv, SharingReport report, OutputStream out) {
        csv.sharingReport(report, out);
        return null;
    }

    private String dossier(
            ReportJob job, ReportHeading heading, PdfReports pdf, CsvReports csv, boolean asPdf, OutputStream out) {
        Meeting meeting = em.find(Meeting.class, job.meetingId().orElseThrow());
        MeetingDossier dossier = new MeetingDossier(
                heading,
                new MeetingHeader(
                        meeting.id(),
                        meeting.title(),
                        meeting.classification(),
                        meeting.sharingLabel(),
                        meeting.hostUsername(),
                        meeting.start().toInstant()));
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT occurred_at, action, coalesce(actor_username, actor_subject, source), outcome,"
                            + " concat_ws(' ', nullif(reason, ''), nullif(details::text, '{}')) FROM audit_event"
                            + " WHERE (target_type = 'meeting' AND target_id = ?) OR (target_type = 'recording'"
                            + " AND target_id IN (SELECT id FROM recording WHERE meeting_id = ?)) ORDER BY id")) {
                query.setFetchSize(1000);
                query.setString(1, meeting.id());
                query.setString(2, meeting.id());
                try (ResultSet rows = query.executeQuery()) {
                    Iterator<TimelineEntry> timeline = new Timeline(rows);
                    if (asPdf) {
                        return pdf.meetingDossier(dossier, timeline, out).dataSha256();
                    }
                    csv.meetingDossier(dossier, timeline, out);
                    return null;
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the meeting's timeline", e);
        }
    }

    /** The rendered file, not yet in place, and the SHA-256 of the data it shows. */
    public record Rendered(Path file, String dataSha256) {}

    /** Audit rows of a meeting, read from an open cursor one at a time. */
    private static final class Timeline implements Iterator<TimelineEntry> {
        private final ResultSet rows;
        private Boolean ahead;

        Timeline(ResultSet rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rows.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("could not read the meeting's timeline", e);
                }
            }
            return ahead;
        }

        @Override
        public TimelineEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                String detail = rows.getString(5);
                return new TimelineEntry(
                        rows.getTimestamp(1).toInstant(),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        detail.length() > 300 ? detail.substring(0, 300) + "…" : detail);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the meeting's timeline", e);
            }
        }
    }
}
