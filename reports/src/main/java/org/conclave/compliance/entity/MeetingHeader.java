package org.conclave.compliance.entity;

import java.time.Instant;
import java.util.Objects;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.SharingLabel;

/** The meeting a dossier is about. */
public record MeetingHeader(
        String meetingId, String title, Classification classification, SharingLabel label, String host, Instant start) {

    public MeetingHeader {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(start, "start");
    }
}
