package org.conclave.meeting.entity;

/**
 * A passcode was generated (at scheduling) or rotated. The only moment Conclave knows it in clear: observers may
 * deliver it to approved participants where the policy allows mail, and must not keep it.
 */
public record PasscodeIssued(Meeting meeting, String passcode) {

    @Override
    public String toString() {
        return "PasscodeIssued[meeting=" + meeting.id() + "]";
    }
}
