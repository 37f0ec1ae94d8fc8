package org.conclave.compliance.entity;

import java.util.Objects;

/** The heading of one meeting's dossier; its timeline is streamed separately, as it may be long. */
public record MeetingDossier(ReportHeading heading, MeetingHeader meeting) {

    public MeetingDossier {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(meeting, "meeting");
    }
}
