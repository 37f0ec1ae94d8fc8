package org.conclave.policy.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.boundary.MeetingSummary;
import org.conclave.meeting.control.MeetingScheduler;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.policy.control.PolicyDrift;

/**
 * Scheduled meetings that a tightened baseline now outlaws (admission refuses them until they are back in line),
 * each with its violations; the admin brings one back in line with its baseline.
 */
@Named
@ViewScoped
public class ReviewDrift implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A violation in words. */
    public record Violation(String setting, String required, String requested, String rule, String controls)
            implements Serializable {}

    /** A drifting meeting. */
    public record Drifting(MeetingSummary meeting, List<Violation> violations) implements Serializable {}

    @Inject
    Access access;

    @Inject
    PolicyDrift drift;

    @Inject
    MeetingScheduler scheduler;

    private List<Drifting> drifting;

    public List<Drifting> getDrifting() {
        if (drifting == null) {
            Caller admin = access.require("policy.drift", Role.ADMIN);
            drifting = drift.visibleTo(admin).stream()
                    .map(d -> new Drifting(
                            MeetingSummary.of(d.meeting(), admin.subject()),
                            d.violations().stream()
                                    .map(v -> new Violation(
                                            SettingTexts.label(v.setting()),
                                            SettingTexts.value(v.setting().toWire(v.required())),
                                            SettingTexts.value(v.setting().toWire(v.requested())),
                                            SettingTexts.rule(v.setting()),
                                            String.join(", ", v.controls())))
                                    .toList()))
                    .toList();
        }
        return drifting;
    }

    public void realign(String meetingId) {
        Caller admin = access.requireWithSecondFactor("policy.drift-realign", "meeting", meetingId, Role.ADMIN);
        if (PageMessages.attempt(() -> scheduler.realign(admin, meetingId)).isPresent()) {
            PageMessages.info("drift.realigned");
        }
        drifting = null;
    }
}
