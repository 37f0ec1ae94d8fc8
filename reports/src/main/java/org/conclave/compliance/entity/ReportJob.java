package org.conclave.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A report someone asked for: queued, running (with its progress), done (with the SHA-256 of the file written into
 * the audit chain) or failed.
 */
@Entity
@Table(name = "report_job")
@NamedQuery(
        name = ReportJob.OF_REQUESTER,
        query = "SELECT r FROM ReportJob r WHERE r.requestedBy = :subject ORDER BY r.requestedAt DESC")
@NamedQuery(name = ReportJob.ALL, query = "SELECT r FROM ReportJob r ORDER BY r.requestedAt DESC")
@NamedQuery(
        name = ReportJob.QUEUED,
        query = "SELECT r.id FROM ReportJob r WHERE r.state = 'queued' ORDER BY r.requestedAt")
@NamedQuery(
        name = ReportJob.BY_SHA256,
        query = "SELECT r FROM ReportJob r WHERE r.sha256 = :sha256 AND r.state = 'done'")
public class ReportJob {

    public static final String OF_REQUESTER = "ReportJob.ofRequester";
    public static final String ALL = "ReportJob.all";
    public static final String QUEUED = "ReportJob.queued";
    public static final String BY_SHA256 = "ReportJob.bySha256";

    @Id
    private String id;

    private String kind;

    private String format;

    @Column(name = "period_from")
    private LocalDate from;

    @Column(name = "period_to")
    private LocalDate to;

    @Column(name = "meeting_id")
    private String meetingId;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_by_name")
    private String requestedByName;

    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;

    private String state;

    private int progress;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    private String sha256;

    @Column(name = "data_sha256")
    private String dataSha256;

    @Column(name = "catalog_version")
    private String catalogVersion;

    private String error;

    protected ReportJob() {}

    public ReportJob(String id, ReportOrder order, String requestedBy, String requestedByName, Instant at) {
        this.id = id;
        this.kind = order.kind().wireName();
        this.format = order.format().wireName();
        this.from = order.from();
        this.to = order.to();
        this.meetingId = order.meetingId().orElse(null);
        this.requestedBy = requestedBy;
        this.requestedByName = requestedByName;
        this.requestedAt = at.atOffset(ZoneOffset.UTC);
        this.state = "queued";
    }

    public void start(Instant at) {
        this.state = "running";
        this.progress = 5;
        this.startedAt = at.atOffset(ZoneOffset.UTC);
    }

    public void progress(int percent) {
        this.progress = Math.max(progress, Math.min(99, percent));
    }

    public void done(String fileName, long size, String sha256, String dataSha256, String catalogVersion, Instant at) {
        this.state = "done";
        this.progress = 100;
        this.fileName = fileName;
        this.sizeBytes = size;
        this.sha256 = sha256;
        this.dataSha256 = dataSha256;
        this.catalogVersion = catalogVersion;
        this.finishedAt = at.atOffset(ZoneOffset.UTC);
    }

    public void failed(String error, Instant at) {
        this.state = "failed";
        this.error = error.length() > 500 ? error.substring(0, 500) : error;
        this.finishedAt = at.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public ReportKind kind() {
        return ReportKind.parse(kind).orElseThrow();
    }

    public ReportFormat format() {
        return ReportFormat.parse(format).orElseThrow();
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public Optional<String> meetingId() {
        return Optional.ofNullable(meetingId);
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requestedByName() {
        return requestedByName;
    }

    public Instant requestedAt() {
        return requestedAt.toInstant();
    }

    public String state() {
        return state;
    }

    public int progress() {
        return progress;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    public Optional<Long> sizeBytes() {
        return Optional.ofNullable(sizeBytes);
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public Optional<String> dataSha256() {
        return Optional.ofNullable(dataSha256);
    }

    public Optional<String> catalogVersion() {
        return Optional.ofNullable(catalogVersion);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public boolean isDone() {
        return "done".equals(state);
    }
}
