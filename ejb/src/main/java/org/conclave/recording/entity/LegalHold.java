package org.conclave.recording.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A legal hold placed by an auditor or admin on one recording or on every recording of a meeting: while it is active
 * the purge keeps the recording whatever its deletion date.
 */
@Entity
@Table(name = "legal_hold")
@NamedQuery(
        name = LegalHold.ACTIVE_FOR,
        query = "SELECT h FROM LegalHold h WHERE h.liftedAt IS NULL"
                + " AND (h.recordingId = :recording OR h.meetingId = :meeting)")
public class LegalHold {

    public static final String ACTIVE_FOR = "LegalHold.activeFor";

    @Id
    private String id;

    @Column(name = "recording_id")
    private String recordingId;

    @Column(name = "meeting_id")
    private String meetingId;

    private String reason;

    @Column(name = "case_reference")
    private String caseReference;

    @Column(name = "placed_by")
    private String placedBy;

    @Column(name = "placed_at")
    private OffsetDateTime placedAt;

    @Column(name = "lifted_by")
    private String liftedBy;

    @Column(name = "lifted_at")
    private OffsetDateTime liftedAt;

    protected LegalHold() {}

    private LegalHold(
            String id,
            String recordingId,
            String meetingId,
            String reason,
            String caseReference,
            String placedBy,
            Instant at) {
        this.id = id;
        this.recordingId = recordingId;
        this.meetingId = meetingId;
        this.reason = reason;
        this.caseReference = caseReference;
        this.placedBy = placedBy;
        this.placedAt = at.atOffset(ZoneOffset.UTC);
    }

    public static LegalHold onRecording(
            String id, String recordingId, String reason, String caseReference, String placedBy, Instant at) {
        return new LegalHold(id, recordingId, null, reason, caseReference, placedBy, at);
    }

    public static LegalHold onMeeting(
            String id, String meetingId, String reason, String caseReference, String placedBy, Instant at) {
        return new LegalHold(id, null, meetingId, reason, caseReference, placedBy, at);
    }

    public void lift(String by, Instant at) {
        this.liftedBy = by;
        this.liftedAt = at.atOffset(ZoneOffset.UTC);
    }

    public boolean isActive() {
        return liftedAt == null;
    }

    public String id() {
        return id;
    }

    public Optional<String> recordingId() {
        return Optional.ofNullable(recordingId);
    }

    public Optional<String> meetingId() {
        return Optional.ofNullable(meetingId);
    }

    public String reason() {
        return reason;
    }

    public String caseReference() {
        return caseReference;
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant placedAt() {
        return placedAt.toInstant();
    }
}
