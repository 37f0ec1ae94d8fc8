package org.conclave.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.conclave.admission.entity.AdmissionDecision;
import org.conclave.admission.entity.AdmissionFacts;
import org.conclave.admission.entity.AdmissionFacts.PasscodeCheck;
import org.conclave.admission.entity.AdmissionFacts.RegistrationStatus;
import org.conclave.admission.entity.AdmissionRules;
import org.conclave.admission.entity.RenewalFacts;
import org.conclave.platform.entity.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The admission decision as a table: every reason, and which one wins when several apply. */
class AdmissionPolicyTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** The facts of a participant who passes every check; each row changes what it tests. */
    static final class Facts {
        boolean scheduled = true;
        boolean drifting;
        boolean platformQualifies = true;
        Instant now = START.minusSeconds(60);
        boolean banned;
        boolean host;
        boolean registrationRequired = true;
        RegistrationStatus registration = RegistrationStatus.APPROVED;
        boolean organisationAllowed = true;
        boolean secondFactorRequired = true;
        boolean usedSecondFactor = true;
        PasscodeCheck passcode = PasscodeCheck.RIGHT;
        Duration throttledFor = Duration.ZERO;
        boolean locked;
        boolean hostPresent = true;
        boolean joinBeforeHost;
        boolean waitingRoom;

        static Facts with(Consumer<Facts> change) {
            Facts facts = new Facts();
            change.accept(facts);
            return facts;
        }

        AdmissionDecision decide() {
            return AdmissionPolicy.decide(new AdmissionFacts(
                    scheduled,
                    drifting,
                    platformQualifies,
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
                    waitingRoom));
        }

        Rule refusal() {
            return assertInstanceOf(AdmissionDecision.Refuse.class, decide()).rule();
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("cancelled", f -> f.scheduled = false, AdmissionRules.MEETING_NOT_OPEN),
                row("drifting", f -> f.drifting = true, AdmissionRules.POLICY_DRIFT),
                row("platform posture", f -> f.platformQualifies = false, AdmissionRules.PLATFORM_POSTURE),
                row("too early", f -> f.now = START.minusSeconds(16 * 60), AdmissionRules.OUTSIDE_JOIN_WINDOW),
                row("over", f -> f.now = START.plusSeconds(3600), AdmissionRules.OUTSIDE_JOIN_WINDOW),
                row("banned", f -> f.banned = true, AdmissionRules.BANNED),
                row("not registered", f -> f.registration = RegistrationStatus.NONE, AdmissionRules.NOT_REGISTERED),
                row("pending", f -> f.registration = RegistrationStatus.PENDING, AdmissionRules.REGISTRATION_PENDING),
                row("denied", f -> f.registration = RegistrationStatus.DENIED, AdmissionRules.REGISTRATION_DENIED),
                row("organisation", f -> f.organisationAllowed = false, AdmissionRules.ORGANISATION_NOT_ALLOWED),
                row("password only", f -> f.usedSecondFactor = false, AdmissionRules.SECOND_FACTOR_REQUIRED),
                row("throttled", f -> f.throttledFor = Duration.ofSeconds(90), AdmissionRules.TOO_MANY_TRIES),
                row(
                        "throttled, not compared",
                        f -> {
                            f.passcode = PasscodeCheck.NOT_CHECKED;
                            f.throttledFor = Duration.ofSeconds(90);
                        },
                        AdmissionRules.TOO_MANY_TRIES),
                row("no passcode", f -> f.passcode = PasscodeCheck.MISSING, AdmissionRules.PASSCODE_REQUIRED),
                row("wrong passcode", f -> f.passcode = PasscodeCheck.WRONG, AdmissionRules.WRONG_PASSCODE),
                row("locked", f -> f.locked = true, AdmissionRules.LOCKED),
                row("no host", f -> f.hostPresent = false, AdmissionRules.WAITING_FOR_HOST));
    }

    private static Arguments row(String name, Consumer<Facts> change, Rule rule) {
        return Arguments.of(name, Facts.with(change), rule);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("refusals")
    void eachReasonRefusesWithItsOwnRule(String name, Facts facts, Rule rule) {
        assertEquals(rule, facts.refusal(), name);
    }

    @Test
    void aParticipantWhoPassesEveryCheckIsAdmitted() {
        assertInstanceOf(AdmissionDecision.Admit.class, new Facts().decide());
    }

    @Test
    void joiningEarlyIsAllowedWhereThePolicySaysSo() {
        assertInstanceOf(
                AdmissionDecision.Admit.class,
                Facts.with(f -> {
                            f.hostPresent = false;
                            f.joinBeforeHost = true;
                        })
                        .decide());
    }

    @Test
    void theWaitingRoomHoldsParticipantsButNotTheHost() {
        assertInstanceOf(
                AdmissionDecision.Wait.class,
                Facts.with(f -> f.waitingRoom = true).decide());
        assertInstanceOf(
                AdmissionDecision.Admit.class,
                Facts.with(f -> {
                            f.host = true;
                            f.waitingRoom = true;
                            f.locked = true;
                            f.hostPresent = false;
                            f.registration = RegistrationStatus.NONE;
                            f.passcode = PasscodeCheck.NOT_REQUIRED;
                        })
                        .decide());
    }

    @Test
    void theHostStillNeedsTheSecondFactorAndAQualifiedPlatform() {
        assertEquals(
                AdmissionRules.SECOND_FACTOR_REQUIRED,
                Facts.with(f -> {
                            f.host = true;
                            f.usedSecondFactor = false;
                        })
                        .refusal());
        assertEquals(
                AdmissionRules.PLATFORM_POSTURE,
                Facts.with(f -> {
                            f.host = true;
                            f.platformQualifies = false;
                        })
                        .refusal());
    }

    @Test
    void precedenceFollowsTheOrderOfTheChecks() {
        Facts everythingWrong = Facts.with(f -> {
            f.banned = true;
            f.registration = RegistrationStatus.NONE;
            f.organisationAllowed = false;
            f.usedSecondFactor = false;
            f.passcode = PasscodeCheck.WRONG;
            f.throttledFor = Duration.ofSeconds(10);
            f.locked = true;
            f.hostPresent = false;
            f.waitingRoom = true;
        });
        assertEquals(AdmissionRules.BANNED, everythingWrong.refusal());
        everythingWrong.banned = false;
        assertEquals(AdmissionRules.NOT_REGISTERED, everythingWrong.refusal());
        everythingWrong.registration = RegistrationStatus.APPROVED;
        assertEquals(AdmissionRules.ORGANISATION_NOT_ALLOWED, everythingWrong.refusal());
        everythingWrong.organisationAllowed = true;
        assertEquals(AdmissionRules.SECOND_FACTOR_REQUIRED, everythingWrong.refusal());
        everythingWrong.usedSecondFactor = true;
        AdmissionDecision.Refuse throttled = (AdmissionDecision.Refuse) everythingWrong.decide();
        assertEquals(AdmissionRules.TOO_MANY_TRIES, throttled.rule());
        assertEquals(Duration.ofSeconds(10), throttled.retryAfter().orElseThrow());
        everythingWrong.throttledFor = Duration.ZERO;
        assertEquals(AdmissionRules.WRONG_PASSCODE, everythingWrong.refusal());
        everythingWrong.passcode = PasscodeCheck.RIGHT;
        assertEquals(AdmissionRules.LOCKED, everythingWrong.refusal());
        everythingWrong.locked = false;
        assertEquals(AdmissionRules.WAITING_FOR_HOST, everythingWrong.refusal());
        everythingWrong.hostPresent = true;
        assertInstanceOf(AdmissionDecision.Wait.class, everythingWrong.decide());
    }

    @Test
    void renewsAStandingAdmissionEvenWhenLockedAndRefusesInOrderOtherwise() {
        assertEquals(Optional.empty(), AdmissionPolicy.refuseRenewal(renewal(true, true, false, true), true));
        assertEquals(Optional.empty(), AdmissionPolicy.refuseRenewal(renewal(true, true, false, false), false));
        assertEquals(
                Optional.of(AdmissionRules.MEETING_NOT_OPEN),
                AdmissionPolicy.refuseRenewal(renewal(false, false, true, false), true));
        assertEquals(
                Optional.of(AdmissionRules.NOT_ADMITTED),
                AdmissionPolicy.refuseRenewal(renewal(true, false, true, false), true));
        assertEquals(
                Optional.of(AdmissionRules.BANNED),
                AdmissionPolicy.refuseRenewal(renewal(true, true, true, false), true));
        assertEquals(
                Optional.of(AdmissionRules.SECOND_FACTOR_REQUIRED),
                AdmissionPolicy.refuseRenewal(renewal(true, true, false, true), false),
                "admitted with a second factor, renewing without");
        assertEquals(
                Optional.of(AdmissionRules.SECOND_FACTOR_REQUIRED),
                AdmissionPolicy.refuseRenewal(renewal(true, true, false, false), true),
                "the same second-factor state as at admission");
    }

    private static RenewalFacts renewal(
            boolean scheduled, boolean admitted, boolean banned, boolean admittedWithSecondFactor) {
        return new RenewalFacts(
                "m", "a", scheduled, admitted, banned, admittedWithSecondFactor, false, null, false, "https://meet");
    }
}
