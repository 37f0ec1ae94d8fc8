package org.conclave.meeting.entity;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a calendar invitation (or its cancellation) says about one meeting: what it is, how sensitive, when,
 * where to join, who organises it and who is invited. The passcode is deliberately not part of it.
 *
 * @param meetingId stable id of the meeting; the invitation's UID is derived from it, so updates and the
 *     cancellation replace the same calendar entry
 * @param classification the classification's name, e.g. {@code CONFIDENTIAL}
 * @param sharingLabel the TLP label, e.g. {@code AMBER+STRICT} (a {@code TLP:} prefix is accepted)
 * @param start first (or only) meeting, in the time zone participants' calendars should show
 * @param recurrenceRule an RRULE value ({@code FREQ=WEEKLY;COUNT=4}) checked by {@code MeetingSeries}, if a series
 * @param sequence revision of the invitation: raised each time the organizer sends a change or the cancellation
 * @param policySummary one line per policy rule participants should know before joining
 * @param handlingNotice how participants must handle what they learn; may be empty
 */
public record CalendarInvite(
        String meetingId,
        String title,
        String description,
        String classification,
        String sharingLabel,
        ZonedDateTime start,
        Duration duration,
        Optional<String> recurrenceRule,
        String joinUrl,
        String organizerName,
        String organizerEmail,
        List<Attendee> attendees,
        int sequence,
        List<String> policySummary,
        String handlingNotice) {

    public CalendarInvite {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(sharingLabel, "sharingLabel");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(recurrenceRule, "recurrenceRule");
        Objects.requireNonNull(joinUrl, "joinUrl");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(handlingNotice, "handlingNotice");
        attendees = List.copyOf(attendees);
        policySummary = List.copyOf(policySummary);
        if (meetingId.isBlank()) {
            throw new IllegalArgumentException("an invitation needs the meeting's id");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a meeting lasts a positive duration, not " + duration);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("the sequence starts at 0, not " + sequence);
        }
    }

    /** Someone invited to the meeting, as their calendar should show them. */
    public record Attendee(String name, String email) {

        public Attendee {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
        }
    }
}
