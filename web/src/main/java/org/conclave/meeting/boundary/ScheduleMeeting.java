package org.conclave.meeting.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.MeetingScheduler;
import org.conclave.meeting.entity.MeetingDraft;
import org.conclave.meeting.entity.ScheduledMeetings;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.policy.control.Baselines;
import org.conclave.policy.entity.Baseline;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.PolicySetting;
import org.conclave.policy.entity.SharingLabel;

/**
 * Scheduling a meeting: first the classification, then the form with its baseline (settings the baseline fixes
 * shown locked, with their rule and ISO controls; the others only tightenable). The scheduler decides; its refusals
 * (every violation at once) show on the form. The passcode is shown once, on the answer to the form, never again.
 */
@Named
@ViewScoped
public class ScheduleMeeting implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PASSCODE = ScheduleMeeting.class.getName() + ".passcode";

    @Inject
    Access access;

    @Inject
    Baselines baselines;

    @Inject
    MeetingScheduler scheduler;

    private String classification;
    private String title;
    private String description;
    private String sharingLabel = SharingLabel.AMBER.wireName();
    private String date;
    private String time;
    private String timeZone = ZoneId.systemDefault().getId();
    private Integer durationMinutes = 60;
    private String invitees;
    private String recurrence;
    private int baselineVersion;
    private List<SettingChoice> settings = List.of();

    private MeetingSummary scheduled;
    private boolean passcodeByMail;
    private int occurrences;

    /** Loads the baseline of the chosen classification (view action). */
    public void load() {
        access.require("policy.read", Role.HOST);
        LocalDateTime soon = LocalDateTime.now(ZoneId.of(timeZone)).plusHours(1).truncatedTo(ChronoUnit.HOURS);
        date = soon.toLocalDate().toString();
        time = soon.toLocalTime().toString();
        Optional<Classification> chosen = Optional.ofNullable(classification).flatMap(Classification::parse);
        if (chosen.isEmpty()) {
            classification = null;
            return;
        }
        Baseline baseline = baselines.of(chosen.get());
        baselineVersion = baseline.version();
        settings = Arrays.stream(PolicySetting.values())
                .map(s -> SettingChoice.of(s, baseline.settings().value(s)))
                .toList();
        if (chosen.get() == Classification.SECRET) {
            sharingLabel = SharingLabel.RED.wireName();
        }
    }

    public String schedule() {
        Caller host = access.requireWithSecondFactor("meeting.schedule", Role.HOST);
        Optional<MeetingDraft> draft = draft();
        if (draft.isEmpty()) {
            return null;
        }
        Optional<ScheduledMeetings> done = PageMessages.attempt(() -> scheduler.schedule(host, draft.get()));
        done.ifPresent(s -> {
            scheduled = MeetingSummary.of(s.first(), host.subject());
            s.passcode()
                    .ifPresent(p ->
                            FacesContext.getCurrentInstance().getAttributes().put(PASSCODE, p));
            passcodeByMail = s.first().policy().passcodeByMailAllowed();
            occurrences = s.meetings().size();
        });
        return null;
    }

    private Optional<MeetingDraft> draft() {
        boolean valid = true;
        LocalDateTime start = null;
        ZoneId zone = null;
        try {
            start = LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time));
        } catch (DateTimeParseException | NullPointerException e) {
            PageMessages.warn("schedule.problem.start");
            valid = false;
        }
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            PageMessages.warn("schedule.problem.zone");
            valid = false;
        }
        Optional<SharingLabel> label = SharingLabel.parse(sharingLabel);
        if (label.isEmpty()) {
            PageMessages.warn("schedule.problem.label");
            valid = false;
        }
        if (durationMinutes == null) {
            PageMessages.warn("schedule.problem.duration");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        Map<String, Object> tightenings = new LinkedHashMap<>();
        settings.forEach(s -> s.tightening().ifPresent(v -> tightenings.put(s.getKey(), v)));
        return Optional.of(new MeetingDraft(
                title == null ? "" : title.strip(),
                description,
                Classification.parse(classification).orElseThrow(),
                label.get(),
                start,
                zone,
                durationMinutes,
                Optional.ofNullable(recurrence).map(String::strip).filter(r -> !r.isEmpty()),
                Usernames.of(invitees),
                List.of(),
                tightenings));
    }

    public List<String> getClassifications() {
        return Arrays.stream(Classification.values()).map(Enum::name).toList();
    }

    public List<String> getSharingLabels() {
        return Arrays.stream(SharingLabel.values()).map(SharingLabel::wireName).toList();
    }

    public List<String> getTimeZones() {
        TreeSet<String> zones = new TreeSet<>(List.of(
                "UTC",
                "Europe/Madrid",
                "Europe/London",
                "Europe/Berlin",
                "Europe/Paris",
                "America/New_York",
                "America/Mexico_City",
                "America/Bogota",
                "America/Buenos_Aires",
                "Asia/Tokyo"));
        zones.add(ZoneId.systemDefault().getId());
        zones.add(timeZone);
        return List.copyOf(zones);
    }

    public List<SettingChoice> getLockedSettings() {
        return settings.stream().filter(SettingChoice::isLocked).toList();
    }

    public List<SettingChoice> getAdjustableSettings() {
        return settings.stream().filter(s -> !s.isLocked()).toList();
    }

    public boolean isChosen() {
        return classification != null;
    }

    public String getClassification() {
        return classification;
    }

    public void setClassification(String classification) {
        this.classification = classification;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSharingLabel() {
        return sharingLabel;
    }

    public void setSharingLabel(String sharingLabel) {
        this.sharingLabel = sharingLabel;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public String getInvitees() {
        return invitees;
    }

    public void setInvitees(String invitees) {
        this.invitees = invitees;
    }

    public String getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(String recurrence) {
        this.recurrence = recurrence;
    }

    public int getBaselineVersion() {
        return baselineVersion;
    }

    public MeetingSummary getScheduled() {
        return scheduled;
    }

    /** The passcode, on the response to the scheduling request only: it is kept nowhere, not even in the view. */
    public String getPasscode() {
        return (String) FacesContext.getCurrentInstance().getAttributes().get(PASSCODE);
    }

    public boolean isPasscodeByMail() {
        return passcodeByMail;
    }

    public int getOccurrences() {
        return occurrences;
    }
}
