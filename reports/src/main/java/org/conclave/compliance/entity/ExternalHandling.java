package org.conclave.compliance.entity;

import java.time.Instant;
import java.util.Objects;
import org.conclave.policy.entity.SharingLabel;

/**
 * One handling event for a participant from another organisation, e.g. {@code handling notice acknowledged},
 * {@code admitted}, {@code refused: TLP:AMBER+STRICT keeps this meeting inside the host's organisation}.
 */
public record ExternalHandling(
        Instant at, String meeting, SharingLabel label, String participant, String organisation, String handling) {

    public ExternalHandling {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(handling, "handling");
    }
}
