package org.conclave.recording.boundary;

import jakarta.json.JsonValue;
import java.util.List;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.recording.entity.RecordingPlan;

/** Reads a recording plan ({@code purpose}, {@code accessList}, {@code retentionDays}) or a 400 naming every problem. */
final class RecordingPlans {

    static final int MAX_PURPOSE = 500;
    static final int MAX_ACCESS_LIST = 50;

    private RecordingPlans() {}

    static RecordingPlan read(JsonValue json) {
        JsonBodies body = JsonBodies.of(json);
        String purpose = body.text("purpose", true);
        if (purpose != null && (purpose.isBlank() || purpose.length() > MAX_PURPOSE)) {
            body.problem("'purpose' must have 1 to " + MAX_PURPOSE + " characters");
        } else if (purpose != null && purpose.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            body.problem("'purpose' must not contain control characters");
        }
        List<String> accessList = body.texts("accessList");
        if (accessList.size() > MAX_ACCESS_LIST || accessList.stream().anyMatch(u -> u.isBlank() || u.length() > 255)) {
            body.problem("'accessList' names at most " + MAX_ACCESS_LIST + " usernames of 1 to 255 characters");
        }
        Integer retentionDays = body.integer("retentionDays", true);
        if (retentionDays != null && retentionDays < 1) {
            body.problem("'retentionDays' must be at least 1");
        }
        body.orRefuse();
        return new RecordingPlan(purpose.strip(), accessList, retentionDays);
    }
}
