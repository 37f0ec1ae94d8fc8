package org.conclave.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicySettingTest {

    private static final String CONTROL = "ISO/IEC 27002:2022 \\d\\.\\d{1,2}";

    @ParameterizedTest
    @EnumSource(PolicySetting.class)
    void everySettingHasAKebabCaseKeyARuleAndControls(PolicySetting setting) {
        assertTrue(setting.wireKey().matches("[a-z0-9]+(-[a-z0-9]+)*"), setting.wireKey());
        assertEquals(Optional.of(setting), PolicySetting.forWireKey(setting.wireKey()));
        assertFalse(setting.rule().isBlank());
        assertFalse(setting.controls().isEmpty());
        setting.controls().forEach(control -> assertTrue(control.matches(CONTROL), control));
        assertEquals(setting.controls().size(), Set.copyOf(setting.controls()).size());
    }

    @Test
    void wireKeysAreUnique() {
        Set<String> keys = Arrays.stream(PolicySetting.values())
                .map(PolicySetting::wireKey)
                .collect(Collectors.toSet());

        assertEquals(PolicySetting.values().length, keys.size());
        assertEquals(24, keys.size());
        assertEquals(Optional.empty(), PolicySetting.forWireKey("passcode_required"));
    }

    @Test
    void controlsFollowTheMapping() {
        assertEquals(
                List.of("ISO/IEC 27002:2022 5.17", "ISO/IEC 27002:2022 8.5"),
                PolicySetting.PASSCODE_REQUIRED.controls());
        assertEquals(List.of("ISO/IEC 27002:2022 8.3"), PolicySetting.AUTO_LOCK_MINUTES.controls());
        assertEquals(
                List.of("ISO/IEC 27002:2022 5.12", "ISO/IEC 27002:2022 5.14"),
                PolicySetting.OTHER_ORGANISATIONS_ALLOWED.controls());
        assertEquals(List.of("ISO/IEC 27002:2022 8.24"), PolicySetting.REQUIRE_E2EE.controls());
        assertTrue(PolicySetting.GUESTS_ALLOWED.controls().contains("ISO/IEC 27002:2022 5.16"));
        assertTrue(PolicySetting.BAN_SCOPE.controls().contains("ISO/IEC 27002:2022 5.18"));
        assertTrue(PolicySetting.TOKEN_LIFETIME_SECONDS.controls().contains("ISO/IEC 27002:2022 8.5"));
        assertEquals(List.of("ISO/IEC 27002:2022 5.12", "ISO/IEC 27002:2022 5.36"), PolicySetting.BASELINE_CONTROLS);
    }

    @Test
    void autoLockZeroIsNeverAndTheWeakest() {
        PolicySetting autoLock = PolicySetting.AUTO_LOCK_MINUTES;

        assertTrue(autoLock.isStricterOrEqual(10, 15));
        assertTrue(autoLock.isStricterOrEqual(1, 1440));
        assertTrue(autoLock.isStricterOrEqual(1440, 0));
        assertTrue(autoLock.isStricterOrEqual(0, 0));
        assertFalse(autoLock.isStricterOrEqual(0, 1440));
        assertFalse(autoLock.isStricterOrEqual(20, 15));
    }

    @Test
    void enumSettingsFollowTheirOrder() {
        assertTrue(PolicySetting.SCREEN_SHARING.isStricterOrEqual(ScreenSharing.NONE, ScreenSharing.HOST_ONLY));
        assertFalse(PolicySetting.SCREEN_SHARING.isStricterOrEqual(ScreenSharing.ALL, ScreenSharing.HOST_ONLY));
        assertTrue(PolicySetting.BAN_SCOPE.isStricterOrEqual(BanScope.ORGANISATION, BanScope.SERIES));
        assertFalse(PolicySetting.BAN_SCOPE.isStricterOrEqual(BanScope.MEETING, BanScope.SERIES));
    }

    @Test
    void comparingValuesOfTheWrongTypeIsABug() {
        assertThrows(IllegalArgumentException.class, () -> PolicySetting.PASSCODE_REQUIRED.isStricterOrEqual(1, true));
        assertThrows(IllegalArgumentException.class, () -> PolicySetting.PASSCODE_MIN_LENGTH.isStricterOrEqual(3, 8));
        assertThrows(
                IllegalArgumentException.class, () -> PolicySetting.SCREEN_SHARING.isStricterOrEqual("all", "none"));
    }

    @Test
    void integerSettingsAcceptIntegralNumbersOfAnyKindInRange() {
        PolicySetting length = PolicySetting.PASSCODE_MIN_LENGTH;

        for (Number twelve : List.<Number>of(
                12,
                12L,
                (short) 12,
                BigInteger.valueOf(12),
                new BigDecimal("12"),
                new BigDecimal("12.000"),
                new BigDecimal("1.2E+1"),
                12.0d,
                12.0f)) {
            assertEquals(Optional.of(12), length.fromWire(twelve), twelve.getClass() + " " + twelve);
        }
        assertEquals(Optional.of(4), length.fromWire(new BigDecimal("4.0")));
        assertEquals(Optional.of(64), length.fromWire(64L));
        assertEquals(Optional.of(0), PolicySetting.AUTO_LOCK_MINUTES.fromWire(new BigDecimal("0.00")));
    }

    @Test
    void integerSettingsRefuseFractionsValuesOutOfRangeAndOtherTypes() {
        PolicySetting length = PolicySetting.PASSCODE_MIN_LENGTH;

        for (Object invalid : Arrays.asList(
                12.5d,
                12.5f,
                new BigDecimal("12.000001"),
                new BigDecimal("1E-400"),
                3,
                65,
                0L,
                Long.MAX_VALUE,
                new BigInteger("100000000000000000000"),
                new BigDecimal("1E+400"),
                Double.NaN,
                Double.POSITIVE_INFINITY,
                "12",
                true,
                null)) {
            assertEquals(Optional.empty(), length.fromWire(invalid), String.valueOf(invalid));
        }
    }

    @Test
    void booleanAndEnumSettingsAcceptOnlyTheirWireForm() {
        assertEquals(Optional.of(true), PolicySetting.WAITING_ROOM.fromWire(true));
        assertEquals(Optional.empty(), PolicySetting.WAITING_ROOM.fromWire("true"));
        assertEquals(Optional.empty(), PolicySetting.WAITING_ROOM.fromWire(1));
        assertEquals(Optional.of(ScreenSharing.HOST_ONLY), PolicySetting.SCREEN_SHARING.fromWire("host-only"));
        assertEquals(Optional.empty(), PolicySetting.SCREEN_SHARING.fromWire("HOST_ONLY"));
        assertEquals(Optional.empty(), PolicySetting.SCREEN_SHARING.fromWire(ScreenSharing.ALL));
        assertEquals(Optional.of(BanScope.ORGANISATION), PolicySetting.BAN_SCOPE.fromWire("organisation"));
        assertEquals(Optional.empty(), PolicySetting.BAN_SCOPE.fromWire("organization"));
    }

    @Test
    void valuesGoToTheWireAsJsonCarriesThem() {
        assertEquals("host-only", PolicySetting.SCREEN_SHARING.toWire(ScreenSharing.HOST_ONLY));
        assertEquals("series", PolicySetting.BAN_SCOPE.toWire(BanScope.SERIES));
        assertEquals(120, PolicySetting.TOKEN_LIFETIME_SECONDS.toWire(120));
        assertEquals(false, PolicySetting.GUESTS_ALLOWED.toWire(false));
    }

    @Test
    void expectationsAndRangesDescribeValidValues() {
        assertEquals("true or false", PolicySetting.GUESTS_ALLOWED.expectation());
        assertEquals("an integer from 30 to 300", PolicySetting.TOKEN_LIFETIME_SECONDS.expectation());
        assertEquals("one of none, host-only, all", PolicySetting.SCREEN_SHARING.expectation());
        assertEquals("one of meeting, series, organisation", PolicySetting.BAN_SCOPE.expectation());
        assertEquals(OptionalInt.of(0), PolicySetting.AUTO_LOCK_MINUTES.minimum());
        assertEquals(OptionalInt.of(1440), PolicySetting.AUTO_LOCK_MINUTES.maximum());
        assertEquals(OptionalInt.empty(), PolicySetting.REQUIRE_E2EE.minimum());
    }

    @Test
    void enumWireNames() {
        assertEquals(
                List.of("none", "host-only", "all"),
                Arrays.stream(ScreenSharing.values())
                        .map(ScreenSharing::wireName)
                        .toList());
        assertEquals(
                List.of("meeting", "series", "organisation"),
                Arrays.stream(BanScope.values()).map(BanScope::wireName).toList());
        assertEquals(Optional.of(ScreenSharing.NONE), ScreenSharing.parse("none"));
        assertEquals(Optional.empty(), BanScope.parse(null));
        assertEquals(Optional.of(Classification.SECRET), Classification.parse("SECRET"));
        assertEquals(Optional.empty(), Classification.parse("secret"));
    }
}
