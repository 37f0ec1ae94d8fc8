package org.conclave.recording.boundary;

import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.recording.entity.LegalHold;

/** The body of a legal hold ({@code reason}, {@code caseReference}) and how a hold is shown. */
record LegalHoldRequest(String reason, String caseReference) {

    static LegalHoldRequest read(JsonValue json) {
        JsonBodies body = JsonBodies.of(json);
        String reason = body.text("reason", true);
        String caseReference = body.text("caseReference", true);
        if (reason != null
                && (reason.isBlank() || reason.length() > 500 || reason.chars().anyMatch(c -> c < 0x20))) {
            body.problem("'reason' must have 1 to 500 characters and no control characters");
        }
        if (caseReference != null && !caseReference.matches("[\\p{L}\\p{N} ._/#:-]{1,100}")) {
            body.problem("'caseReference' must have 1 to 100 letters, digits, spaces or . _ / # : -");
        }
        body.orRefuse();
        return new LegalHoldRequest(reason.strip(), caseReference.strip());
    }

    static Map<String, Object> view(LegalHold hold) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", hold.id());
        hold.recordingId().ifPresent(r -> view.put("recordingId", r));
        hold.meetingId().ifPresent(m -> view.put("meetingId", m));
        view.put("reason", hold.reason());
        view.put("caseReference", hold.caseReference());
        view.put("placedAt", hold.placedAt().toString());
        view.put("active", hold.isActive());
        return view;
    }
}
