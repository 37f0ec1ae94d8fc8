package org.conclave.meeting.boundary;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.conclave.meeting.entity.MeetingDraft;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.SharingLabel;

/** Turns the JSON of {@code POST /api/meetings} into a typed draft, or a 400 naming every problem. */
final class MeetingRequests {

    private MeetingRequests() {}

    static MeetingDraft draft(jakarta.json.JsonValue json) {
        JsonBodies body = JsonBodies.of(json);
        String title = body.text("title", true);
        String description = body.text("description", false);
        String classificationText = body.text("classification", true);
        Optional<Classification> classification =
                Optional.ofNullable(classificationText).flatMap(Classification::parse);
        if (classificationText != null && classification.isEmpty()) {
            body.problem("'classification' must be PUBLIC, INTERNAL, CONFIDENTIAL or SECRET");
        }
        String labelText = body.text("sharingLabel", true);
        Optional<SharingLabel> label = Optional.ofNullable(labelText).flatMap(SharingLabel::parse);
        if (labelText != null && label.isEmpty()) {
            body.problem("'sharingLabel' must be a TLP 2.0 label: CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
        }
        LocalDateTime start = null;
        String startText = body.text("start", true);
        if (startText != null) {
            try {
                start = LocalDateTime.parse(startText);
            } catch (DateTimeParseException e) {
                body.problem("'start' must be a local date and time such as 2026-12-01T10:00");
            }
        }
        ZoneId zone = null;
        String zoneText = body.text("timeZone", true);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                body.problem("'timeZone' must be an IANA time zone such as Europe/Madrid");
            }
        }
        Integer duration = body.integer("durationMinutes", true);
        String recurrence = body.text("recurrence", false);
        var invitees = body.texts("invitees");
        var cohosts = body.texts("cohosts");
        var settings = body.object("settings");
        body.orRefuse();
        return new MeetingDraft(
                title,
                description,
                classification.orElseThrow(),
                label.orElseThrow(),
                start,
                zone,
                duration,
                Optional.ofNullable(recurrence).filter(r -> !r.isBlank()),
                invitees,
                cohosts,
                settings);
    }
}
