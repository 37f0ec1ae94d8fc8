package org.conclave.meeting.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import org.conclave.policy.entity.ExceptionRequest;

/** The JSON shape of a policy exception request. */
public final class PolicyExceptionViews {

    private PolicyExceptionViews() {}

    public static Map<String, Object> of(ExceptionRequest e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("meetingId", e.meetingId());
        view.put("setting", e.setting().wireKey());
        view.put("value", e.setting().toWire(e.allowedValue()));
        view.put("justification", e.justification());
        view.put("expiresAt", e.expiresAt().toString());
        view.put("state", e.state());
        return view;
    }
}
