package org.conclave.audit.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is about to be recorded: an action on a target, allowed or refused, with a reason code and details. The
 * actor and the request come from the context of the call. Details hold only pseudonymous, non-personal values
 * (ids, codes, counts, settings): names and free text stay out of the chain.
 */
public final class AuditEntry {

    private final String action;
    private final Outcome outcome;
    private String targetType;
    private String targetId;
    private String reason;
    private Source source = Source.CONCLAVE;
    private java.time.Instant occurredAt;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private AuditEntry(String action, Outcome outcome) {
        this.action = Objects.requireNonNull(action);
        this.outcome = Objects.requireNonNull(outcome);
    }

    public static AuditEntry allowed(String action) {
        return new AuditEntry(action, Outcome.ALLOWED);
    }

    public static AuditEntry refused(String action, String reason) {
        return new AuditEntry(action, Outcome.REFUSED).reason(reason);
    }

    public AuditEntry target(String type, String id) {
        this.targetType = type;
        this.targetId = id;
        return this;
    }

    public AuditEntry reason(String reason) {
        this.reason = reason;
        return this;
    }

    public AuditEntry source(Source source) {
        this.source = Objects.requireNonNull(source);
        return this;
    }

    /** When it happened, for events reported by others (Keycloak, the platform); otherwise now. */
    public AuditEntry occurredAt(java.time.Instant at) {
        this.occurredAt = at;
        return this;
    }

    public Optional<java.time.Instant> occurredAt() {
        return Optional.ofNullable(occurredAt);
    }

    /** A detail: String, Boolean, Integer/Long, or a List/Map of those. */
    public AuditEntry detail(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public String action() {
        return action;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Optional<String> targetType() {
        return Optional.ofNullable(targetType);
    }

    public Optional<String> targetId() {
        return Optional.ofNullable(targetId);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Source source() {
        return source;
    }

    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }
}
