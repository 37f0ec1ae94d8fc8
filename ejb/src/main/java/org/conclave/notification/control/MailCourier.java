package org.conclave.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every {@code conclave.mail.poll-seconds} (default 5): delivers what is due in the outbox, one message at a time. */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailCourier {

    private static final Logger LOG = Logger.getLogger(MailCourier.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MailDeliveries deliveries;

    @Inject
    @ConfigProperty(name = "conclave.mail.poll-seconds", defaultValue = "5")
    int pollSeconds;

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("mail-courier", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliver() {
        try {
            for (String id : deliveries.due()) {
                try {
                    deliveries.deliver(id);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not deliver outbox message " + id + "; will retry", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the mail outbox; will retry", e);
        }
    }
}
