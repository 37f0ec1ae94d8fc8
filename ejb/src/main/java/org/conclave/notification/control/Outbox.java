package org.conclave.notification.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.conclave.notification.entity.Mail;
import org.conclave.notification.entity.OutboxMessage;
import org.conclave.platform.control.Ids;

/** Puts a composed message in the outbox, inside the caller's transaction (sealed when it carries a secret). */
@Stateless
public class Outbox {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    OutboxSeal seal;

    @Inject
    Clock clock;

    public OutboxMessage enqueue(Mail mail) {
        String id = Ids.random();
        OutboxMessage message = mail.sensitive()
                ? new OutboxMessage(
                        id, mail, seal.seal(id, mail.text()), seal.seal(id, mail.html()), true, clock.instant())
                : new OutboxMessage(id, mail, mail.text(), mail.html(), false, clock.instant());
        em.persist(message);
        return message;
    }
}
