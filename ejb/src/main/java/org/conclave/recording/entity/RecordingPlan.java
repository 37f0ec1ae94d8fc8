package org.conclave.recording.entity;

import java.util.List;
import java.util.Objects;

/** What the host asks for: why the meeting is recorded, who besides hosts and auditors may see it, for how long. */
public record RecordingPlan(String purpose, List<String> accessList, int retentionDays) {

    public RecordingPlan {
        Objects.requireNonNull(purpose, "purpose");
        accessList = List.copyOf(accessList);
    }
}
