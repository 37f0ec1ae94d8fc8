package org.conclave.meeting.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.MeetingScheduler;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.control.Registrations;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.platform.entity.Refusal;
import org.conclave.policy.boundary.SettingTexts;

/**
 * The host's page of one meeting: its details and effective policy, registrations to approve or deny, a new
 * passcode (shown once), cancelling. The lobby, room controls and recording are on the same page
 * ({@code MeetingLobby}, {@code RecordMeeting}).
 */
@Named
@ViewScoped
public class ManageMeeting implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PASSCODE = ManageMeeting.class.getName() + ".passcode";

    /** A registration as the host sees it. */
    public record RegistrationRow(String id, String participant, String organisation, String state, Instant at)
            implements Serializable {
        public boolean pending() {
            return "pending".equals(state);
        }
    }

    /** One setting of the meeting's effective policy; {@code tightened} when the host made it stricter. */
    public record PolicyRow(String label, String value, boolean tightened, String controls) implements Serializable {}

    @Inject
    Access access;

    @Inject
    Meetings meetings;

    @Inject
    Registrations registrations;

    @Inject
    MeetingScheduler scheduler;

    private String id;
    private MeetingSummary meeting;
    private List<PolicyRow> policy = List.of();
    private List<RegistrationRow> registrationRows = List.of();
    private List<String> people = List.of();

    /** View action: the meeting, if the caller hosts it (404 for anyone else, as in the API). */
    public void load() {
        try {
            Caller host = access.require("meeting.read", Role.HOST);
            Meeting m = meetings.managed(host, id, "meeting.read");
            meeting = MeetingSummary.of(m, host.subject());
            Map<String, Object> tightened = m.tightenings();
            policy = m.policy().values().entrySet().stream()
                    .map(e -> new PolicyRow(
                            SettingTexts.label(e.getKey()),
                            SettingTexts.value(e.getKey().toWire(e.getValue())),
                            tightened.containsKey(e.getKey().wireKey()),
                            SettingTexts.controls(e.getKey())))
                    .toList();
            registrationRows = registrations.of(host, id).stream()
                    .map(r -> new RegistrationRow(
                            r.id(),
                            r.username(),
                            r.organisation().orElse(""),
                            r.state().name(),
                            r.createdAt()))
                    .toList();
            people = m.invitees().stream()
                    .map(org.conclave.meeting.entity.Invitee::username)
                    .sorted()
                    .toList();
        } catch (Refusal refusal) {
            PageMessages.refusedLoading(refusal);
        }
    }

    public void approve(String registrationId) {
        decide(registrationId, true);
    }

    public void deny(String registrationId) {
        decide(registrationId, false);
    }

    private void decide(String registrationId, boolean approve) {
        Caller host = access.requireWithSecondFactor("registration.decide", "meeting", id, Role.HOST);
        PageMessages.attempt(() -> registrations.decide(host, id, registrationId, approve))
                .ifPresent(r -> PageMessages.info(
                        approve ? "registration.decided.approved" : "registration.decided.denied", r.username()));
        load();
    }

    public void rotatePasscode() {
        Caller host = access.requireWithSecondFactor("meeting.passcode-rotate", "meeting", id, Role.HOST);
        PageMessages.attempt(() -> scheduler.rotatePasscode(host, id))
                .ifPresent(
                        p -> FacesContext.getCurrentInstance().getAttributes().put(PASSCODE, p));
        load();
    }

    public void cancel() {
        Caller host = access.requireWithSecondFactor("meeting.cancel", "meeting", id, Role.HOST);
        if (PageMessages.attempt(() -> scheduler.cancel(host, id)).isPresent()) {
            PageMessages.info("meeting.cancelled");
        }
        load();
    }

    /** A new passcode, on the response to rotating it only. */
    public String getNewPasscode() {
        return (String) FacesContext.getCurrentInstance().getAttributes().get(PASSCODE);
    }

    public boolean isPolicyPasscodeRequired() {
        return meeting != null && meeting.passcodeRequired();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public MeetingSummary getMeeting() {
        return meeting;
    }

    public List<PolicyRow> getPolicy() {
        return policy;
    }

    public List<RegistrationRow> getRegistrations() {
        return registrationRows;
    }

    public long getPendingCount() {
        return registrationRows.stream().filter(RegistrationRow::pending).count();
    }

    /** Invitees and registrants: whom the host may remove. */
    public List<String> getPeople() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(people);
        registrationRows.forEach(r -> names.add(r.participant()));
        return List.copyOf(names);
    }
}
