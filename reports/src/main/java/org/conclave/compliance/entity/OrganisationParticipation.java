package org.conclave.compliance.entity;

import java.util.Objects;

/** How many participants of one organisation took part in how many meetings in the period. */
public record OrganisationParticipation(String organisation, long participants, long meetings) {

    public OrganisationParticipation {
        Objects.requireNonNull(organisation, "organisation");
    }
}
