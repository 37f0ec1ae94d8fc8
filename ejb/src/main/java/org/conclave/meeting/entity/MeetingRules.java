package org.conclave.meeting.entity;

import org.conclave.platform.entity.Rule;

/** The rules a request about a meeting can break, each answered with its own problem type. */
public final class MeetingRules {

    public static final Rule OTHER_ORGANISATIONS_NOT_ALLOWED = new Rule(
            "other-organisations-not-allowed",
            422,
            "People from other organisations may not take part in this meeting");
    public static final Rule TOO_MANY_PARTICIPANTS =
            new Rule("too-many-participants", 422, "More people than the policy allows");
    public static final Rule UNKNOWN_PERSON = new Rule("unknown-person", 400, "No such user in the realm");
    public static final Rule NOT_SCHEDULED = new Rule("meeting-not-scheduled", 409, "The meeting is cancelled or over");
    public static final Rule NOT_INVITED = new Rule("not-invited", 403, "Only invited people may register");
    public static final Rule ALREADY_REGISTERED = new Rule("already-registered", 409, "You are already registered");
    public static final Rule ALREADY_DECIDED = new Rule("already-decided", 409, "That has already been decided");
    public static final Rule NOT_MANAGER =
            new Rule("not-meeting-manager", 403, "Only the host and co-hosts manage a meeting");
    public static final Rule NO_PASSCODE = new Rule("no-passcode", 409, "This meeting's policy has no passcode");
    public static final Rule SEGREGATION_OF_DUTIES =
            new Rule("segregation-of-duties", 403, "You may not decide on your own request");

    private MeetingRules() {}
}
