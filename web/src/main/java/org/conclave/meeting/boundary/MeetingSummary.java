package org.conclave.meeting.boundary;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.conclave.meeting.entity.Meeting;

/** A meeting as the pages list it: never a passcode or its hash. */
public record MeetingSummary(
        String id,
        String title,
        String description,
        String classification,
        String sharingLabel,
        ZonedDateTime start,
        int durationMinutes,
        String state,
        String host,
        boolean locked,
        boolean passcodeRequired,
        boolean managed)
        implements Serializable {

    public static MeetingSummary of(Meeting m, String subject) {
        return new MeetingSummary(
                m.id(),
                m.title(),
                m.description(),
                m.classification().name(),
                m.sharingLabel().displayName(),
                m.start(),
                m.durationMinutes(),
                m.state().name(),
                m.hostUsername(),
                m.isLocked(),
                m.policy().passcodeRequired(),
                m.isManagedBy(subject));
    }

    /** CSS class of the classification badge, e.g. {@code class-confidential}. */
    public String classificationStyle() {
        return "badge class-" + classification.toLowerCase(Locale.ROOT);
    }

    /** CSS class of the TLP badge, e.g. {@code tlp-amber-strict}. */
    public String labelStyle() {
        return "badge tlp tlp-"
                + sharingLabel.substring(4).toLowerCase(Locale.ROOT).replace('+', '-');
    }

    public boolean scheduled() {
        return "scheduled".equals(state);
    }
}
