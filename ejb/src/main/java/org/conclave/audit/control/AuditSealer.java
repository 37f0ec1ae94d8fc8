package org.conclave.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the chain sealed: every few hundred milliseconds it moves the horizon forward (the event id below which no
 * transaction is still running), seals up to it, then signs a checkpoint when one is due. Readers that need the newest events (verification, export) call {@link #sealNow()} first.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditSealing sealing;

    @Inject
    Checkpoints checkpoints;

    @Inject
    @ConfigProperty(name = "conclave.audit.seal-interval-ms", defaultValue = "200")
    long intervalMillis;

    private static final int MAX_CANDIDATES = 100;

    private final ReentrantLock running = new ReentrantLock();
    private final Deque<AuditSealing.Horizon> candidates = new ArrayDeque<>();
    private long horizon;
    private ScheduledFuture<?> task;

    @PostConstruct
    void schedule() {
        task = scheduler.scheduleWithFixedDelay(
                this::sealQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Seals everything committed so far and checkpoints if due; returns the number of events sealed. */
    public long sealNow() {
        running.lock();
        try {
            advanceHorizon();
            long total = 0;
            int sealed;
            do {
                sealed = sealing.sealBatch(horizon);
                total += sealed;
            } while (sealed == AuditSealing.BATCH);
            checkpoints.checkpointIfDue(false);
            return total;
        } finally {
            running.unlock();
        }
    }

    /** Takes a new horizon candidate; adopts every older one whose running transactions have all finished. */
    private void advanceHorizon() {
        if (candidates.size() < MAX_CANDIDATES) {
            candidates.addLast(sealing.candidate());
        }
        while (!candidates.isEmpty() && sealing.reached(candidates.peekFirst())) {
            horizon = Math.max(horizon, candidates.pollFirst().lastId());
        }
    }

    private void sealQuietly() {
        try {
            sealNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sealing the audit chain failed; retrying", e);
        }
    }
}
