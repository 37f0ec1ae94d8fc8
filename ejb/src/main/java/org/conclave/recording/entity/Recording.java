package org.conclave.recording.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A recording the portal authorised under a notice: running ({@code authorised}), its file reported and checked
 * ({@code finished}, with the date it must be deleted), or {@code deleted} by the retention purge.
 */
@Entity
@Table(name = "recording")
@NamedQuery(
        name = Recording.OF_MEETING,
        query = "SELECT r FROM Recording r WHERE r.meetingId = :meeting ORDER BY r.authorisedAt")
@NamedQuery(
        name = Recording.RUNNING,
        query = "SELECT r FROM Recording r WHERE r.meetingId = :meeting AND r.state = 'authorised'")
@NamedQuery(
        name = Recording.DUE,
        query = "SELECT r.id FROM Recording r WHERE r.state = 'finished' AND r.deleteAfter <= :now"
                + " ORDER BY r.deleteAfter")
public class Recording {

    public static final String OF_MEETING = "Recording.ofMeeting";
    public static final String RUNNING = "Recording.running";
    public static final String DUE = "Recording.due";

    @Id
    private String id;

    @Column(name = "meeting_id")
    private String meetingId;

    @Column(name = "notice_hash")
    private String noticeHash;

    private String purpose;

    private String location;

    @Column(name = "retention_days")
    private int retentionDays;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "authorised_at")
    private OffsetDateTime authorisedAt;

    private String state;

    @Column(name = "consent_breach")
    private boolean consentBreach;

    @Column(name = "file_path")
    private String filePath;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    private String sha256;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "delete_after")
    private OffsetDateTime deleteAfter;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recording_access", joinColumns = @JoinColumn(name = "recording_id"))
    private Set<AccessGrant> accessList = new HashSet<>();

    protected Recording() {}

    public Recording(
            String id,
            String meetingId,
            String noticeHash,
            String purpose,
            String location,
            int retentionDays,
            Set<AccessGrant> accessList,
            String requestedBy,
            Instant at) {
        this.id = id;
        this.meetingId = meetingId;
        this.noticeHash = noticeHash;
        this.purpose = purpose;
        this.location = location;
        this.retentionDays = retentionDays;
        this.accessList = new HashSet<>(accessList);
        this.requestedBy = requestedBy;
        this.authorisedAt = at.atOffset(ZoneOffset.UTC);
        this.state = "authorised";
    }

    public boolean isRunning() {
        return "authorised".equals(state);
    }

    public boolean isFinished() {
        return "finished".equals(state);
    }

    /** Someone without consent was present (or a consent was withdrawn) while it ran. */
    public void breachConsent() {
        this.consentBreach = true;
    }

    /** The platform's file was checked: it is kept until {@code deleteAfter}. */
    public void finish(String path, long size, String sha256, Instant at, Instant deleteAfter) {
        this.state = "finished";
        this.filePath = path;
        this.sizeBytes = size;
        this.sha256 = sha256;
        this.finishedAt = at.atOffset(ZoneOffset.UTC);
        this.deleteAfter = deleteAfter.atOffset(ZoneOffset.UTC);
    }

    public void deleted(Instant at) {
        this.state = "deleted";
        this.deletedAt = at.atOffset(ZoneOffset.UTC);
    }

    public boolean mayBeReadBy(String subject) {
        return accessList.stream().anyMatch(g -> g.subject().equals(subject));
    }

    public String id() {
        return id;
    }

    public String meetingId() {
        return meetingId;
    }

    public String noticeHash() {
        return noticeHash;
    }

    public String purpose() {
        return purpose;
    }

    public String location() {
        return location;
    }

    public int retentionDays() {
        return retentionDays;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant authorisedAt() {
        return authorisedAt.toInstant();
    }

    public String state() {
        return state;
    }

    public boolean consentBreach() {
        return consentBreach;
    }

    public Optional<String> filePath() {
        return Optional.ofNullable(filePath);
    }

    public Optional<Long> sizeBytes() {
        return Optional.ofNullable(sizeBytes);
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> deleteAfter() {
        return Optional.ofNullable(deleteAfter).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> deletedAt() {
        return Optional.ofNullable(deletedAt).map(OffsetDateTime::toInstant);
    }

    public Set<AccessGrant> accessList() {
        return Set.copyOf(accessList);
    }
}
