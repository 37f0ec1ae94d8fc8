package org.conclave.admission.entity;

import org.conclave.policy.entity.PolicySettings;

/**
 * Everything a join-token renewal depends on, read in one statement: the meeting's state and effective policy, the
 * admission's state and whether it was made with a second factor, whether a ban is in force for the person (meeting,
 * series or organisation), whether they host the meeting, and the video platform's address.
 */
public record RenewalFacts(
        String meetingId,
        String admissionId,
        boolean meetingScheduled,
        boolean admitted,
        boolean banned,
        boolean admittedWithSecondFactor,
        boolean host,
        PolicySettings policy,
        boolean recordingFeature,
        String platformBaseUrl) {}
