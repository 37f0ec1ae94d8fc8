package org.conclave.audit.entity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement "the chain had {@code eventCount} events and its head {@code lastSeq} had hash
 * {@code headHash} at {@code signedAt}". Signed with Ed25519 by a key that never enters the database.
 */
public record Checkpoint(
        long lastSeq, byte[] headHash, long eventCount, String signedAt, String keyId, byte[] signature) {

    /** The fields the signature covers, canonicalised with RFC 8785 before signing. */
    public Map<String, Object> signedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventCount", eventCount);
        fields.put("headHash", Hex.of(headHash));
        fields.put("keyId", keyId);
        fields.put("lastSeq", lastSeq);
        fields.put("signedAt", signedAt);
        return fields;
    }

    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>(signedFields());
        wire.put("signature", java.util.Base64.getEncoder().encodeToString(signature));
        return wire;
    }
}
