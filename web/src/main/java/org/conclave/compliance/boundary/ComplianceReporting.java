package org.conclave.compliance.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.conclave.compliance.control.ComplianceReports;
import org.conclave.compliance.entity.IssuedReport;
import org.conclave.compliance.entity.ReportFile;
import org.conclave.compliance.entity.ReportFormat;
import org.conclave.compliance.entity.ReportJob;
import org.conclave.compliance.entity.ReportKind;
import org.conclave.compliance.entity.ReportOrder;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.platform.entity.Refusal;

/**
 * The auditor's reports: ask for a compliance pack, a sharing report or a meeting dossier and follow its progress
 * (the page reloads itself while one is being made), download what is done, and check a file: its SHA-256 (computed
 * in the browser, or here from an upload) is looked up among the reports Conclave issued.
 */
@Named
@ViewScoped
public class ComplianceReporting implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Seconds between reloads while a report is being made. */
    public static final int REFRESH_SECONDS = 2;

    /** A report as the list shows it. */
    public record Job(
            String id,
            String kind,
            String format,
            String period,
            String state,
            int progress,
            Instant requestedAt,
            String sha256,
            String meetingId)
            implements Serializable {
        public boolean done() {
            return "done".equals(state);
        }

        public boolean busy() {
            return "queued".equals(state) || "running".equals(state);
        }
    }

    /** What a check found: whether Conclave issued the file and, if so, which report it is. */
    public record Check(
            boolean issued,
            String sha256,
            String reportId,
            String kind,
            String format,
            Instant issuedAt,
            String issuedTo,
            String period,
            String meetingId)
            implements Serializable {

        static Check of(String sha256, Optional<IssuedReport> issued) {
            return issued.map(r -> new Check(
                            true,
                            sha256,
                            r.reportId(),
                            r.kind().wireName(),
                            r.format().wireName(),
                            r.issuedAt(),
                            r.issuedTo(),
                            r.from() + " – " + r.to(),
                            r.meetingId().orElse("")))
                    .orElse(new Check(false, sha256, null, null, null, null, null, null, null));
        }
    }

    @Inject
    Access access;

    @Inject
    ComplianceReports reports;

    private String kind = ReportKind.COMPLIANCE_PACK.wireName();
    private String format = ReportFormat.PDF.wireName();
    private String from = LocalDate.now().minusDays(30).toString();
    private String to = LocalDate.now().toString();
    private String meetingId;
    private List<Job> jobs;

    private String sha256;
    private transient Part upload;
    private Check check;

    public List<Job> getJobs() {
        if (jobs == null) {
            Caller auditor = access.require("report.list", Role.AUDITOR);
            jobs = reports.list(auditor).stream().map(ComplianceReporting::job).toList();
        }
        return jobs;
    }

    public boolean isBusy() {
        return getJobs().stream().anyMatch(Job::busy);
    }

    public void request() {
        Caller auditor = access.requireWithSecondFactor("report.request", Role.AUDITOR);
        Optional<ReportOrder> order = order();
        order.flatMap(o -> PageMessages.attempt(() -> reports.request(auditor, o)))
                .ifPresent(job -> PageMessages.info("reports.requested"));
        jobs = null;
    }

    private Optional<ReportOrder> order() {
        Optional<ReportKind> chosenKind = ReportKind.parse(kind);
        Optional<ReportFormat> chosenFormat = ReportFormat.parse(format);
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(from);
            end = LocalDate.parse(to);
        } catch (DateTimeParseException | NullPointerException e) {
            PageMessages.warn("reports.problem.period");
            return Optional.empty();
        }
        if (chosenKind.isEmpty() || chosenFormat.isEmpty()) {
            PageMessages.warn("reports.problem.kind");
            return Optional.empty();
        }
        Optional<String> meeting =
                Optional.ofNullable(meetingId).map(String::strip).filter(m -> !m.isEmpty());
        if (chosenKind.get() == ReportKind.MEETING_DOSSIER && meeting.isEmpty()) {
            PageMessages.warn("reports.problem.meeting");
            return Optional.empty();
        }
        return Optional.of(new ReportOrder(
                chosenKind.get(),
                chosenFormat.get(),
                start,
                end,
                chosenKind.get() == ReportKind.MEETING_DOSSIER ? meeting : Optional.empty()));
    }

    public void download(String reportId) throws IOException {
        Caller auditor = access.require("report.read", Role.AUDITOR);
        Optional<ReportFile> file = PageMessages.attempt(() -> reports.file(auditor, reportId));
        if (file.isEmpty()) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseContentType(file.get().contentType());
        external.setResponseContentLength((int) Files.size(file.get().path()));
        external.setResponseHeader(
                "Content-Disposition", "attachment; filename=\"" + file.get().fileName() + "\"");
        Files.copy(file.get().path(), external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** Looks the file's SHA-256 up: typed or computed in the browser, else computed here from the upload. */
    public void check() {
        access.require("report.verify", Role.AUDITOR);
        String hex = Optional.ofNullable(sha256)
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .orElseGet(this::uploadedHash);
        upload = null;
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            PageMessages.warn("reports.problem.sha256");
            check = null;
            return;
        }
        try {
            check = Check.of(hex, reports.verify(hex));
        } catch (Refusal refusal) {
            PageMessages.refused(refusal);
        }
    }

    private String uploadedHash() {
        if (upload == null || upload.getSize() == 0) {
            return null;
        }
        try (InputStream in = upload.getInputStream()) {
            return org.conclave.platform.control.Sha256.hex(in);
        } catch (IOException e) {
            return null;
        }
    }

    private static Job job(ReportJob j) {
        return new Job(
                j.id(),
                j.kind().wireName(),
                j.format().wireName(),
                j.from() + " – " + j.to(),
                j.state(),
                j.progress(),
                j.requestedAt(),
                j.sha256().orElse(""),
                j.meetingId().orElse(""));
    }

    public List<String> getKinds() {
        return Arrays.stream(ReportKind.values()).map(ReportKind::wireName).toList();
    }

    public List<String> getFormats() {
        return Arrays.stream(ReportFormat.values()).map(ReportFormat::wireName).toList();
    }

    public String getRefresh() {
        return Integer.toString(REFRESH_SECONDS);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getMeetingId() {
        return meetingId;
    }

    public void setMeetingId(String meetingId) {
        this.meetingId = meetingId;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }

    public Check getCheck() {
        return check;
    }
}
