package org.conclave.meeting.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conclave.identity.entity.Caller;
import org.conclave.meeting.entity.Invitee;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.Registration;

/** The JSON shapes of meetings and registrations. Never a passcode hash; invitees only for the host and auditors. */
final class MeetingViews {

    private MeetingViews() {}

    static Map<String, Object> meeting(Meeting m, Caller caller) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id());
        view.put("seriesId", m.seriesId());
        view.put("occurrence", m.occurrence());
        view.put("title", m.title());
        view.put("description", m.description());
        view.put("classification", m.classification().name());
        view.put("sharingLabel", m.sharingLabel().wireName());
        view.put("start", m.start().toOffsetDateTime().toString());
        view.put("timeZone", m.start().getZone().getId());
        view.put("durationMinutes", m.durationMinutes());
        m.recurrence().ifPresent(r -> view.put("recurrence", r));
        view.put("state", m.state().name());
        view.put("host", m.hostUsername());
        view.put(
                "yourRole",
                m.isManagedBy(caller.subject()) ? "host" : m.isInvited(caller.subject()) ? "invitee" : "observer");
        view.put("passcodeRequired", m.policy().passcodeRequired());
        view.put("policy", m.policy().toWire());
        view.put("tightenings", m.tightenings());
        view.put("baselineVersion", m.baselineVersion());
        if (m.isManagedBy(caller.subject()) || caller.has(org.conclave.identity.entity.Role.AUDITOR)) {
            view.put(
                    "invitees",
                    m.invitees().stream().map(Invitee::username).sorted().toList());
        }
        return view;
    }

    static Map<String, Object> registration(Registration r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("meetingId", r.meetingId());
        view.put("participant", r.username());
        view.put("organisation", r.organisation().orElse(null));
        view.put("state", r.state().name());
        view.put("registeredAt", r.createdAt().toString());
        r.decidedAt().ifPresent(at -> view.put("decidedAt", at.toString()));
        return view;
    }

    static List<Map<String, Object>> meetings(List<Meeting> meetings, Caller caller) {
        return meetings.stream().map(m -> meeting(m, caller)).toList();
    }
}
