package org.conclave.compliance.control;

import org.conclave.compliance.entity.MeetingDossier;
import org.conclave.compliance.entity.MeetingHeader;
import org.conclave.compliance.entity.TimelineEntry;

/** A meeting dossier's heading as printed; its timeline rows are worded one at a time as they stream past. */
record DossierView(
        Heading heading,
        String meetingId,
        String meetingTitle,
        String classification,
        String label,
        String labelColour,
        String host,
        String start) {

    static final String TITLE = "Meeting dossier";

    record TimelineRow(String time, String kind, String actor, String outcome, String detail) {}

    static DossierView of(MeetingDossier dossier) {
        MeetingHeader meeting = dossier.meeting();
        Wording wording = new Wording(dossier.heading().zone());
        return new DossierView(
                Heading.of(TITLE, dossier.heading()),
                meeting.meetingId(),
                meeting.title(),
                meeting.classification().name(),
                meeting.label().displayName(),
                SharingView.colour(meeting.label()),
                meeting.host(),
                wording.time(meeting.start()));
    }

    static TimelineRow row(Wording wording, TimelineEntry entry) {
        return new TimelineRow(wording.time(entry.at()), entry.kind(), entry.actor(), entry.outcome(), entry.detail());
    }
}
