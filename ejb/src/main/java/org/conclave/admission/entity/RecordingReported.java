package org.conclave.admission.entity;

/**
 * The platform reported a finished recording file: where it put it in the recordings store, its size and SHA-256
 * (fired within the transaction of the webhook call; an observer's refusal rolls the event back).
 */
public record RecordingReported(
        String meetingId, String recordingId, String path, long sizeBytes, String sha256, String eventId) {}
