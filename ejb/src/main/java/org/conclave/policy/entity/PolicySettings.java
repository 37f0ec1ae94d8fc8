package org.conclave.policy.entity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete set of policy values, one for every {@link PolicySetting}: a classification's baseline or a meeting's
 * effective policy. Immutable; values are {@code Boolean}, {@code Integer}, {@link ScreenSharing} or
 * {@link BanScope}, always within range.
 */
public final class PolicySettings {

    private final Map<PolicySetting, Object> values;

    private PolicySettings(EnumMap<PolicySetting, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The settings with these typed values.
     *
     * @throws InvalidPolicyInput naming every setting that is missing or has a value of the wrong type or range
     */
    public static PolicySettings of(Map<PolicySetting, ?> values) {
        Objects.requireNonNull(values, "values");
        List<String> problems = new ArrayList<>(typeProblems(values));
        for (PolicySetting setting : PolicySetting.values()) {
            if (!values.containsKey(setting)) {
                problems.add("missing setting '" + setting.wireKey() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyInput(problems);
        }
        return new PolicySettings(new EnumMap<>(values));
    }

    /**
     * The settings as JSON gave them ({@link #toWire()} form): every setting, no other key.
     *
     * @throws InvalidPolicyInput naming every unknown key, missing setting, wrong type, fraction or value out of range
     */
    public static PolicySettings fromWire(Map<String, ?> wire) {
        Map<PolicySetting, Object> values = readWire(wire, true);
        return new PolicySettings(new EnumMap<>(values));
    }

    /**
     * Some settings as JSON gave them, e.g. the tightenings a host asks for: only known keys, valid values.
     *
     * @throws InvalidPolicyInput naming every unknown key, wrong type, fraction or value out of range
     */
    public static Map<PolicySetting, Object> changesFromWire(Map<String, ?> wire) {
        return Collections.unmodifiableMap(readWire(wire, false));
    }

    private static EnumMap<PolicySetting, Object> readWire(Map<String, ?> wire, boolean complete) {
        if (wire == null) {
            throw new InvalidPolicyInput(List.of("the policy settings must be a JSON object"));
        }
        EnumMap<PolicySetting, Object> values = new EnumMap<>(PolicySetting.class);
        List<String> problems = new ArrayList<>();
        for (PolicySetting setting : PolicySetting.values()) {
            if (!wire.containsKey(setting.wireKey())) {
                if (complete) {
                    problems.add("missing setting '" + setting.wireKey() + "'");
                }
                continue;
            }
            Optional<Object> value = setting.fromWire(wire.get(setting.wireKey()));
            if (value.isPresent()) {
                values.put(setting, value.get());
            } else {
                problems.add(mustBe(setting));
            }
        }
        wire.keySet().stream()
                .filter(key -> key == null || PolicySetting.forWireKey(key).isEmpty())
                .map(InvalidPolicyInput::quote)
                .sorted()
                .forEach(key -> problems.add("unknown setting " + key));
        if (!problems.isEmpty()) {
            throw new InvalidPolicyInput(problems);
        }
        return values;
    }

    private static List<String> typeProblems(Map<PolicySetting, ?> values) {
        List<String> problems = new ArrayList<>();
        if (values.keySet().stream().anyMatch(Objects::isNull)) {
            problems.add("unknown setting null");
        }
        for (PolicySetting setting : PolicySetting.values()) {
            if (values.containsKey(setting) && !setting.accepts(values.get(setting))) {
                problems.add(mustBe(setting));
            }
        }
        return problems;
    }

    private static String mustBe(PolicySetting setting) {
        return "'" + setting.wireKey() + "' must be " + setting.expectation();
    }

    /**
     * A copy with these typed values changed; the others stay.
     *
     * @throws InvalidPolicyInput naming every change with a value of the wrong type or range
     */
    public PolicySettings with(Map<PolicySetting, ?> changes) {
        Objects.requireNonNull(changes, "changes");
        List<String> problems = typeProblems(changes);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyInput(problems);
        }
        EnumMap<PolicySetting, Object> changed = new EnumMap<>(values);
        changed.putAll(changes);
        return new PolicySettings(changed);
    }

    /** A copy with one typed value changed. */
    public PolicySettings with(PolicySetting setting, Object value) {
        return with(Map.of(setting, value));
    }

    /** The typed value of a setting. */
    public Object value(PolicySetting setting) {
        return values.get(Objects.requireNonNull(setting, "setting"));
    }

    /** Every setting's typed value, in declaration order. */
    public Map<PolicySetting, Object> values() {
        return values;
    }

    /** Key to JSON value ({@code Boolean}, {@code Integer} or the enum's wire name), in declaration order. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        values.forEach((setting, value) -> wire.put(setting.wireKey(), setting.toWire(value)));
        return Collections.unmodifiableMap(wire);
    }

    public boolean passcodeRequired() {
        return flag(PolicySetting.PASSCODE_REQUIRED);
    }

    public int passcodeMinLength() {
        return number(PolicySetting.PASSCODE_MIN_LENGTH);
    }

    public boolean registrationRequired() {
        return flag(PolicySetting.REGISTRATION_REQUIRED);
    }

    public boolean hostApprovalRequired() {
        return flag(PolicySetting.HOST_APPROVAL_REQUIRED);
    }

    public boolean waitingRoom() {
        return flag(PolicySetting.WAITING_ROOM);
    }

    public boolean joinBeforeHost() {
        return flag(PolicySetting.JOIN_BEFORE_HOST);
    }

    /** Minutes after the start at which the room locks itself; 0 means it never does. */
    public int autoLockMinutes() {
        return number(PolicySetting.AUTO_LOCK_MINUTES);
    }

    /** When the room locks itself, counted from the start; empty if it never does. */
    public Optional<Duration> autoLockAfter() {
        int minutes = autoLockMinutes();
        return minutes == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes));
    }

    public boolean guestsAllowed() {
        return flag(PolicySetting.GUESTS_ALLOWED);
    }

    public boolean otherOrganisationsAllowed() {
        return flag(PolicySetting.OTHER_ORGANISATIONS_ALLOWED);
    }

    public boolean participant2faRequired() {
        return flag(PolicySetting.PARTICIPANT_2FA_REQUIRED);
    }

    public ScreenSharing screenSharing() {
        return (ScreenSharing) values.get(PolicySetting.SCREEN_SHARING);
    }

    public boolean fileTransferAllowed() {
        return flag(PolicySetting.FILE_TRANSFER_ALLOWED);
    }

    public boolean remoteControlAllowed() {
        return flag(PolicySetting.REMOTE_CONTROL_ALLOWED);
    }

    public boolean recordingAllowed() {
        return flag(PolicySetting.RECORDING_ALLOWED);
    }

    public boolean recordingConsentRequired() {
        return flag(PolicySetting.RECORDING_CONSENT_REQUIRED);
    }

    public int recordingRetentionMinDays() {
        return number(PolicySetting.RECORDING_RETENTION_MIN_DAYS);
    }

    public int recordingRetentionMaxDays() {
        return number(PolicySetting.RECORDING_RETENTION_MAX_DAYS);
    }

    public int maxParticipants() {
        return number(PolicySetting.MAX_PARTICIPANTS);
    }

    public BanScope banScope() {
        return (BanScope) values.get(PolicySetting.BAN_SCOPE);
    }

    public boolean requireE2ee() {
        return flag(PolicySetting.REQUIRE_E2EE);
    }

    public boolean requireOnPremiseTurn() {
        return flag(PolicySetting.REQUIRE_ON_PREMISE_TURN);
    }

    public boolean requireOnPremiseRecordingStore() {
        return flag(PolicySetting.REQUIRE_ON_PREMISE_RECORDING_STORE);
    }

    public boolean passcodeByMailAllowed() {
        return flag(PolicySetting.PASSCODE_BY_MAIL_ALLOWED);
    }

    public int tokenLifetimeSeconds() {
        return number(PolicySetting.TOKEN_LIFETIME_SECONDS);
    }

    /** How long a join token lives. */
    public Duration tokenLifetime() {
        return Duration.ofSeconds(tokenLifetimeSeconds());
    }

    private boolean flag(PolicySetting setting) {
        return (Boolean) values.get(setting);
    }

    private int number(PolicySetting setting) {
        return (Integer) values.get(setting);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicySettings settings && values.equals(settings.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "PolicySettings" + toWire();
    }
}
