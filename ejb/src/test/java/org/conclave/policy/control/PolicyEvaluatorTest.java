package org.conclave.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.conclave.platform.entity.Refusal;
import org.conclave.policy.entity.BanScope;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.DefaultBaselines;
import org.conclave.policy.entity.Evaluation;
import org.conclave.policy.entity.InvalidPolicyInput;
import org.conclave.policy.entity.PolicyException;
import org.conclave.policy.entity.PolicySetting;
import org.conclave.policy.entity.PolicySettings;
import org.conclave.policy.entity.PolicyViolation;
import org.conclave.policy.entity.ScreenSharing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyEvaluatorTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    /** Recording allowed, retention 1..365: every setting can be compared. */
    private static final PolicySettings BASE = DefaultBaselines.forClass(Classification.INTERNAL);

    private static final PolicySettings CONFIDENTIAL = DefaultBaselines.forClass(Classification.CONFIDENTIAL);
    private static final PolicySettings SECRET = DefaultBaselines.forClass(Classification.SECRET);

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    /** A weaker and a stricter value for each setting, as the specification orders them. */
    private record Pair(Object weak, Object strict) {}

    private static Pair pair(PolicySetting setting) {
        return switch (setting) {
            case PASSCODE_REQUIRED,
                    REGISTRATION_REQUIRED,
                    HOST_APPROVAL_REQUIRED,
                    WAITING_ROOM,
                    PARTICIPANT_2FA_REQUIRED,
                    RECORDING_CONSENT_REQUIRED,
                    REQUIRE_E2EE,
                    REQUIRE_ON_PREMISE_TURN,
                    REQUIRE_ON_PREMISE_RECORDING_STORE -> new Pair(false, true);
            case JOIN_BEFORE_HOST,
                    GUESTS_ALLOWED,
                    OTHER_ORGANISATIONS_ALLOWED,
                    FILE_TRANSFER_ALLOWED,
                    REMOTE_CONTROL_ALLOWED,
                    RECORDING_ALLOWED,
                    PASSCODE_BY_MAIL_ALLOWED -> new Pair(true, false);
            case PASSCODE_MIN_LENGTH -> new Pair(8, 12);
            case AUTO_LOCK_MINUTES -> new Pair(30, 10);
            case SCREEN_SHARING -> new Pair(ScreenSharing.ALL, ScreenSharing.HOST_ONLY);
            case RECORDING_RETENTION_MIN_DAYS -> new Pair(1, 30);
            case RECORDING_RETENTION_MAX_DAYS -> new Pair(365, 90);
            case MAX_PARTICIPANTS -> new Pair(300, 50);
            case BAN_SCOPE -> new Pair(BanScope.MEETING, BanScope.SERIES);
            case TOKEN_LIFETIME_SECONDS -> new Pair(300, 120);
        };
    }

    @ParameterizedTest
    @EnumSource(PolicySetting.class)
    void theSettingKnowsWhichWayIsStricter(PolicySetting setting) {
        Pair pair = pair(setting);
        assertTrue(setting.isStricterOrEqual(pair.strict(), pair.weak()));
        assertFalse(setting.isStricterOrEqual(pair.weak(), pair.strict()));
    }

    @ParameterizedTest
    @EnumSource(PolicySetting.class)
    void tighteningIsAccepted(PolicySetting setting) {
        Pair pair = pair(setting);
        PolicySettings baseline = BASE.with(setting, pair.weak());

        Evaluation evaluation = evaluator.tighten(baseline, Map.of(setting, pair.strict()), List.of(), NOW);

        Evaluation.Accepted accepted = assertInstanceOf(Evaluation.Accepted.class, evaluation);
        assertEquals(baseline.with(setting, pair.strict()), accepted.effective());
        assertEquals(pair.strict(), accepted.effective().value(setting));
        assertTrue(accepted.violations().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(PolicySetting.class)
    void keepingTheBaselineValueIsAccepted(PolicySetting setting) {
        Pair pair = pair(setting);
        PolicySettings baseline = BASE.with(setting, pair.strict());

        Evaluation evaluation = evaluator.tighten(baseline, Map.of(setting, pair.strict()), List.of(), NOW);

        assertEquals(new Evaluation.Accepted(baseline), evaluation);
    }

    @ParameterizedTest
    @EnumSource(PolicySetting.class)
    void weakeningIsRefusedNamingTheSettingTheBaselineValueTheRuleAndTheControls(PolicySetting setting) {
        Pair pair = pair(setting);
        PolicySettings baseline = BASE.with(setting, pair.strict());

        Evaluation evaluation = evaluator.tighten(baseline, Map.of(setting, pair.weak()), List.of(), NOW);

        Evaluation.Refused refused = assertInstanceOf(Evaluation.Refused.class, evaluation);
        assertFalse(refused.accepted());
        PolicyViolation expected =
                new PolicyViolation(setting, pair.strict(), pair.weak(), setting.rule(), setting.controls());
        assertEquals(List.of(expected), refused.violations());
        assertFalse(expected.controls().isEmpty());
        assertFalse(expected.rule().isBlank());
    }

    @ParameterizedTest
    @EnumSource(PolicySetting.class)
    void weakeningsComparesEverySetting(PolicySetting setting) {
        Pair pair = pair(setting);

        List<PolicyViolation> violations = evaluator.weakenings(
                BASE.with(setting, pair.strict()), BASE.with(setting, pair.weak()), List.of(), NOW);

        assertEquals(List.of(PolicyViolation.weakening(setting, pair.strict(), pair.weak())), violations);
    }

    @ParameterizedTest
    @EnumSource(PolicySetting.class)
    void anActiveExceptionAllowsTheWeakeningUntilItExpires(PolicySetting setting) {
        Pair pair = pair(setting);
        PolicySettings baseline = BASE.with(setting, pair.strict());
        List<PolicyException> exceptions = List.of(new PolicyException(setting, pair.weak(), TOMORROW));

        assertTrue(evaluator
                .tighten(baseline, Map.of(setting, pair.weak()), exceptions, NOW)
                .accepted());
        assertTrue(evaluator
                .tighten(baseline, Map.of(setting, pair.weak()), exceptions, TOMORROW.minusSeconds(1))
                .accepted());
        assertFalse(evaluator
                .tighten(baseline, Map.of(setting, pair.weak()), exceptions, TOMORROW)
                .accepted());
    }

    @Test
    void severalWeakeningsAreReportedAtOnceInSettingOrder() {
        Map<PolicySetting, Object> requested = Map.of(
                PolicySetting.TOKEN_LIFETIME_SECONDS,
                300,
                PolicySetting.PASSCODE_REQUIRED,
                false,
                PolicySetting.SCREEN_SHARING,
                ScreenSharing.ALL,
                PolicySetting.RECORDING_ALLOWED,
                true,
                PolicySetting.MAX_PARTICIPANTS,
                10);

        Evaluation evaluation = evaluator.tighten(SECRET, requested, List.of(), NOW);

        assertEquals(
                List.of(
                        PolicyViolation.weakening(PolicySetting.PASSCODE_REQUIRED, true, false),
                        PolicyViolation.weakening(
                                PolicySetting.SCREEN_SHARING, ScreenSharing.HOST_ONLY, ScreenSharing.ALL),
                        PolicyViolation.weakening(PolicySetting.RECORDING_ALLOWED, false, true),
                        PolicyViolation.weakening(PolicySetting.TOKEN_LIFETIME_SECONDS, 120, 300)),
                evaluation.violations());
    }

    @Test
    void aRefusalCarriesEveryViolationInWireForm() {
        Evaluation.Refused refused = (Evaluation.Refused) evaluator.tighten(
                SECRET,
                Map.of(PolicySetting.SCREEN_SHARING, ScreenSharing.ALL, PolicySetting.BAN_SCOPE, BanScope.MEETING),
                List.of(),
                NOW);

        Refusal refusal = refused.toRefusal();

        assertEquals("policy-weakens-baseline", refusal.rule().name());
        assertEquals(422, refusal.rule().status());
        assertEquals("Not allowed by the classification's baseline: screen-sharing, ban-scope", refusal.detail());
        assertEquals(
                List.of(
                        Map.of(
                                "setting", "screen-sharing",
                                "required", "host-only",
                                "requested", "all",
                                "rule", PolicySetting.SCREEN_SHARING.rule(),
                                "controls", PolicySetting.SCREEN_SHARING.controls()),
                        Map.of(
                                "setting", "ban-scope",
                                "required", "organisation",
                                "requested", "meeting",
                                "rule", PolicySetting.BAN_SCOPE.rule(),
                                "controls", PolicySetting.BAN_SCOPE.controls())),
                refusal.extensions().get("violations"));
    }

    @Test
    void unrequestedSettingsKeepTheBaselineValue() {
        Evaluation evaluation = evaluator.tighten(CONFIDENTIAL, Map.of(), List.of(), NOW);

        assertEquals(new Evaluation.Accepted(CONFIDENTIAL), evaluation);
    }

    @Test
    void aRequestedValueOfTheWrongTypeIsInvalidInputNotAViolation() {
        InvalidPolicyInput invalid = assertThrows(
                InvalidPolicyInput.class,
                () -> evaluator.tighten(CONFIDENTIAL, Map.of(PolicySetting.MAX_PARTICIPANTS, 1), List.of(), NOW));

        assertEquals(List.of("'max-participants' must be an integer from 2 to 10000"), invalid.problems());
    }

    @Test
    void anExceptionAllowsWeakeningDownToItsValueButNotFurther() {
        List<PolicyException> exceptions = List.of(new PolicyException(PolicySetting.MAX_PARTICIPANTS, 100, TOMORROW));

        assertTrue(evaluator
                .tighten(CONFIDENTIAL, Map.of(PolicySetting.MAX_PARTICIPANTS, 80), exceptions, NOW)
                .accepted());
        assertTrue(evaluator
                .tighten(CONFIDENTIAL, Map.of(PolicySetting.MAX_PARTICIPANTS, 100), exceptions, NOW)
                .accepted());
        Evaluation beyond =
                evaluator.tighten(CONFIDENTIAL, Map.of(PolicySetting.MAX_PARTICIPANTS, 101), exceptions, NOW);

        assertEquals(1, beyond.violations().size());
        PolicyViolation violation = beyond.violations().get(0);
        assertEquals(PolicySetting.MAX_PARTICIPANTS, violation.setting());
        assertEquals(50, violation.required());
        assertEquals(101, violation.requested());
        assertEquals(
                PolicySetting.MAX_PARTICIPANTS.rule()
                        + "; the exception granted until 2025-03-11T09:00:00Z allows no weaker value than 100",
                violation.rule());
        assertEquals(PolicySetting.MAX_PARTICIPANTS.controls(), violation.controls());
    }

    @Test
    void anExceptionAllowsOnlyItsOwnSetting() {
        List<PolicyException> exceptions =
                List.of(new PolicyException(PolicySetting.FILE_TRANSFER_ALLOWED, true, TOMORROW));

        Evaluation evaluation = evaluator.tighten(
                CONFIDENTIAL,
                Map.of(PolicySetting.FILE_TRANSFER_ALLOWED, true, PolicySetting.REMOTE_CONTROL_ALLOWED, true),
                exceptions,
                NOW);

        assertEquals(
                List.of(PolicyViolation.weakening(PolicySetting.REMOTE_CONTROL_ALLOWED, false, true)),
                evaluation.violations());
    }

    @Test
    void theLoosestOfSeveralActiveExceptionsIsCitedWhenARequestGoesBeyondAll() {
        List<PolicyException> exceptions = List.of(
                new PolicyException(PolicySetting.TOKEN_LIFETIME_SECONDS, 150, TOMORROW),
                new PolicyException(PolicySetting.TOKEN_LIFETIME_SECONDS, 200, TOMORROW.plusSeconds(60)),
                new PolicyException(PolicySetting.TOKEN_LIFETIME_SECONDS, 300, NOW));

        assertTrue(evaluator
                .tighten(SECRET, Map.of(PolicySetting.TOKEN_LIFETIME_SECONDS, 200), exceptions, NOW)
                .accepted());
        Evaluation beyond =
                evaluator.tighten(SECRET, Map.of(PolicySetting.TOKEN_LIFETIME_SECONDS, 240), exceptions, NOW);

        assertTrue(beyond.violations()
                .get(0)
                .rule()
                .endsWith("until 2025-03-11T09:01:00Z allows no weaker value than 200"));
    }

    @Test
    void anExceptionMustFitItsSetting() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PolicyException(PolicySetting.TOKEN_LIFETIME_SECONDS, 3600, TOMORROW));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PolicyException(PolicySetting.SCREEN_SHARING, "all", TOMORROW));
        assertThrows(NullPointerException.class, () -> new PolicyException(PolicySetting.REQUIRE_E2EE, false, null));
    }

    @Test
    void anExceptionIsActiveUntilItsExpiryExclusive() {
        PolicyException exception = new PolicyException(PolicySetting.REQUIRE_E2EE, false, TOMORROW);

        assertTrue(exception.activeAt(NOW));
        assertTrue(exception.activeAt(TOMORROW.minusMillis(1)));
        assertFalse(exception.activeAt(TOMORROW));
        assertFalse(exception.activeAt(TOMORROW.plusSeconds(1)));
    }

    @Test
    void autoLockZeroMeansNeverAndIsTheWeakest() {
        PolicySettings locksAfter15 = CONFIDENTIAL;

        assertTrue(tighten(locksAfter15, PolicySetting.AUTO_LOCK_MINUTES, 10).accepted());
        assertTrue(tighten(locksAfter15, PolicySetting.AUTO_LOCK_MINUTES, 1).accepted());
        assertEquals(
                List.of(PolicyViolation.weakening(PolicySetting.AUTO_LOCK_MINUTES, 15, 0)),
                tighten(locksAfter15, PolicySetting.AUTO_LOCK_MINUTES, 0).violations());
        assertEquals(
                List.of(PolicyViolation.weakening(PolicySetting.AUTO_LOCK_MINUTES, 15, 20)),
                tighten(locksAfter15, PolicySetting.AUTO_LOCK_MINUTES, 20).violations());

        PolicySettings neverLocks = CONFIDENTIAL.with(PolicySetting.AUTO_LOCK_MINUTES, 0);
        assertTrue(tighten(neverLocks, PolicySetting.AUTO_LOCK_MINUTES, 0).accepted());
        assertTrue(tighten(neverLocks, PolicySetting.AUTO_LOCK_MINUTES, 1440).accepted());
    }

    @Test
    void theMinimumRetentionMayNotExceedTheMaximum() {
        Evaluation evaluation = tighten(CONFIDENTIAL, PolicySetting.RECORDING_RETENTION_MIN_DAYS, 100);

        assertEquals(
                List.of(new PolicyViolation(
                        PolicySetting.RECORDING_RETENTION_MIN_DAYS,
                        90,
                        100,
                        "The minimum retention of recordings may not be longer than their maximum retention",
                        List.of("ISO/IEC 27002:2022 5.31", "ISO/IEC 27002:2022 5.33", "ISO/IEC 27002:2022 8.10"))),
                evaluation.violations());
        assertTrue(evaluator
                .tighten(
                        CONFIDENTIAL,
                        Map.of(
                                PolicySetting.RECORDING_RETENTION_MIN_DAYS, 60,
                                PolicySetting.RECORDING_RETENTION_MAX_DAYS, 60),
                        List.of(),
                        NOW)
                .accepted());
    }

    @Test
    void aWeakeningAndAnInconsistencyOfTheSameSettingAreBothReported() {
        Evaluation evaluation = evaluator.tighten(
                CONFIDENTIAL,
                Map.of(PolicySetting.RECORDING_RETENTION_MIN_DAYS, 5, PolicySetting.RECORDING_RETENTION_MAX_DAYS, 3),
                List.of(),
                NOW);

        assertEquals(
                List.of(
                        PolicyViolation.weakening(PolicySetting.RECORDING_RETENTION_MIN_DAYS, 7, 5),
                        new PolicyViolation(
                                PolicySetting.RECORDING_RETENTION_MIN_DAYS,
                                3,
                                5,
                                PolicyEvaluator.RETENTION_ORDER_RULE,
                                PolicySetting.RECORDING_RETENTION_MIN_DAYS.controls())),
                evaluation.violations());
    }

    @Test
    void withoutRecordingTheRetentionSettingsAreNotJudged() {
        Evaluation evaluation = evaluator.tighten(
                CONFIDENTIAL,
                Map.of(
                        PolicySetting.RECORDING_ALLOWED, false,
                        PolicySetting.RECORDING_RETENTION_MIN_DAYS, 1,
                        PolicySetting.RECORDING_RETENTION_MAX_DAYS, 3650),
                List.of(),
                NOW);
        assertTrue(evaluation.accepted());

        PolicySettings inconsistentButUnrecorded = CONFIDENTIAL.with(Map.of(
                PolicySetting.RECORDING_ALLOWED, false,
                PolicySetting.RECORDING_RETENTION_MIN_DAYS, 100,
                PolicySetting.RECORDING_RETENTION_MAX_DAYS, 10));
        assertEquals(List.of(), evaluator.inconsistencies(inconsistentButUnrecorded));
    }

    @Test
    void driftNamesWhatAScheduledMeetingViolatesAfterTheBaselineTightens() {
        PolicySettings meeting = ((Evaluation.Accepted)
                        evaluator.tighten(CONFIDENTIAL, Map.of(PolicySetting.MAX_PARTICIPANTS, 20), List.of(), NOW))
                .effective();
        PolicySettings tightened = CONFIDENTIAL.with(Map.of(
                PolicySetting.TOKEN_LIFETIME_SECONDS, 120,
                PolicySetting.PASSCODE_BY_MAIL_ALLOWED, false,
                PolicySetting.MAX_PARTICIPANTS, 30));

        List<PolicyViolation> drift = evaluator.drift(tightened, meeting, List.of(), NOW);

        assertEquals(
                List.of(
                        PolicyViolation.weakening(PolicySetting.PASSCODE_BY_MAIL_ALLOWED, false, true),
                        PolicyViolation.weakening(PolicySetting.TOKEN_LIFETIME_SECONDS, 120, 300)),
                drift);
        assertEquals(List.of(), evaluator.drift(CONFIDENTIAL, meeting, List.of(), NOW));
        assertEquals(
                List.of(PolicyViolation.weakening(PolicySetting.TOKEN_LIFETIME_SECONDS, 120, 300)),
                evaluator.drift(
                        tightened,
                        meeting,
                        List.of(new PolicyException(PolicySetting.PASSCODE_BY_MAIL_ALLOWED, true, TOMORROW)),
                        NOW));
    }

    @Test
    void aLooserBaselineCausesNoDrift() {
        PolicySettings meeting = SECRET;

        assertEquals(List.of(), evaluator.drift(CONFIDENTIAL, meeting, List.of(), NOW));
    }

    @Test
    void aViolationInWireForm() {
        PolicyViolation violation =
                PolicyViolation.weakening(PolicySetting.SCREEN_SHARING, ScreenSharing.HOST_ONLY, ScreenSharing.ALL);

        Map<String, Object> wire = violation.toWire();

        assertEquals(List.of("setting", "required", "requested", "rule", "controls"), List.copyOf(wire.keySet()));
        assertEquals("screen-sharing", wire.get("setting"));
        assertEquals("host-only", wire.get("required"));
        assertEquals("all", wire.get("requested"));
        assertEquals(PolicySetting.SCREEN_SHARING.rule(), wire.get("rule"));
        assertEquals(
                List.of("ISO/IEC 27002:2022 5.10", "ISO/IEC 27002:2022 5.14", "ISO/IEC 27002:2022 8.12"),
                wire.get("controls"));
    }

    private Evaluation tighten(PolicySettings baseline, PolicySetting setting, Object value) {
        return evaluator.tighten(baseline, Map.of(setting, value), List.of(), NOW);
    }
}
