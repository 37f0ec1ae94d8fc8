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
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Polls Keycloak's events on a timer, retrying after failures, and remembers how the last poll went (for health). */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeycloakEventPoller {

    private static final Logger LOG = Logger.getLogger(KeycloakEventPoller.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    KeycloakEventIngestion ingestion;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "conclave.keycloak.events.poll-seconds", defaultValue = "15")
    long intervalSeconds;

    private volatile Instant lastSuccess;
    private volatile String lastError;
    private ScheduledFuture<?> task;

    @PostConstruct
    void schedule() {
        task = scheduler.scheduleWithFixedDelay(this::pollQuietly, 2, intervalSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    public int pollNow() {
        try {
            int added = ingestion.poll();
            lastSuccess = clock.instant();
            lastError = null;
            return added;
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            throw e;
        }
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void pollQuietly() {
        try {
            pollNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not ingest Keycloak events; will retry", e);
        }
    }
}
