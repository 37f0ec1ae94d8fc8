package org.conclave.platform.entity;

import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request Conclave refuses, for a named rule. Every refusal becomes exactly one RFC 9457 problem document:
 * the rule gives its type, status and title; the detail and the extension members say what was wrong.
 * Thrown from a service, it rolls the transaction back and reaches the caller as it is.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Rule rule;
    private final Map<String, Object> extensions;
    private volatile boolean recorded;

    public Refusal(Rule rule, String detail) {
        this(rule, detail, Map.of());
    }

    public Refusal(Rule rule, String detail, Map<String, ?> extensions) {
        super(detail, null, false, false);
        this.rule = rule;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Rule rule() {
        return rule;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Marks this refusal as recorded in the audit log, so that it is not recorded a second time. */
    public Refusal markRecorded() {
        recorded = true;
        return this;
    }

    /** Whether this refusal is already in the audit log. */
    public boolean recorded() {
        return recorded;
    }
}
