package org.conclave.meeting.entity;

/** A registration waits for the host's decision unless the policy needs none. */
public enum RegistrationState {
    pending,
    approved,
    denied
}
