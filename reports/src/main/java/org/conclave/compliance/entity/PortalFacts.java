package org.conclave.compliance.entity;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the report states about the portal besides its audit events, read at generation time: meetings of the period
 * by classification and label, recordings and holds, who holds which role and how many of them have a one-time
 * password configured, and the cryptography in use.
 *
 * @param meetingsByClassification meetings starting in the period, per classification name
 * @param roleHolders users per role ({@code host}, {@code auditor}, {@code admin}) at generation time
 * @param secondFactorConfigured of those, how many have a TOTP credential, per role
 * @param conflictingRoles usernames holding both admin and auditor
 * @param cryptography algorithm and key identifier per use ({@code join tokens}, {@code passcodes}, {@code checkpoints})
 */
public record PortalFacts(
        Map<String, Long> meetingsByClassification,
        Map<String, Long> meetingsByLabel,
        long recordingsFinished,
        long recordingsDeletedInPeriod,
        long recordingsPendingDeletion,
        long legalHoldsActive,
        long consentAnswers,
        long baselinesInForce,
        Map<String, Long> roleHolders,
        Map<String, Long> secondFactorConfigured,
        List<String> conflictingRoles,
        Map<String, String> cryptography,
        long checkpointsSigned) {

    public PortalFacts {
        meetingsByClassification = Map.copyOf(meetingsByClassification);
        meetingsByLabel = Map.copyOf(meetingsByLabel);
        roleHolders = Map.copyOf(roleHolders);
        secondFactorConfigured = Map.copyOf(secondFactorConfigured);
        conflictingRoles = List.copyOf(conflictingRoles);
        cryptography = Map.copyOf(cryptography);
        Objects.requireNonNull(cryptography, "cryptography");
    }

    public long meetings() {
        return meetingsByClassification.values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    public long privilegedUsers() {
        return roleHolders.values().stream().mapToLong(Long::longValue).sum();
    }
}
