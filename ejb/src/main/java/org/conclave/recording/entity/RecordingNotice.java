package org.conclave.recording.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conclave.audit.control.CanonicalJson;

/**
 * What participants are told before they are recorded, and what their consent is bound to: why, what, where the file
 * is kept, who may see it and for how long. Its hash is computed over its canonical JSON form, so any change to any
 * part of the notice is a different notice that needs new consent.
 *
 * @param accessList usernames who may download the recording besides the hosts and the auditors, sorted
 */
public record RecordingNotice(
        String meetingId,
        String purpose,
        String recorded,
        String location,
        List<String> accessList,
        int retentionDays) {

    public static final String WHAT_IS_RECORDED = "audio, video and shared screens of everyone in the meeting";

    public RecordingNotice {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(location, "location");
        accessList = accessList.stream().distinct().sorted().toList();
        if (retentionDays < 1) {
            throw new IllegalArgumentException("a recording is kept at least one day, not " + retentionDays);
        }
    }

    /** The notice as its canonical JSON text: what is stored and what the hash is computed over. */
    public String text() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("meetingId", meetingId);
        fields.put("purpose", purpose);
        fields.put("recorded", recorded);
        fields.put("location", location);
        fields.put("accessList", accessList);
        fields.put("retentionDays", retentionDays);
        return CanonicalJson.write(fields);
    }

    /** SHA-256 (hex) of the canonical text: the value a participant's consent names. */
    public String hash() {
        return org.conclave.platform.control.Sha256.hex(text());
    }
}
