package org.conclave.admission.entity;

/**
 * The platform reported someone entering a meeting's room (fired within the transaction that records it, so
 * observers' audit entries commit or roll back with it).
 */
public record OccupantJoined(String meetingId, String subject, String displayName, String eventId) {}
