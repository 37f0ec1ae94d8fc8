package org.conclave.policy.entity;

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
 * A host's request to weaken one setting of one meeting for a limited time, with a justification; an admin other
 * than the requester approves or rejects it; it expires by itself.
 */
@Entity
@Table(name = "policy_exception")
@NamedQuery(name = ExceptionRequest.OF_MEETING, query = "SELECT e FROM ExceptionRequest e WHERE e.meetingId = :meeting")
@NamedQuery(
        name = ExceptionRequest.APPROVED_EXPIRED,
        query = "SELECT e FROM ExceptionRequest e WHERE e.state = 'approved' AND e.expiresAt <= :now")
@NamedQuery(
        name = ExceptionRequest.OPEN,
        query = "SELECT e FROM ExceptionRequest e WHERE e.state = 'requested' ORDER BY e.requestedAt")
public class ExceptionRequest {

    public static final String OF_MEETING = "ExceptionRequest.ofMeeting";
    public static final String APPROVED_EXPIRED = "ExceptionRequest.approvedExpired";
    public static final String OPEN = "ExceptionRequest.open";

    @Id
    private String id;

    @Column(name = "meeting_id")
    private String meetingId;

    private String setting;

    @Column(name = "allowed_value", columnDefinition = "jsonb")
    @jakarta.persistence.Convert(converter = org.conclave.meeting.entity.TagConverters.JsonObjectColumn.class)
    private java.util.Map<String, Object> allowedValue;

    private String justification;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    private String state;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected ExceptionRequest() {}

    public ExceptionRequest(
            String id,
            String meetingId,
            PolicySetting setting,
            Object allowedValue,
            String justification,
            String requestedBy,
            Instant requestedAt,
            Instant expiresAt) {
        this.id = id;
        this.meetingId = meetingId;
        this.setting = setting.wireKey();
        this.allowedValue = java.util.Map.of("value", setting.toWire(allowedValue));
        this.justification = justification;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt.atOffset(ZoneOffset.UTC);
        this.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
        this.state = "requested";
    }

    public boolean isRequestedBy(String subject) {
        return requestedBy.equals(subject);
    }

    public boolean isOpen() {
        return "requested".equals(state);
    }

    public void decide(boolean approve, String by, Instant at) {
        this.state = approve ? "approved" : "rejected";
        this.decidedBy = by;
        this.decidedAt = at.atOffset(ZoneOffset.UTC);
    }

    public void expire() {
        this.state = "expired";
    }

    /** The granted exception, while it is approved. */
    public Optional<PolicyException> granted() {
        return "approved".equals(state)
                ? Optional.of(new PolicyException(setting(), allowedValue(), expiresAt.toInstant()))
                : Optional.empty();
    }

    public String id() {
        return id;
    }

    public String meetingId() {
        return meetingId;
    }

    public PolicySetting setting() {
        return PolicySetting.forWireKey(setting).orElseThrow();
    }

    public Object allowedValue() {
        return setting().fromWire(allowedValue.get("value")).orElseThrow();
    }

    public String justification() {
        return justification;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }

    public String state() {
        return state;
    }
}
