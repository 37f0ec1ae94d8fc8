package org.conclave.policy.entity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every setting a policy baseline fixes: its key in JSON, its value type, which direction is stricter, the rule a
 * host breaks by weakening it, and the ISO/IEC 27002:2022 controls it serves.
 */
public enum PolicySetting {
    PASSCODE_REQUIRED(
            "passcode-required",
            Boolean.class,
            Stricter.TRUE,
            "A passcode may not be switched off when the baseline requires one",
            iso("5.17", "8.5")),
    PASSCODE_MIN_LENGTH(
            "passcode-min-length",
            4,
            64,
            Stricter.HIGHER,
            "The passcode may not be shorter than the baseline's minimum length",
            iso("5.17", "8.5")),
    REGISTRATION_REQUIRED(
            "registration-required",
            Boolean.class,
            Stricter.TRUE,
            "Registration may not be switched off when the baseline requires it",
            iso("5.15", "5.16", "8.3")),
    HOST_APPROVAL_REQUIRED(
            "host-approval-required",
            Boolean.class,
            Stricter.TRUE,
            "Host approval of participants may not be switched off when the baseline requires it",
            iso("5.15", "5.18", "8.3")),
    WAITING_ROOM(
            "waiting-room",
            Boolean.class,
            Stricter.TRUE,
            "The waiting room may not be switched off when the baseline requires it",
            iso("5.15", "8.3")),
    JOIN_BEFORE_HOST(
            "join-before-host",
            Boolean.class,
            Stricter.FALSE,
            "Participants may not join before the host when the baseline forbids it",
            iso("5.15", "8.3")),
    AUTO_LOCK_MINUTES(
            "auto-lock-minutes",
            0,
            1440,
            Stricter.LOWER_NONZERO,
            "The room must lock itself no later than the baseline says (0, never locking, is the weakest)",
            iso("8.3")),
    GUESTS_ALLOWED(
            "guests-allowed",
            Boolean.class,
            Stricter.FALSE,
            "Guests without an account may not be admitted when the baseline forbids them",
            iso("5.15", "5.16", "8.3")),
    OTHER_ORGANISATIONS_ALLOWED(
            "other-organisations-allowed",
            Boolean.class,
            Stricter.FALSE,
            "Participants from other organisations may not be admitted when the baseline forbids them",
            iso("5.12", "5.14")),
    PARTICIPANT_2FA_REQUIRED(
            "participant-2fa-required",
            Boolean.class,
            Stricter.TRUE,
            "Two-factor sign-in of participants may not be switched off when the baseline requires it",
            iso("6.7", "8.5")),
    SCREEN_SHARING(
            "screen-sharing",
            ScreenSharing.class,
            Stricter.LOWER,
            "Screen sharing may not be opened wider than the baseline allows (none < host-only < all)",
            iso("5.10", "5.14", "8.12")),
    FILE_TRANSFER_ALLOWED(
            "file-transfer-allowed",
            Boolean.class,
            Stricter.FALSE,
            "File transfer may not be switched on when the baseline forbids it",
            iso("5.10", "5.14", "8.12")),
    REMOTE_CONTROL_ALLOWED(
            "remote-control-allowed",
            Boolean.class,
            Stricter.FALSE,
            "Remote control may not be switched on when the baseline forbids it",
            iso("8.3", "8.12")),
    RECORDING_ALLOWED(
            "recording-allowed",
            Boolean.class,
            Stricter.FALSE,
            "Recording may not be switched on when the baseline forbids it",
            iso("5.10", "5.33", "5.34")),
    RECORDING_CONSENT_REQUIRED(
            "recording-consent-required",
            Boolean.class,
            Stricter.TRUE,
            "Recording without every participant's consent may not be allowed when the baseline requires consent",
            iso("5.31", "5.33", "5.34")),
    RECORDING_RETENTION_MIN_DAYS(
            "recording-retention-min-days",
            1,
            3650,
            Stricter.HIGHER,
            "Recordings may not be kept for fewer days than the baseline's minimum",
            iso("5.31", "5.33", "8.10")),
    RECORDING_RETENTION_MAX_DAYS(
            "recording-retention-max-days",
            1,
            3650,
            Stricter.LOWER,
            "Recordings may not be kept for more days than the baseline's maximum",
            iso("5.31", "5.33", "8.10")),
    MAX_PARTICIPANTS(
            "max-participants",
            2,
            10000,
            Stricter.LOWER,
            "The meeting may not admit more participants than the baseline's maximum",
            iso("5.15", "8.3")),
    BAN_SCOPE(
            "ban-scope",
            BanScope.class,
            Stricter.HIGHER,
            "Bans may not reach less far than the baseline says (meeting < series < organisation)",
            iso("5.18", "5.26")),
    REQUIRE_E2EE(
            "require-e2ee",
            Boolean.class,
            Stricter.TRUE,
            "End-to-end encryption may not be switched off when the baseline requires it",
            iso("8.24")),
    REQUIRE_ON_PREMISE_TURN(
            "require-on-premise-turn",
            Boolean.class,
            Stricter.TRUE,
            "Relaying media only through the on-premise TURN server may not be switched off when the baseline"
                    + " requires it",
            iso("5.14", "8.20")),
    REQUIRE_ON_PREMISE_RECORDING_STORE(
            "require-on-premise-recording-store",
            Boolean.class,
            Stricter.TRUE,
            "Keeping recordings only in the on-premise store may not be switched off when the baseline requires it",
            iso("5.33", "8.10")),
    PASSCODE_BY_MAIL_ALLOWED(
            "passcode-by-mail-allowed",
            Boolean.class,
            Stricter.FALSE,
            "The passcode may not be sent by mail when the baseline forbids it",
            iso("5.14", "5.17")),
    TOKEN_LIFETIME_SECONDS(
            "token-lifetime-seconds",
            30,
            300,
            Stricter.LOWER,
            "Join tokens may not live longer than the baseline allows",
            iso("6.7", "8.5"));

    /** How control ids are cited: {@code ISO/IEC 27002:2022 8.5}. */
    public static final String STANDARD = "ISO/IEC 27002:2022";

    /**
     * Controls every refused weakening and every baseline comparison serves, whatever the setting: classification
     * (5.12) and conformance to the organisation's policy (5.36).
     */
    public static final List<String> BASELINE_CONTROLS = iso("5.12", "5.36");

    /** Which way a value is stricter. */
    public enum Stricter {
        /** {@code true} is stricter than {@code false}. */
        TRUE,
        /** {@code false} is stricter than {@code true}. */
        FALSE,
        /** A higher number (or a later value of the enum) is stricter. */
        HIGHER,
        /** A lower number (or an earlier value of the enum) is stricter. */
        LOWER,
        /** A lower number is stricter, but 0 means "never" and is the weakest of all. */
        LOWER_NONZERO
    }

    private final String wireKey;
    private final Class<?> type;
    private final int minimum;
    private final int maximum;
    private final Stricter stricter;
    private final String rule;
    private final List<String> controls;

    PolicySetting(String wireKey, Class<?> type, Stricter stricter, String rule, List<String> controls) {
        this(wireKey, type, 0, 0, stricter, rule, controls);
    }

    PolicySetting(String wireKey, int minimum, int maximum, Stricter stricter, String rule, List<String> controls) {
        this(wireKey, Integer.class, minimum, maximum, stricter, rule, controls);
    }

    PolicySetting(
            String wireKey,
            Class<?> type,
            int minimum,
            int maximum,
            Stricter stricter,
            String rule,
            List<String> controls) {
        this.wireKey = wireKey;
        this.type = type;
        this.minimum = minimum;
        this.maximum = maximum;
        this.stricter = stricter;
        this.rule = rule;
        this.controls = controls;
    }

    private static List<String> iso(String... ids) {
        return Arrays.stream(ids).map(id -> STANDARD + " " + id).toList();
    }

    /** The setting's key in JSON and in the database, e.g. {@code passcode-min-length}. */
    public String wireKey() {
        return wireKey;
    }

    /** {@code Boolean}, {@code Integer}, {@link ScreenSharing} or {@link BanScope}. */
    public Class<?> valueType() {
        return type;
    }

    public Stricter stricter() {
        return stricter;
    }

    /** The smallest value allowed, for integer settings. */
    public OptionalInt minimum() {
        return type == Integer.class ? OptionalInt.of(minimum) : OptionalInt.empty();
    }

    /** The largest value allowed, for integer settings. */
    public OptionalInt maximum() {
        return type == Integer.class ? OptionalInt.of(maximum) : OptionalInt.empty();
    }

    /** The rule, in words a security officer understands, that a weaker value breaks. */
    public String rule() {
        return rule;
    }

    /** The ISO/IEC 27002:2022 controls this setting serves, e.g. {@code ISO/IEC 27002:2022 8.5}. */
    public List<String> controls() {
        return controls;
    }

    /** What a valid value looks like, e.g. {@code an integer from 4 to 64}. */
    public String expectation() {
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == Integer.class) {
            return "an integer from " + minimum + " to " + maximum;
        }
        if (type == ScreenSharing.class) {
            return "one of "
                    + String.join(
                            ", ",
                            Arrays.stream(ScreenSharing.values())
                                    .map(ScreenSharing::wireName)
                                    .toList());
        }
        return "one of "
                + String.join(
                        ", ",
                        Arrays.stream(BanScope.values()).map(BanScope::wireName).toList());
    }

    /** Whether this Java value ({@code Boolean}, {@code Integer} in range, or the enum) is valid for the setting. */
    public boolean accepts(Object value) {
        if (!type.isInstance(value)) {
            return false;
        }
        if (value instanceof Integer number) {
            return number >= minimum && number <= maximum;
        }
        return true;
    }

    /**
     * Whether {@code candidate} is at least as strict as {@code reference}.
     *
     * @throws IllegalArgumentException if either is not a valid value of this setting
     */
    public boolean isStricterOrEqual(Object candidate, Object reference) {
        return strictness(candidate) >= strictness(reference);
    }

    /** A number that grows with strictness. */
    private long strictness(Object value) {
        if (!accepts(value)) {
            throw new IllegalArgumentException(wireKey + " cannot be " + value);
        }
        long ordered;
        if (value instanceof Boolean flag) {
            ordered = flag ? 1 : 0;
        } else if (value instanceof Integer number) {
            ordered = number;
        } else {
            ordered = ((Enum<?>) value).ordinal();
        }
        return switch (stricter) {
            case TRUE, HIGHER -> ordered;
            case FALSE, LOWER -> -ordered;
            case LOWER_NONZERO -> ordered == 0 ? Long.MIN_VALUE : -ordered;
        };
    }

    /** The value as JSON carries it: {@code Boolean}, {@code Integer}, or the enum's wire name. */
    public Object toWire(Object value) {
        if (!accepts(value)) {
            throw new IllegalArgumentException(wireKey + " cannot be " + value);
        }
        if (value instanceof ScreenSharing sharing) {
            return sharing.wireName();
        }
        if (value instanceof BanScope scope) {
            return scope.wireName();
        }
        return value;
    }

    /**
     * The typed value for a value read from JSON: a {@code Boolean}; any integral {@code Number} in range (Integer,
     * Long, BigInteger, BigDecimal or a double without a fraction); an enum's wire name. Empty if it is none of these.
     */
    public Optional<Object> fromWire(Object wire) {
        if (type == Boolean.class) {
            return wire instanceof Boolean ? Optional.of(wire) : Optional.empty();
        }
        if (type == Integer.class) {
            return wire instanceof Number number ? integer(number).map(Object.class::cast) : Optional.empty();
        }
        if (!(wire instanceof String name)) {
            return Optional.empty();
        }
        if (type == ScreenSharing.class) {
            return ScreenSharing.parse(name).map(Object.class::cast);
        }
        return BanScope.parse(name).map(Object.class::cast);
    }

    private Optional<Integer> integer(Number number) {
        BigDecimal exact;
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            exact = BigDecimal.valueOf(number.longValue());
        } else if (number instanceof BigInteger big) {
            exact = new BigDecimal(big);
        } else if (number instanceof BigDecimal decimal) {
            exact = decimal;
        } else if ((number instanceof Double || number instanceof Float) && Double.isFinite(number.doubleValue())) {
            exact = BigDecimal.valueOf(number.doubleValue());
        } else {
            return Optional.empty();
        }
        if (exact.compareTo(BigDecimal.valueOf(minimum)) < 0 || exact.compareTo(BigDecimal.valueOf(maximum)) > 0) {
            return Optional.empty();
        }
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        return Optional.of(exact.intValueExact());
    }

    /** The setting with this wire key, if there is one. */
    public static Optional<PolicySetting> forWireKey(String wireKey) {
        return Arrays.stream(values()).filter(s -> s.wireKey.equals(wireKey)).findFirst();
    }
}
