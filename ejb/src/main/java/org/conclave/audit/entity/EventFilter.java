package org.conclave.audit.entity;

import java.time.Instant;
import java.util.Optional;

/** Which audit events to list: every criterion optional; {@code before} is the keyset cursor (an event id). */
public record EventFilter(
        Optional<String> actor,
        Optional<String> action,
        Optional<String> targetType,
        Optional<String> targetId,
        Optional<String> outcome,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<Long> before,
        int limit) {}
