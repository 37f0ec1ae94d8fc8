package org.conclave.admission.control;

import static org.conclave.admission.entity.AdmissionRules.BANNED;
import static org.conclave.admission.entity.AdmissionRules.LOCKED;
import static org.conclave.admission.entity.AdmissionRules.MEETING_NOT_OPEN;
import static org.conclave.admission.entity.AdmissionRules.NOT_ADMITTED;
import static org.conclave.admission.entity.AdmissionRules.NOT_REGISTERED;
import static org.conclave.admission.entity.AdmissionRules.ORGANISATION_NOT_ALLOWED;
import static org.conclave.admission.entity.AdmissionRules.OUTSIDE_JOIN_WINDOW;
import static org.conclave.admission.entity.AdmissionRules.PASSCODE_REQUIRED;
import static org.conclave.admission.entity.AdmissionRules.PLATFORM_POSTURE;
import static org.conclave.admission.entity.AdmissionRules.POLICY_DRIFT;
import static org.conclave.admission.entity.AdmissionRules.REGISTRATION_DENIED;
import static org.conclave.admission.entity.AdmissionRules.REGISTRATION_PENDING;
import static org.conclave.admission.entity.AdmissionRules.SECOND_FACTOR_REQUIRED;
import static org.conclave.admission.entity.AdmissionRules.TOO_MANY_TRIES;
import static org.conclave.admission.entity.AdmissionRules.WAITING_FOR_HOST;
import static org.conclave.admission.entity.AdmissionRules.WRONG_PASSCODE;

import java.time.Duration;
import java.util.Optional;
import org.conclave.admission.entity.AdmissionDecision;
import org.conclave.admission.entity.AdmissionFacts;
import org.conclave.admission.entity.AdmissionFacts.PasscodeCheck;
import org.conclave.admission.entity.AdmissionFacts.RegistrationStatus;
import org.conclave.admission.entity.RenewalFacts;
import org.conclave.platform.entity.Rule;

/**
 * Who gets in, in this order: the meeting is open and in line with its baseline; the platform has the posture
 * the policy requires; inside the join window; not
 * banned; registered and approved where required, from an allowed organisation; signed in with a second factor where
 * required; the right passcode (not while throttled); not locked; the host is there (or joining early is allowed);
 * then the waiting room or straight in. The host passes registration, passcode, lock, host and waiting room.
 */
public final class AdmissionPolicy {

    private AdmissionPolicy() {}

    public static AdmissionDecision decide(AdmissionFacts f) {
        if (!f.scheduled()) {
            return refuse(MEETING_NOT_OPEN, "the meeting is cancelled or has ended");
        }
        if (f.drifting()) {
            return refuse(
                    POLICY_DRIFT, "the baseline was tightened after scheduling; the host must realign the meeting");
        }
        if (!f.platformQualifies()) {
            return refuse(PLATFORM_POSTURE, "the video platform does not declare the posture this meeting requires");
        }
        if (f.now().isBefore(f.start().minus(f.joinWindowBefore())) || !f.now().isBefore(f.end())) {
            return refuse(
                    OUTSIDE_JOIN_WINDOW,
                    "joining opens " + f.joinWindowBefore().toMinutes()
                            + " minutes before the start and closes at the end");
        }
        if (f.banned()) {
            return refuse(BANNED, "you were removed from this meeting and may not rejoin");
        }
        if (!f.host() && f.registrationRequired()) {
            if (f.registration() == RegistrationStatus.NONE) {
                return refuse(NOT_REGISTERED, "register for this meeting first");
            }
            if (f.registration() == RegistrationStatus.PENDING) {
                return refuse(REGISTRATION_PENDING, "the host has not approved your registration yet");
            }
            if (f.registration() == RegistrationStatus.DENIED) {
                return refuse(REGISTRATION_DENIED, "the host denied your registration");
            }
        }
        if (!f.host() && !f.organisationAllowed()) {
            return refuse(ORGANISATION_NOT_ALLOWED, "people from your organisation may not join this meeting");
        }
        if (f.secondFactorRequired() && !f.usedSecondFactor()) {
            return refuse(SECOND_FACTOR_REQUIRED, "sign in again with your one-time password to join");
        }
        if (!f.host() && f.passcode() != PasscodeCheck.NOT_REQUIRED) {
            if (!f.throttledFor().isZero()) {
                return new AdmissionDecision.Refuse(
                        TOO_MANY_TRIES, "too many wrong passcodes; try again later", Optional.of(f.throttledFor()));
            }
            if (f.passcode() == PasscodeCheck.MISSING) {
                return refuse(PASSCODE_REQUIRED, "give the meeting's passcode");
            }
            if (f.passcode() == PasscodeCheck.WRONG) {
                return refuse(WRONG_PASSCODE, "the passcode is not right");
            }
        }
        if (!f.host() && f.locked()) {
            return refuse(LOCKED, "the host locked the meeting: nobody new may join");
        }
        if (!f.host() && !f.hostPresent() && !f.joinBeforeHostAllowed()) {
            return refuse(WAITING_FOR_HOST, "the host has not joined yet; try again shortly");
        }
        if (!f.host() && f.waitingRoom()) {
            return new AdmissionDecision.Wait();
        }
        return new AdmissionDecision.Admit();
    }

    /**
     * Whether someone already admitted may have a fresh token, without the passcode again: the meeting has not been
     * cancelled or ended, the admission stands (not removed since), no ban is in force, and the sign-in has the same
     * second-factor state as at admission. A lock does not stop renewals. Empty when the renewal is allowed.
     */
    public static Optional<Rule> refuseRenewal(RenewalFacts f, boolean usedSecondFactor) {
        if (!f.meetingScheduled()) {
            return Optional.of(MEETING_NOT_OPEN);
        }
        if (!f.admitted()) {
            return Optional.of(NOT_ADMITTED);
        }
        if (f.banned()) {
            return Optional.of(BANNED);
        }
        if (f.admittedWithSecondFactor() != usedSecondFactor) {
            return Optional.of(SECOND_FACTOR_REQUIRED);
        }
        return Optional.empty();
    }

    private static AdmissionDecision refuse(Rule rule, String detail) {
        return new AdmissionDecision.Refuse(rule, detail, Optional.<Duration>empty());
    }
}
