package org.conclave.audit.entity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The result of walking the chain. {@code verifiedThrough}: the last sequence number whose link and hash were
 * recomputed and found intact; {@code anchoredThrough}: the last one also covered by a valid signed checkpoint
 * (events after it could have been rewritten by someone without the signing key, until the next checkpoint).
 */
public record Verification(
        boolean valid,
        long verifiedThrough,
        long anchoredThrough,
        long events,
        long checkpoints,
        Optional<Long> firstInvalidSequence,
        String reason) {

    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("valid", valid);
        wire.put("verifiedThrough", verifiedThrough);
        wire.put("anchoredThrough", anchoredThrough);
        wire.put("events", events);
        wire.put("checkpoints", checkpoints);
        wire.put("firstInvalidSequence", firstInvalidSequence.orElse(null));
        wire.put("reason", reason);
        return wire;
    }
}
