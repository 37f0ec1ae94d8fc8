package org.conclave.audit.entity;

import java.util.Map;

/**
 * One link of the chain: the event's canonical fields (which include its {@code seq}), the hash of its
 * predecessor and its own hash.
 */
public record SealedEvent(long seq, byte[] prevHash, byte[] hash, Map<String, Object> event) {}
