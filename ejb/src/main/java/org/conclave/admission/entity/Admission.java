package org.conclave.admission.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One person's admission to one meeting: waiting in the lobby, admitted, denied, or revoked by a removal. */
@Entity
@Table(name = "admission")
@NamedQuery(
        name = Admission.OF_PERSON,
        query =
                "SELECT a FROM Admission a WHERE a.meetingId = :meeting AND a.subject = :subject ORDER BY a.createdAt DESC")
@NamedQuery(
        name = Admission.WAITING,
        query = "SELECT a FROM Admission a WHERE a.meetingId = :meeting AND a.state = 'waiting'")
@NamedNativeQuery(
        name = Admission.RENEWAL_FACTS,
        query =
                """
                SELECT m.state = 'scheduled', a.state = 'admitted', a.second_factor,
                       EXISTS (SELECT 1 FROM ban b WHERE b.subject = a.subject AND b.lifted_at IS NULL
                               AND ((b.scope = 'meeting' AND b.meeting_id = m.id)
                                    OR (b.scope = 'series' AND b.series_id = m.series_id)
                                    OR (b.scope = 'organisation' AND b.organisation = COALESCE(m.host_organisation, '')))),
                       m.host_subject = a.subject
                           OR EXISTS (SELECT 1 FROM meeting_cohost c WHERE c.meeting_id = m.id AND c.subject = a.subject),
                       CAST(m.policy AS text), m.recording_feature,
                       (SELECT p.base_url FROM video_platform p WHERE p.id = 'jitsi')
                FROM admission a JOIN meeting m ON m.id = a.meeting_id
                WHERE a.id = ?1 AND a.meeting_id = ?2 AND a.subject = ?3""")
public class Admission {

    public static final String OF_PERSON = "Admission.ofPerson";
    public static final String WAITING = "Admission.waiting";
    /**
     * What a renewal of the token depends on ({@link RenewalFacts}), in one statement: meeting scheduled, admitted,
     * second factor at admission, ban in force (as {@link Ban#IN_FORCE}), host or co-host, effective policy,
     * recording feature, platform address. Parameters: admission id, meeting id, subject; no row when the admission
     * is not that person's in that meeting.
     */
    public static final String RENEWAL_FACTS = "Admission.renewalFacts";

    @Id
    private String id;

    @Column(name = "meeting_id")
    private String meetingId;

    private String subject;

    private String username;

    private String state;

    @Column(name = "second_factor")
    private boolean secondFactor;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    protected Admission() {}

    public Admission(
            String id,
            String meetingId,
            String subject,
            String username,
            boolean waiting,
            boolean secondFactor,
            Instant at) {
        this.id = id;
        this.meetingId = meetingId;
        this.subject = subject;
        this.username = username;
        this.state = waiting ? "waiting" : "admitted";
        this.secondFactor = secondFactor;
        this.createdAt = at.atOffset(ZoneOffset.UTC);
    }

    public void decide(boolean admit, String by, Instant at) {
        this.state = admit ? "admitted" : "denied";
        this.decidedBy = by;
        this.decidedAt = at.atOffset(ZoneOffset.UTC);
    }

    public void revoke(String by, Instant at) {
        this.state = "revoked";
        this.decidedBy = by;
        this.decidedAt = at.atOffset(ZoneOffset.UTC);
    }

    public boolean isAdmitted() {
        return "admitted".equals(state);
    }

    public boolean isWaiting() {
        return "waiting".equals(state);
    }

    public String id() {
        return id;
    }

    public String meetingId() {
        return meetingId;
    }

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public String state() {
        return state;
    }

    /** Whether the person had signed in with a second factor when admitted (renewal needs the same). */
    public boolean secondFactor() {
        return secondFactor;
    }
}
