package org.conclave.meeting.entity;

import java.util.List;
import java.util.Optional;

/** What scheduling produced: the meeting(s) of the series, and the passcode, shown to the host this once. */
public record ScheduledMeetings(List<Meeting> meetings, Optional<String> passcode) {

    public Meeting first() {
        return meetings.get(0);
    }
}
