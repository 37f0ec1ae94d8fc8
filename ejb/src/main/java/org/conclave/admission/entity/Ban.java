package org.conclave.admission.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.conclave.policy.entity.BanScope;

/** A removed person may not come back: to this meeting, any meeting of its series, or any meeting of the organisation. */
@Entity
@Table(name = "ban")
@NamedQuery(
        name = Ban.IN_FORCE,
        query = "SELECT b FROM Ban b WHERE b.subject = :subject AND b.liftedAt IS NULL AND ("
                + "(b.scope = 'meeting' AND b.meetingId = :meeting) OR (b.scope = 'series' AND b.seriesId = :series)"
                + " OR (b.scope = 'organisation' AND b.organisation = :organisation))")
public class Ban {

    public static final String IN_FORCE = "Ban.inForce";

    @Id
    private String id;

    private String scope;

    @Column(name = "meeting_id")
    private String meetingId;

    @Column(name = "series_id")
    private String seriesId;

    private String organisation;

    private String subject;

    @Column(name = "banned_by")
    private String bannedBy;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "lifted_at")
    private OffsetDateTime liftedAt;

    @Column(name = "lifted_by")
    private String liftedBy;

    protected Ban() {}

    public Ban(
            String id,
            BanScope scope,
            String meetingId,
            String seriesId,
            String organisation,
            String subject,
            String by,
            Instant at) {
        this.id = id;
        this.scope = scope.wireName();
        this.meetingId = meetingId;
        this.seriesId = seriesId;
        this.organisation = organisation;
        this.subject = subject;
        this.bannedBy = by;
        this.createdAt = at.atOffset(ZoneOffset.UTC);
    }

    public void lift(String by, Instant at) {
        this.liftedBy = by;
        this.liftedAt = at.atOffset(ZoneOffset.UTC);
    }

    public boolean inForce() {
        return liftedAt == null;
    }

    public String id() {
        return id;
    }

    public String scope() {
        return scope;
    }

    public String meetingId() {
        return meetingId;
    }

    public String subject() {
        return subject;
    }
}
