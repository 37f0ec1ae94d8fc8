package org.conclave.compliance.control;

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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.conclave.compliance.entity.ReportJob;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code conclave.reports.poll-seconds} (default 2): generates the queued reports one after the other, so two
 * large reports never compete for the heap. A report that fails is marked failed (and audited), never retried
 * silently.
 */
@Startup
@Singleton
@DependsOn("CatalogImport")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReportWorker {

    private static final Logger LOG = Logger.getLogger(ReportWorker.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    ReportGeneration generation;

    @Inject
    @ConfigProperty(name = "conclave.reports.poll-seconds", defaultValue = "2")
    int pollSeconds;

    private final AtomicBoolean busy = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("report-worker", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void work() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            List<String> queued = em.createNamedQuery(ReportJob.QUEUED, String.class)
                    .setMaxResults(20)
                    .getResultList();
            for (String id : queued) {
                if (generation.claim(id)) {
                    generate(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the report queue; will retry", e);
        } finally {
            busy.set(false);
        }
    }

    private void generate(String id) {
        try {
            generation.finish(id, generation.render(id));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "report " + id + " failed", e);
            generation.fail(id, e.getClass().getSimpleName());
        }
    }
}
