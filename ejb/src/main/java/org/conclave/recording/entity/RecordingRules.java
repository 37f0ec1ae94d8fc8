package org.conclave.recording.entity;

import org.conclave.platform.entity.Rule;

/** The rules a recording request, a consent answer or a reported file can break, each its own problem type. */
public final class RecordingRules {

    public static final Rule RECORDING_FORBIDDEN =
            new Rule("recording-forbidden", 409, "The policy of this meeting's classification forbids recording");
    public static final Rule CONSENT_MISSING =
            new Rule("recording-consent-missing", 409, "Not everyone present has consented to be recorded");
    public static final Rule NOTICE_CHANGED =
            new Rule("recording-notice-changed", 409, "The recording notice changed: read it again and answer it");
    public static final Rule NO_NOTICE =
            new Rule("recording-notice-missing", 409, "No recording is planned for this meeting");
    public static final Rule ALREADY_RECORDING =
            new Rule("recording-already-running", 409, "A recording of this meeting is already running");
    public static final Rule RETENTION_OUT_OF_RANGE = new Rule(
            "recording-retention-out-of-range", 422, "The retention period is outside the classification's limits");
    public static final Rule UNKNOWN_ACCESS_USER =
            new Rule("recording-unknown-user", 422, "Someone on the access list is not known to the directory");
    public static final Rule FILE_MISMATCH = new Rule(
            "recording-file-mismatch", 422, "The reported recording file is missing or differs from what was reported");
    public static final Rule NOT_FINISHED =
            new Rule("recording-not-available", 409, "The recording has no file (still running, or deleted)");
    public static final Rule UNKNOWN_RECORDING =
            new Rule("unknown-recording", 422, "No authorised recording has this id in this meeting");
    public static final Rule NO_ACTIVE_HOLD = new Rule("legal-hold-not-active", 409, "There is no legal hold to lift");

    private RecordingRules() {}
}
