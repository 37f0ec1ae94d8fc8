package org.conclave.notification.entity;

import java.time.ZonedDateTime;
import java.util.Objects;

/** What a message says about the meeting: never its passcode. */
public record MeetingFacts(
        String meetingId,
        String title,
        String hostName,
        ZonedDateTime start,
        int durationMinutes,
        String classification,
        String sharingLabel,
        String joinUrl) {

    public MeetingFacts {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(sharingLabel, "sharingLabel");
        Objects.requireNonNull(joinUrl, "joinUrl");
    }
}
