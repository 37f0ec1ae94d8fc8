package org.conclave.policy.entity;

import static org.conclave.policy.entity.PolicySetting.AUTO_LOCK_MINUTES;
import static org.conclave.policy.entity.PolicySetting.BAN_SCOPE;
import static org.conclave.policy.entity.PolicySetting.FILE_TRANSFER_ALLOWED;
import static org.conclave.policy.entity.PolicySetting.GUESTS_ALLOWED;
import static org.conclave.policy.entity.PolicySetting.HOST_APPROVAL_REQUIRED;
import static org.conclave.policy.entity.PolicySetting.JOIN_BEFORE_HOST;
import static org.conclave.policy.entity.PolicySetting.MAX_PARTICIPANTS;
import static org.conclave.policy.entity.PolicySetting.OTHER_ORGANISATIONS_ALLOWED;
import static org.conclave.policy.entity.PolicySetting.PARTICIPANT_2FA_REQUIRED;
import static org.conclave.policy.entity.PolicySetting.PASSCODE_BY_MAIL_ALLOWED;
import static org.conclave.policy.entity.PolicySetting.PASSCODE_MIN_LENGTH;
import static org.conclave.policy.entity.PolicySetting.PASSCODE_REQUIRED;
import static org.conclave.policy.entity.PolicySetting.RECORDING_ALLOWED;
import static org.conclave.policy.entity.PolicySetting.RECORDING_CONSENT_REQUIRED;
import static org.conclave.policy.entity.PolicySetting.RECORDING_RETENTION_MAX_DAYS;
import static org.conclave.policy.entity.PolicySetting.RECORDING_RETENTION_MIN_DAYS;
import static org.conclave.policy.entity.PolicySetting.REGISTRATION_REQUIRED;
import static org.conclave.policy.entity.PolicySetting.REMOTE_CONTROL_ALLOWED;
import static org.conclave.policy.entity.PolicySetting.REQUIRE_E2EE;
import static org.conclave.policy.entity.PolicySetting.REQUIRE_ON_PREMISE_RECORDING_STORE;
import static org.conclave.policy.entity.PolicySetting.REQUIRE_ON_PREMISE_TURN;
import static org.conclave.policy.entity.PolicySetting.SCREEN_SHARING;
import static org.conclave.policy.entity.PolicySetting.TOKEN_LIFETIME_SECONDS;
import static org.conclave.policy.entity.PolicySetting.WAITING_ROOM;

import java.util.EnumMap;
import java.util.Map;

/**
 * The baselines Conclave starts with, one per classification, each at least as strict as the one below it. The
 * migration {@code V2__policy_baselines.sql} seeds the same values (a unit test keeps the two equal); after that,
 * the baselines in force live in the database and change only through versioned edits.
 */
public final class DefaultBaselines {

    private static final Map<Classification, PolicySettings> BASELINES = new EnumMap<>(Map.of(
            Classification.PUBLIC, publicMeetings(),
            Classification.INTERNAL, internalMeetings(),
            Classification.CONFIDENTIAL, confidentialMeetings(),
            Classification.SECRET, secretMeetings()));

    private DefaultBaselines() {}

    public static PolicySettings forClass(Classification classification) {
        return BASELINES.get(classification);
    }

    /** Open to anyone with the link; recording still needs every participant's consent. */
    private static PolicySettings publicMeetings() {
        Map<PolicySetting, Object> s = new EnumMap<>(PolicySetting.class);
        s.put(PASSCODE_REQUIRED, false);
        s.put(PASSCODE_MIN_LENGTH, 6);
        s.put(REGISTRATION_REQUIRED, false);
        s.put(HOST_APPROVAL_REQUIRED, false);
        s.put(WAITING_ROOM, false);
        s.put(JOIN_BEFORE_HOST, true);
        s.put(AUTO_LOCK_MINUTES, 0);
        s.put(GUESTS_ALLOWED, true);
        s.put(OTHER_ORGANISATIONS_ALLOWED, true);
        s.put(PARTICIPANT_2FA_REQUIRED, false);
        s.put(SCREEN_SHARING, ScreenSharing.ALL);
        s.put(FILE_TRANSFER_ALLOWED, true);
        s.put(REMOTE_CONTROL_ALLOWED, false);
        s.put(RECORDING_ALLOWED, true);
        s.put(RECORDING_CONSENT_REQUIRED, true);
        s.put(RECORDING_RETENTION_MIN_DAYS, 1);
        s.put(RECORDING_RETENTION_MAX_DAYS, 365);
        s.put(MAX_PARTICIPANTS, 1000);
        s.put(BAN_SCOPE, BanScope.MEETING);
        s.put(REQUIRE_E2EE, false);
        s.put(REQUIRE_ON_PREMISE_TURN, false);
        s.put(REQUIRE_ON_PREMISE_RECORDING_STORE, false);
        s.put(PASSCODE_BY_MAIL_ALLOWED, true);
        s.put(TOKEN_LIFETIME_SECONDS, 300);
        return PolicySettings.of(s);
    }

    /** Colleagues of the organisation and invited partners; accounts only, passcode and waiting room. */
    private static PolicySettings internalMeetings() {
        Map<PolicySetting, Object> s = new EnumMap<>(PolicySetting.class);
        s.put(PASSCODE_REQUIRED, true);
        s.put(PASSCODE_MIN_LENGTH, 8);
        s.put(REGISTRATION_REQUIRED, false);
        s.put(HOST_APPROVAL_REQUIRED, false);
        s.put(WAITING_ROOM, true);
        s.put(JOIN_BEFORE_HOST, false);
        s.put(AUTO_LOCK_MINUTES, 30);
        s.put(GUESTS_ALLOWED, false);
        s.put(OTHER_ORGANISATIONS_ALLOWED, true);
        s.put(PARTICIPANT_2FA_REQUIRED, false);
        s.put(SCREEN_SHARING, ScreenSharing.ALL);
        s.put(FILE_TRANSFER_ALLOWED, true);
        s.put(REMOTE_CONTROL_ALLOWED, false);
        s.put(RECORDING_ALLOWED, true);
        s.put(RECORDING_CONSENT_REQUIRED, true);
        s.put(RECORDING_RETENTION_MIN_DAYS, 1);
        s.put(RECORDING_RETENTION_MAX_DAYS, 365);
        s.put(MAX_PARTICIPANTS, 300);
        s.put(BAN_SCOPE, BanScope.MEETING);
        s.put(REQUIRE_E2EE, false);
        s.put(REQUIRE_ON_PREMISE_TURN, false);
        s.put(REQUIRE_ON_PREMISE_RECORDING_STORE, true);
        s.put(PASSCODE_BY_MAIL_ALLOWED, true);
        s.put(TOKEN_LIFETIME_SECONDS, 300);
        return PolicySettings.of(s);
    }

    /** Registered, approved participants with a second factor; the sharing label decides about other organisations. */
    private static PolicySettings confidentialMeetings() {
        Map<PolicySetting, Object> s = new EnumMap<>(PolicySetting.class);
        s.put(PASSCODE_REQUIRED, true);
        s.put(PASSCODE_MIN_LENGTH, 10);
        s.put(REGISTRATION_REQUIRED, true);
        s.put(HOST_APPROVAL_REQUIRED, true);
        s.put(WAITING_ROOM, true);
        s.put(JOIN_BEFORE_HOST, false);
        s.put(AUTO_LOCK_MINUTES, 15);
        s.put(GUESTS_ALLOWED, false);
        s.put(OTHER_ORGANISATIONS_ALLOWED, true);
        s.put(PARTICIPANT_2FA_REQUIRED, true);
        s.put(SCREEN_SHARING, ScreenSharing.HOST_ONLY);
        s.put(FILE_TRANSFER_ALLOWED, false);
        s.put(REMOTE_CONTROL_ALLOWED, false);
        s.put(RECORDING_ALLOWED, true);
        s.put(RECORDING_CONSENT_REQUIRED, true);
        s.put(RECORDING_RETENTION_MIN_DAYS, 7);
        s.put(RECORDING_RETENTION_MAX_DAYS, 90);
        s.put(MAX_PARTICIPANTS, 50);
        s.put(BAN_SCOPE, BanScope.SERIES);
        s.put(REQUIRE_E2EE, true);
        s.put(REQUIRE_ON_PREMISE_TURN, true);
        s.put(REQUIRE_ON_PREMISE_RECORDING_STORE, true);
        s.put(PASSCODE_BY_MAIL_ALLOWED, true);
        s.put(TOKEN_LIFETIME_SECONDS, 300);
        return PolicySettings.of(s);
    }

    /** Small, closed, unrecorded meetings of the organisation's own people; passcodes never travel by mail. */
    private static PolicySettings secretMeetings() {
        Map<PolicySetting, Object> s = new EnumMap<>(PolicySetting.class);
        s.put(PASSCODE_REQUIRED, true);
        s.put(PASSCODE_MIN_LENGTH, 12);
        s.put(REGISTRATION_REQUIRED, true);
        s.put(HOST_APPROVAL_REQUIRED, true);
        s.put(WAITING_ROOM, true);
        s.put(JOIN_BEFORE_HOST, false);
        s.put(AUTO_LOCK_MINUTES, 10);
        s.put(GUESTS_ALLOWED, false);
        s.put(OTHER_ORGANISATIONS_ALLOWED, false);
        s.put(PARTICIPANT_2FA_REQUIRED, true);
        s.put(SCREEN_SHARING, ScreenSharing.HOST_ONLY);
        s.put(FILE_TRANSFER_ALLOWED, false);
        s.put(REMOTE_CONTROL_ALLOWED, false);
        s.put(RECORDING_ALLOWED, false);
        s.put(RECORDING_CONSENT_REQUIRED, true);
        s.put(RECORDING_RETENTION_MIN_DAYS, 1);
        s.put(RECORDING_RETENTION_MAX_DAYS, 30);
        s.put(MAX_PARTICIPANTS, 25);
        s.put(BAN_SCOPE, BanScope.ORGANISATION);
        s.put(REQUIRE_E2EE, true);
        s.put(REQUIRE_ON_PREMISE_TURN, true);
        s.put(REQUIRE_ON_PREMISE_RECORDING_STORE, true);
        s.put(PASSCODE_BY_MAIL_ALLOWED, false);
        s.put(TOKEN_LIFETIME_SECONDS, 120);
        return PolicySettings.of(s);
    }
}
