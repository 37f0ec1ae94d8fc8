package org.conclave.admission.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.conclave.admission.control.AdmissionDesk;
import org.conclave.admission.control.Attendance;
import org.conclave.admission.control.MeetingControls;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.boundary.ManageMeeting;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.platform.entity.Refusal;
import org.conclave.policy.boundary.SettingTexts;

/**
 * The host running a meeting: the lobby (let people in or turn them away), lock and unlock, remove someone with a
 * ban at the policy's scope, end the meeting, and the attendance (admissions and presence reported by the platform).
 */
@Named
@ViewScoped
public class MeetingLobby implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Someone in the lobby. */
    public record Waiting(String admissionId, String username) implements Serializable {}

    /** One admission or one presence, as the attendance lists them. */
    public record AttendanceRow(String who, String state, String from, String until, boolean secondFactor)
            implements Serializable {}

    @Inject
    Access access;

    @Inject
    AdmissionDesk desk;

    @Inject
    MeetingControls controls;

    @Inject
    Attendance attendance;

    @Inject
    ManageMeeting page;

    private List<Waiting> waiting;
    private List<AttendanceRow> admissions;
    private List<AttendanceRow> presence;
    private String toRemove;

    public List<Waiting> getWaiting() {
        load();
        return waiting;
    }

    public List<AttendanceRow> getAdmissions() {
        load();
        return admissions;
    }

    public List<AttendanceRow> getPresence() {
        load();
        return presence;
    }

    private void load() {
        if (waiting != null || page.getMeeting() == null) {
            if (waiting == null) {
                waiting = List.of();
                admissions = List.of();
                presence = List.of();
            }
            return;
        }
        try {
            Caller host = access.require("attendance.read", Role.HOST);
            waiting = desk.waiting(host, page.getId()).stream()
                    .map(a -> new Waiting(a.id(), a.username()))
                    .toList();
            Map<String, Object> seen = attendance.of(host, page.getId());
            admissions = rows(seen.get("admissions")).stream()
                    .map(r -> new AttendanceRow(
                            text(r.get("username")),
                            text(r.get("state")),
                            text(r.get("createdAt")),
                            "",
                            Boolean.TRUE.equals(r.get("secondFactor"))))
                    .toList();
            presence = rows(seen.get("presence")).stream()
                    .map(r -> new AttendanceRow(
                            text(r.get("displayName")).isEmpty() ? text(r.get("subject")) : text(r.get("displayName")),
                            Boolean.TRUE.equals(r.get("admitted")) ? "admitted" : "unadmitted",
                            text(r.get("joinedAt")),
                            text(r.get("leftAt")),
                            false))
                    .toList();
        } catch (Refusal refusal) {
            PageMessages.refused(refusal);
            waiting = List.of();
            admissions = List.of();
            presence = List.of();
        }
    }

    public void admit(String admissionId) {
        decide(admissionId, true);
    }

    public void turnAway(String admissionId) {
        decide(admissionId, false);
    }

    private void decide(String admissionId, boolean admit) {
        Caller host = access.requireWithSecondFactor("admission.decide", "meeting", page.getId(), Role.HOST);
        PageMessages.attempt(() -> desk.decide(host, page.getId(), admissionId, admit))
                .ifPresent(a -> PageMessages.info(admit ? "lobby.admitted" : "lobby.turnedAway", a.username()));
        refresh();
    }

    public void lock() {
        Caller host = access.requireWithSecondFactor("meeting.lock", "meeting", page.getId(), Role.HOST);
        if (PageMessages.attempt(() -> controls.lock(host, page.getId(), true)).isPresent()) {
            PageMessages.info("room.locked");
        }
        refresh();
    }

    public void unlock() {
        Caller host = access.requireWithSecondFactor("meeting.unlock", "meeting", page.getId(), Role.HOST);
        if (PageMessages.attempt(() -> controls.lock(host, page.getId(), false)).isPresent()) {
            PageMessages.info("room.unlocked");
        }
        refresh();
    }

    public void remove() {
        Caller host = access.requireWithSecondFactor("meeting.remove", "meeting", page.getId(), Role.HOST);
        String who = toRemove;
        PageMessages.attempt(() -> controls.remove(host, page.getId(), who))
                .ifPresent(ban -> PageMessages.info("room.removed", who, SettingTexts.value(ban.scope())));
        toRemove = null;
        refresh();
    }

    public void end() {
        Caller host = access.requireWithSecondFactor("meeting.end", "meeting", page.getId(), Role.HOST);
        if (PageMessages.attempt(() -> controls.end(host, page.getId())).isPresent()) {
            PageMessages.info("room.ended");
        }
        refresh();
    }

    /** Reads everything again after an action (and the page's meeting, whose state may have changed). */
    public void refresh() {
        waiting = null;
        page.load();
    }

    public String getToRemove() {
        return toRemove;
    }

    public void setToRemove(String toRemove) {
        this.toRemove = toRemove;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
