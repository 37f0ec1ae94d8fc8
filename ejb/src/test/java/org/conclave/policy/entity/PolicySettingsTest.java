package org.conclave.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.platform.entity.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicySettingsTest {

    private static final PolicySettings CONFIDENTIAL = DefaultBaselines.forClass(Classification.CONFIDENTIAL);

    @ParameterizedTest
    @EnumSource(Classification.class)
    void settingsSurviveTheWire(Classification classification) {
        PolicySettings settings = DefaultBaselines.forClass(classification);

        assertEquals(settings, PolicySettings.fromWire(settings.toWire()));
        assertEquals(
                settings.hashCode(), PolicySettings.fromWire(settings.toWire()).hashCode());
    }

    @Test
    void theWireFormHasEveryKeyInOrderWithJsonFriendlyValues() {
        Map<String, Object> wire = CONFIDENTIAL.toWire();

        assertEquals(
                java.util.Arrays.stream(PolicySetting.values())
                        .map(PolicySetting::wireKey)
                        .toList(),
                List.copyOf(wire.keySet()));
        assertEquals(true, wire.get("passcode-required"));
        assertEquals(10, wire.get("passcode-min-length"));
        assertEquals("host-only", wire.get("screen-sharing"));
        assertEquals("series", wire.get("ban-scope"));
        wire.values()
                .forEach(v -> assertTrue(
                        v instanceof Boolean || v instanceof Integer || v instanceof String, String.valueOf(v)));
        assertThrows(UnsupportedOperationException.class, () -> wire.put("x", 1));
    }

    @Test
    void numbersFromAJsonParserAreAccepted() {
        Map<String, Object> wire = new HashMap<>(CONFIDENTIAL.toWire());
        wire.put("passcode-min-length", new BigDecimal("14"));
        wire.put("max-participants", BigInteger.valueOf(40));
        wire.put("token-lifetime-seconds", 120L);
        wire.put("auto-lock-minutes", new BigDecimal("5.0"));

        PolicySettings settings = PolicySettings.fromWire(wire);

        assertEquals(14, settings.passcodeMinLength());
        assertEquals(40, settings.maxParticipants());
        assertEquals(120, settings.tokenLifetimeSeconds());
        assertEquals(5, settings.autoLockMinutes());
    }

    @Test
    void fromWireListsEveryProblemAtOnce() {
        Map<String, Object> wire = new LinkedHashMap<>(CONFIDENTIAL.toWire());
        wire.put("zzz", true);
        wire.put("foo", 1);
        wire.put("passcode-required", "yes");
        wire.put("passcode-min-length", 65);
        wire.put("screen-sharing", "HOST_ONLY");
        wire.put("max-participants", new BigDecimal("12.5"));
        wire.put("token-lifetime-seconds", 60.5d);
        wire.put("waiting-room", null);
        wire.remove("ban-scope");

        InvalidPolicyInput invalid = assertThrows(InvalidPolicyInput.class, () -> PolicySettings.fromWire(wire));

        assertEquals(
                List.of(
                        "'passcode-required' must be true or false",
                        "'passcode-min-length' must be an integer from 4 to 64",
                        "'waiting-room' must be true or false",
                        "'screen-sharing' must be one of none, host-only, all",
                        "'max-participants' must be an integer from 2 to 10000",
                        "missing setting 'ban-scope'",
                        "'token-lifetime-seconds' must be an integer from 30 to 300",
                        "unknown setting 'foo'",
                        "unknown setting 'zzz'"),
                invalid.problems());
    }

    @Test
    void invalidInputIsARefusalWithItsProblems() {
        InvalidPolicyInput invalid =
                assertThrows(InvalidPolicyInput.class, () -> PolicySettings.changesFromWire(Map.of("foo", 1)));

        Refusal refusal = assertInstanceOf(Refusal.class, invalid);
        assertEquals("invalid-input", refusal.rule().name());
        assertEquals(400, refusal.rule().status());
        assertEquals("The policy settings are not valid: unknown setting 'foo'", refusal.detail());
        assertEquals(Map.of("problems", List.of("unknown setting 'foo'")), refusal.extensions());
    }

    @Test
    void unknownKeysAreQuotedSafely() {
        Map<String, Object> wire = new HashMap<>();
        wire.put("a\nb", 1);
        wire.put("x".repeat(100), 1);
        wire.put(null, 1);

        InvalidPolicyInput invalid = assertThrows(InvalidPolicyInput.class, () -> PolicySettings.changesFromWire(wire));

        assertEquals(
                List.of("unknown setting 'a?b'", "unknown setting '" + "x".repeat(60) + "...'", "unknown setting null"),
                invalid.problems());
    }

    @Test
    void aMissingObjectIsInvalid() {
        InvalidPolicyInput invalid = assertThrows(InvalidPolicyInput.class, () -> PolicySettings.fromWire(null));

        assertEquals(List.of("the policy settings must be a JSON object"), invalid.problems());
    }

    @Test
    void fromWireNamesEveryMissingSetting() {
        InvalidPolicyInput invalid = assertThrows(InvalidPolicyInput.class, () -> PolicySettings.fromWire(Map.of()));

        assertEquals(PolicySetting.values().length, invalid.problems().size());
        assertEquals("missing setting 'passcode-required'", invalid.problems().get(0));
    }

    @Test
    void changesFromWireReadsAPartialRequest() {
        Map<PolicySetting, Object> changes = PolicySettings.changesFromWire(Map.of(
                "token-lifetime-seconds", new BigDecimal("60"), "screen-sharing", "none", "guests-allowed", false));

        assertEquals(
                Map.of(
                        PolicySetting.GUESTS_ALLOWED,
                        false,
                        PolicySetting.SCREEN_SHARING,
                        ScreenSharing.NONE,
                        PolicySetting.TOKEN_LIFETIME_SECONDS,
                        60),
                changes);
        assertEquals(Map.of(), PolicySettings.changesFromWire(Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> changes.put(PolicySetting.REQUIRE_E2EE, true));
    }

    @Test
    void changesFromWireRefusesInvalidValues() {
        InvalidPolicyInput invalid = assertThrows(
                InvalidPolicyInput.class,
                () -> PolicySettings.changesFromWire(Map.of("token-lifetime-seconds", 29, "ban-scope", "planet")));

        assertEquals(
                List.of(
                        "'ban-scope' must be one of meeting, series, organisation",
                        "'token-lifetime-seconds' must be an integer from 30 to 300"),
                invalid.problems());
    }

    @Test
    void ofNeedsEverySettingWithItsJavaType() {
        Map<PolicySetting, Object> values = new EnumMap<>(CONFIDENTIAL.values());
        values.put(PolicySetting.MAX_PARTICIPANTS, 40L);
        values.put(PolicySetting.SCREEN_SHARING, "all");
        values.remove(PolicySetting.REQUIRE_E2EE);

        InvalidPolicyInput invalid = assertThrows(InvalidPolicyInput.class, () -> PolicySettings.of(values));

        assertEquals(
                List.of(
                        "'screen-sharing' must be one of none, host-only, all",
                        "'max-participants' must be an integer from 2 to 10000",
                        "missing setting 'require-e2ee'"),
                invalid.problems());
    }

    @Test
    void withChangesACopyAndValidatesTheChanges() {
        PolicySettings changed = CONFIDENTIAL.with(Map.of(PolicySetting.MAX_PARTICIPANTS, 12));

        assertEquals(12, changed.maxParticipants());
        assertEquals(50, CONFIDENTIAL.maxParticipants());
        assertFalse(changed.equals(CONFIDENTIAL));
        InvalidPolicyInput invalid = assertThrows(
                InvalidPolicyInput.class,
                () -> CONFIDENTIAL.with(Map.of(PolicySetting.MAX_PARTICIPANTS, 1, PolicySetting.WAITING_ROOM, "no")));
        assertEquals(
                List.of(
                        "'waiting-room' must be true or false",
                        "'max-participants' must be an integer from 2 to 10000"),
                invalid.problems());
    }

    @Test
    void typedGettersReadEverySetting() {
        PolicySettings s = DefaultBaselines.forClass(Classification.SECRET);

        assertTrue(s.passcodeRequired());
        assertEquals(12, s.passcodeMinLength());
        assertTrue(s.registrationRequired());
        assertTrue(s.hostApprovalRequired());
        assertTrue(s.waitingRoom());
        assertFalse(s.joinBeforeHost());
        assertEquals(10, s.autoLockMinutes());
        assertEquals(Optional.of(Duration.ofMinutes(10)), s.autoLockAfter());
        assertFalse(s.guestsAllowed());
        assertFalse(s.otherOrganisationsAllowed());
        assertTrue(s.participant2faRequired());
        assertEquals(ScreenSharing.HOST_ONLY, s.screenSharing());
        assertFalse(s.fileTransferAllowed());
        assertFalse(s.remoteControlAllowed());
        assertFalse(s.recordingAllowed());
        assertTrue(s.recordingConsentRequired());
        assertEquals(1, s.recordingRetentionMinDays());
        assertEquals(30, s.recordingRetentionMaxDays());
        assertEquals(25, s.maxParticipants());
        assertEquals(BanScope.ORGANISATION, s.banScope());
        assertTrue(s.requireE2ee());
        assertTrue(s.requireOnPremiseTurn());
        assertTrue(s.requireOnPremiseRecordingStore());
        assertFalse(s.passcodeByMailAllowed());
        assertEquals(120, s.tokenLifetimeSeconds());
        assertEquals(Duration.ofSeconds(120), s.tokenLifetime());
        assertEquals(
                Optional.empty(),
                DefaultBaselines.forClass(Classification.PUBLIC).autoLockAfter());
    }

    @ParameterizedTest
    @EnumSource(PolicySetting.class)
    void valueGivesEachSettingsTypedValue(PolicySetting setting) {
        Object value = CONFIDENTIAL.value(setting);

        assertTrue(setting.accepts(value));
        assertEquals(setting.valueType(), value.getClass());
        assertEquals(CONFIDENTIAL.toWire().get(setting.wireKey()), setting.toWire(value));
    }
}
