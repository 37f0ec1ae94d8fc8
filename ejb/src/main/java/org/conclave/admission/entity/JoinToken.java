package org.conclave.admission.entity;

import java.time.Instant;

/** A signed, short-lived token for the video platform, and the URL that carries it into the room. */
public record JoinToken(String token, Instant expiresAt, String joinUrl, String room) {}
