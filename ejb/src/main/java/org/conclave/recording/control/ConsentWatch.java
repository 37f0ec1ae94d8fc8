package org.conclave.recording.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.conclave.admission.entity.OccupantJoined;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.Source;
import org.conclave.recording.entity.ConsentLedger;
import org.conclave.recording.entity.ConsentState;
import org.conclave.recording.entity.Recording;

/** Watches the room while a recording runs: anyone entering without consent to its notice is a consent breach. */
@Stateless
public class ConsentWatch {

    @Inject
    ConsentBreaches breaches;

    @Inject
    Consents consents;

    public void joined(@Observes OccupantJoined joined) {
        Optional<Recording> running = breaches.running(joined.meetingId());
        if (running.isEmpty() || running.get().requestedBy().equals(joined.subject())) {
            return;
        }
        ConsentLedger ledger = consents.ledger(joined.meetingId(), running.get().noticeHash());
        if (ledger.stateOf(joined.subject()) != ConsentState.CONSENTED) {
            breaches.raise(
                    running.get(), joined.subject(), "joined-without-consent", Source.PLATFORM, AuditActor.SYSTEM);
        }
    }
}
