package org.conclave.admission.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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
public class Admission {

    public static final String OF_PERSON = "Admission.ofPerson";
    public static final String WAITING = "Admission.waiting";

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
