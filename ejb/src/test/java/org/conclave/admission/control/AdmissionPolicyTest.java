package org.conclave.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.conclave.admission.entity.AdmissionDecision;
import org.conclave.admission.entity.AdmissionFacts;
import org.conclave.admission.entity.AdmissionFacts.PasscodeCheck;
import org.conclave.admission.entity.AdmissionFacts.RegistrationStatus;
import org.conclave.admission.entity.AdmissionRules;
import org.conclave.platform.entity.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The admission decision as a table: every reason, and which one wins when several apply. */
class AdmissionPolicyTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** A participant who passes every check. */
    private static Facts ok() {
        return new Facts(
                true,
                false,
                START.minusSeconds(60),
                false,
                false,
                true,
                RegistrationStatus.APPROVED,
                true,
                true,
                true,
                PasscodeCheck.RIGHT,
                Duration.ZERO,
                false,
                true,
                false,
                false);
    }

    record Facts(
            boolean scheduled,
            boolean drifting,
            Instant now,
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
            boolean joinBeforeHost,
            boolean waitingRoom) {

        AdmissionFacts build() {
            return new AdmissionFacts(
                    scheduled,
                    drifting,
                    true,
                    now,
                    START,
                    START.plusSeconds(3600),
                    Duration.ofMinutes(15),
                    banned,
                    host,
                    registrationRequired,
                    registration,
                    organisationAllowed,
                    secondFactorRequired,
                    usedSecondFactor,
                    passcode,
                    throttledFor,
                    locked,
                    hostPresent,
                    joinBeforeHost,
                    waitingRoom);
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row(
                        "cancelled",
                        f -> new Facts(
                                false,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.MEETING_NOT_OPEN),
                row(
                        "drifting",
                        f -> new Facts(
                                f.scheduled,
                                true,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.POLICY_DRIFT),
                row(
                        "too early",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                START.minusSeconds(16 * 60),
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.OUTSIDE_JOIN_WINDOW),
                row(
                        "over",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                START.plusSeconds(3600),
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.OUTSIDE_JOIN_WINDOW),
                row(
                        "banned",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                true,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.BANNED),
                row(
                        "not registered",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                RegistrationStatus.NONE,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.NOT_REGISTERED),
                row(
                        "pending",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                RegistrationStatus.PENDING,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.REGISTRATION_PENDING),
                row(
                        "denied",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                RegistrationStatus.DENIED,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.REGISTRATION_DENIED),
                row(
                        "organisation",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                false,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.ORGANISATION_NOT_ALLOWED),
                row(
                        "password only",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                false,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.SECOND_FACTOR_REQUIRED),
                row(
                        "throttled",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                Duration.ofSeconds(90),
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.TOO_MANY_TRIES),
                row(
                        "no passcode",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                PasscodeCheck.MISSING,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.PASSCODE_REQUIRED),
                row(
                        "wrong passcode",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                PasscodeCheck.WRONG,
                                f.throttledFor,
                                f.locked,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.WRONG_PASSCODE),
                row(
                        "locked",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                true,
                                f.hostPresent,
                                f.joinBeforeHost,
                                f.waitingRoom),
                        AdmissionRules.LOCKED),
                row(
                        "no host",
                        f -> new Facts(
                                f.scheduled,
                                f.drifting,
                                f.now,
                                f.banned,
                                f.host,
                                f.registrationRequired,
                                f.registration,
                                f.organisationAllowed,
                                f.secondFactorRequired,
                                f.usedSecondFactor,
                                f.passcode,
                                f.throttledFor,
                                f.locked,
                                false,
                                false,
                                f.waitingRoom),
                        AdmissionRules.WAITING_FOR_HOST));
    }

    private static Arguments row(String name, UnaryOperator<Facts> change, Rule rule) {
        return Arguments.of(name, change.apply(ok()), rule);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("refusals")
    void eachReasonRefusesWithItsOwnRule(String name, Facts facts, Rule rule) {
        AdmissionDecision decision = AdmissionPolicy.decide(facts.build());
        assertEquals(
                rule, assertInstanceOf(AdmissionDecision.Refuse.class, decision).rule(), name);
    }

    @Test
    void aPlatformWithoutTheRequiredPostureAdmitsNobodyNotEvenTheHost() {
        AdmissionFacts f = ok().build();
        AdmissionFacts lacking = new AdmissionFacts(
                f.scheduled(),
                f.drifting(),
                false,
                f.now(),
                f.start(),
                f.end(),
                f.joinWindowBefore(),
                f.banned(),
                true,
                f.registrationRequired(),
                f.registration(),
                f.organisationAllowed(),
                f.secondFactorRequired(),
                f.usedSecondFactor(),
                f.passcode(),
                f.throttledFor(),
                f.locked(),
                f.hostPresent(),
                f.joinBeforeHostAllowed(),
                f.waitingRoom());
        assertEquals(
                AdmissionRules.PLATFORM_POSTURE, ((AdmissionDecision.Refuse) AdmissionPolicy.decide(lacking)).rule());
    }

    @Test
    void aParticipantWhoPassesEveryCheckIsAdmitted() {
        assertInstanceOf(AdmissionDecision.Admit.class, AdmissionPolicy.decide(ok().build()));
    }

    @Test
    void theWaitingRoomHoldsParticipantsButNotTheHost() {
        Facts waiting = new Facts(
                true,
                false,
                START,
                false,
                false,
                true,
                RegistrationStatus.APPROVED,
                true,
                true,
                true,
                PasscodeCheck.RIGHT,
                Duration.ZERO,
                false,
                true,
                false,
                true);
        assertInstanceOf(AdmissionDecision.Wait.class, AdmissionPolicy.decide(waiting.build()));
        Facts host = new Facts(
                true,
                false,
                START,
                false,
                true,
                true,
                RegistrationStatus.NONE,
                true,
                true,
                true,
                PasscodeCheck.NOT_REQUIRED,
                Duration.ZERO,
                true,
                false,
                false,
                true);
        assertInstanceOf(AdmissionDecision.Admit.class, AdmissionPolicy.decide(host.build()));
    }

    @Test
    void theHostStillNeedsTheSecondFactorAndMayNotEnterWhenBanned() {
        Facts host = new Facts(
                true,
                false,
                START,
                false,
                true,
                true,
                RegistrationStatus.NONE,
                true,
                true,
                false,
                PasscodeCheck.NOT_REQUIRED,
                Duration.ZERO,
                false,
                false,
                false,
                false);
        assertEquals(
                AdmissionRules.SECOND_FACTOR_REQUIRED,
                ((AdmissionDecision.Refuse) AdmissionPolicy.decide(host.build())).rule());
    }

    @Test
    void precedenceFollowsTheOrderOfTheChecks() {
        Facts everythingWrong = new Facts(
                true,
                false,
                START,
                true,
                false,
                true,
                RegistrationStatus.NONE,
                false,
                true,
                false,
                PasscodeCheck.WRONG,
                Duration.ofSeconds(10),
                true,
                false,
                false,
                true);
        assertEquals(
                AdmissionRules.BANNED,
                ((AdmissionDecision.Refuse) AdmissionPolicy.decide(everythingWrong.build())).rule());
        Facts notBanned = new Facts(
                true,
                false,
                START,
                false,
                false,
                true,
                RegistrationStatus.APPROVED,
                true,
                true,
                false,
                PasscodeCheck.WRONG,
                Duration.ofSeconds(10),
                true,
                false,
                false,
                true);
        assertEquals(
                AdmissionRules.SECOND_FACTOR_REQUIRED,
                ((AdmissionDecision.Refuse) AdmissionPolicy.decide(notBanned.build())).rule());
        Facts throttledAndLocked = new Facts(
                true,
                false,
                START,
                false,
                false,
                true,
                RegistrationStatus.APPROVED,
                true,
                true,
                true,
                PasscodeCheck.RIGHT,
                Duration.ofSeconds(10),
                true,
                false,
                false,
                true);
        AdmissionDecision.Refuse throttled =
                (AdmissionDecision.Refuse) AdmissionPolicy.decide(throttledAndLocked.build());
        assertEquals(AdmissionRules.TOO_MANY_TRIES, throttled.rule());
        assertEquals(Duration.ofSeconds(10), throttled.retryAfter().orElseThrow());
    }
}
