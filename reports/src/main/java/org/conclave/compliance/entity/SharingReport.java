package org.conclave.compliance.entity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conclave.policy.entity.SharingLabel;

/**
 * The data of the ISO/IEC 27010 information sharing report for a period. A label missing from a map counts 0;
 * each clause of the catalog is reported with the {@link Evidence} whose {@code ref} is its number, or none.
 *
 * @param refusalsByLabel admissions and registrations refused because of the meeting's label
 */
public record SharingReport(
        ReportHeading heading,
        Period period,
        Map<SharingLabel, Long> meetingsByLabel,
        Map<SharingLabel, Long> refusalsByLabel,
        List<OrganisationParticipation> participantsByOrganisation,
        List<ExternalHandling> externalParticipants,
        List<Evidence> clauseEvidence) {

    public SharingReport {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(period, "period");
        meetingsByLabel = Map.copyOf(meetingsByLabel);
        refusalsByLabel = Map.copyOf(refusalsByLabel);
        participantsByOrganisation = List.copyOf(participantsByOrganisation);
        externalParticipants = List.copyOf(externalParticipants);
        clauseEvidence = List.copyOf(clauseEvidence);
    }
}
