package org.conclave.admission.entity;

import org.conclave.platform.entity.Rule;

/** Every reason an admission can be refused, each its own problem type. */
public final class AdmissionRules {

    public static final Rule MEETING_NOT_OPEN = new Rule("meeting-not-open", 409, "The meeting is cancelled or over");
    public static final Rule POLICY_DRIFT =
            new Rule("policy-drift", 409, "The meeting's policy is weaker than its baseline: the host must realign it");
    public static final Rule PLATFORM_POSTURE = new Rule(
            "platform-posture", 409, "The video platform lacks a security posture this meeting's policy requires");
    public static final Rule OUTSIDE_JOIN_WINDOW =
            new Rule("outside-join-window", 409, "The meeting is not open for joining now");
    public static final Rule BANNED = new Rule("banned", 403, "You were removed and may not rejoin");
    public static final Rule NOT_REGISTERED = new Rule("not-registered", 403, "Register for this meeting first");
    public static final Rule REGISTRATION_PENDING =
            new Rule("registration-pending", 403, "Your registration waits for the host's approval");
    public static final Rule REGISTRATION_DENIED = new Rule("registration-denied", 403, "Your registration was denied");
    public static final Rule ORGANISATION_NOT_ALLOWED = new Rule(
            "organisation-not-allowed", 403, "The sharing label keeps this meeting inside the host's organisation");
    public static final Rule SECOND_FACTOR_REQUIRED =
            new Rule("second-factor-required", 401, "Sign in again with your one-time password");
    public static final Rule PASSCODE_REQUIRED = new Rule("passcode-required", 403, "This meeting needs its passcode");
    public static final Rule WRONG_PASSCODE = new Rule("wrong-passcode", 403, "The passcode is not right");
    public static final Rule TOO_MANY_TRIES =
            new Rule("too-many-passcode-tries", 429, "Too many wrong passcodes: wait");
    public static final Rule LOCKED = new Rule("meeting-locked", 409, "The host locked the meeting");
    public static final Rule NOT_ADMITTED = new Rule("not-admitted", 409, "You are not admitted to this meeting");
    public static final Rule WAITING_FOR_HOST = new Rule("waiting-for-host", 409, "The host has not joined yet");

    private AdmissionRules() {}
}
