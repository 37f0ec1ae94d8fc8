package org.conclave.recording.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A recording notice as it was published for a meeting; the latest one is the one participants answer. */
@Entity
@Table(name = "recording_notice")
@NamedQuery(
        name = PublishedNotice.LATEST,
        query = "SELECT n FROM PublishedNotice n WHERE n.meetingId = :meeting ORDER BY n.id DESC")
public class PublishedNotice {

    public static final String LATEST = "PublishedNotice.latest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String hash;

    @Column(name = "meeting_id")
    private String meetingId;

    private String notice;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    protected PublishedNotice() {}

    public PublishedNotice(RecordingNotice notice, String publishedBy, Instant at) {
        this.hash = notice.hash();
        this.meetingId = notice.meetingId();
        this.notice = notice.text();
        this.publishedBy = publishedBy;
        this.publishedAt = at.atOffset(ZoneOffset.UTC);
    }

    public String hash() {
        return hash;
    }

    public String meetingId() {
        return meetingId;
    }

    /** The canonical JSON text whose SHA-256 is {@link #hash()}. */
    public String text() {
        return notice;
    }

    public Instant publishedAt() {
        return publishedAt.toInstant();
    }

    public String publishedBy() {
        return publishedBy;
    }
}
