package org.conclave.meeting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** A participant's registration for one meeting and the host's decision on it. */
@Entity
@Table(name = "registration")
@NamedQuery(
        name = Registration.OF_MEETING,
        query = "SELECT r FROM Registration r WHERE r.meetingId = :meeting ORDER BY r.createdAt")
@NamedQuery(
        name = Registration.OF_PERSON,
        query = "SELECT r FROM Registration r WHERE r.meetingId = :meeting AND r.subject = :subject")
public class Registration {

    public static final String OF_MEETING = "Registration.ofMeeting";
    public static final String OF_PERSON = "Registration.ofPerson";

    @Id
    private String id;

    @Column(name = "meeting_id")
    private String meetingId;

    private String subject;

    private String username;

    private String organisation;

    @Enumerated(EnumType.STRING)
    private RegistrationState state;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    protected Registration() {}

    public Registration(
            String id,
            String meetingId,
            String subject,
            String username,
            String organisation,
            boolean needsApproval,
            Instant at) {
        this.id = id;
        this.meetingId = meetingId;
        this.subject = subject;
        this.username = username;
        this.organisation = organisation;
        this.state = needsApproval ? RegistrationState.pending : RegistrationState.approved;
        this.createdAt = at.atOffset(ZoneOffset.UTC);
    }

    public void decide(boolean approve, String by, Instant at) {
        this.state = approve ? RegistrationState.approved : RegistrationState.denied;
        this.decidedBy = by;
        this.decidedAt = at.atOffset(ZoneOffset.UTC);
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

    public Optional<String> organisation() {
        return Optional.ofNullable(organisation);
    }

    public RegistrationState state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt).map(OffsetDateTime::toInstant);
    }
}
