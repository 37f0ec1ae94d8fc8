package org.conclave.compliance.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.compliance.entity.IssuedReport;
import org.conclave.compliance.entity.ReportFile;
import org.conclave.compliance.entity.ReportJob;
import org.conclave.compliance.entity.ReportKind;
import org.conclave.compliance.entity.ReportOrder;
import org.conclave.compliance.entity.ReportRules;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * Who may ask for which report, and getting it afterwards. The organisation-wide reports (the ISO/IEC 27002 pack and
 * the ISO/IEC 27010 sharing report) are for auditors; a meeting's dossier also for an admin, or for the host of that
 * meeting. A report is visible to whoever asked for it and to auditors; for anyone else it does not exist. Requests
 * are audited; generation happens afterwards ({@link ReportWorker}).
 */
@Stateless
public class ComplianceReports {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    Access access;

    @Inject
    AuditTrail trail;

    @Inject
    ReportStore store;

    @Inject
    Clock clock;

    public ReportJob request(Caller caller, ReportOrder order) {
        String action = "report.request";
        if (order.kind() != ReportKind.MEETING_DOSSIER && !caller.has(Role.AUDITOR)) {
            throw access.refuse(
                    AuditEntry.refused(action, ReportRules.ORGANISATION_REPORT_FOR_AUDITORS.name())
                            .detail("kind", order.kind().wireName()),
                    new Refusal(
                            ReportRules.ORGANISATION_REPORT_FOR_AUDITORS,
                            "the " + order.kind().wireName() + " covers the whole organisation; ask an auditor"));
        }
        if (order.from().isAfter(order.to())
                || ChronoUnit.DAYS.between(order.from(), order.to()) >= ReportRules.LONGEST_PERIOD_DAYS) {
            throw access.refuse(
                    AuditEntry.refused(action, ReportRules.PERIOD_INVALID.name()),
                    new Refusal(
                            ReportRules.PERIOD_INVALID,
                            "the period must start on or before its end and last at most "
                                    + ReportRules.LONGEST_PERIOD_DAYS + " days"));
        }
        if (order.kind() == ReportKind.MEETING_DOSSIER) {
            dossierMeeting(caller, order.meetingId().orElse(""));
        }
        ReportJob job = new ReportJob(Ids.random(), order, caller.subject(), caller.username(), clock.instant());
        em.persist(job);
        AuditEntry entry = AuditEntry.allowed(action)
                .target("report", job.id())
                .detail("kind", order.kind().wireName())
                .detail("format", order.format().wireName())
                .detail("from", order.from().toString())
                .detail("to", order.to().toString());
        order.meetingId().ifPresent(m -> entry.detail("meeting", m));
        trail.record(entry);
        return job;
    }

    public ReportJob status(Caller caller, String reportId) {
        ReportJob job = Ids.plausible(reportId) ? em.find(ReportJob.class, reportId) : null;
        if (job == null || !(caller.has(Role.AUDITOR) || job.requestedBy().equals(caller.subject()))) {
            throw access.refuse(
                    AuditEntry.refused("report.read", Rule.NOT_FOUND.name())
                            .target("report", Ids.plausible(reportId) ? reportId : null),
                    new Refusal(Rule.NOT_FOUND, "no such report"));
        }
        return job;
    }

    public List<ReportJob> list(Caller caller) {
        return (caller.has(Role.AUDITOR)
                        ? em.createNamedQuery(ReportJob.ALL, ReportJob.class)
                        : em.createNamedQuery(ReportJob.OF_REQUESTER, ReportJob.class)
                                .setParameter("subject", caller.subject()))
                .setMaxResults(200)
                .getResultList();
    }

    /** The issued file; reading it is audited. */
    public ReportFile file(Caller caller, String reportId) {
        ReportJob job = status(caller, reportId);
        Path file = store.file(job.id(), job.format().wireName());
        if (!job.isDone() || !Files.isRegularFile(file)) {
            throw new Refusal(ReportRules.NOT_READY, "the report is " + job.state() + " (" + job.progress() + " %)");
        }
        trail.record(AuditEntry.allowed("report.download")
                .target("report", job.id())
                .detail("sha256", job.sha256().orElse("")));
        return new ReportFile(file, job.format().contentType(), job.fileName().orElseThrow());
    }

    /** Whether Conclave issued a file with this SHA-256: which report, when, for whom, for which period. */
    public Optional<IssuedReport> verify(String sha256Hex) {
        return em.createNamedQuery(ReportJob.BY_SHA256, ReportJob.class)
                .setParameter("sha256", sha256Hex)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(job -> new IssuedReport(
                        job.id(),
                        job.kind(),
                        job.format(),
                        job.sha256().orElseThrow(),
                        job.finishedAt().orElseThrow(),
                        job.requestedByName(),
                        job.from(),
                        job.to(),
                        job.meetingId()));
    }

    private Meeting dossierMeeting(Caller caller, String meetingId) {
        if (caller.has(Role.ADMIN)) {
            return meetings.anyForAdmin(meetingId);
        }
        if (caller.has(Role.AUDITOR)) {
            return meetings.visible(caller, meetingId);
        }
        return meetings.managed(caller, meetingId, "report.request");
    }
}
