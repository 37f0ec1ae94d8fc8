package org.conclave.admission.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything the admission decision depends on, gathered before deciding: plain values, so the decision is a pure
 * function that is unit-tested as a table.
 */
public record AdmissionFacts(
        boolean scheduled,
        boolean drifting,
        boolean platformQualifies,
        Instant now,
        Instant start,
        Instant end,
        Duration joinWindowBefore,
        boolean banned,
        boolean host,
        boolean registrationRequired,
        RegistrationStatus registration,
        boolean organisationAllowed,
        boolean secondFactorRequired,
        boolean usedSecondFactor,
        PasscodeCheck passcode,
        Duration throttledFor,
        boolean locked,
        boolean hostPresent,
        boolean joinBeforeHostAllowed,
        boolean waitingRoom) {

    /** Where the person's registration stands. */
    public enum RegistrationStatus {
        NONE,
        PENDING,
        APPROVED,
        DENIED
    }

    /** The passcode given, against the meeting's. */
    public enum PasscodeCheck {
        NOT_REQUIRED,
        /** Required, but not compared: the person is throttled. */
        NOT_CHECKED,
        MISSING,
        WRONG,
        RIGHT
    }
}
