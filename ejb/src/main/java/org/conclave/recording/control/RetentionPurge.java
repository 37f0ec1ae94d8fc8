package org.conclave.recording.control;

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

/**
 * Runs the retention purge every {@code conclave.recordings.purge-interval-seconds} (default 60): each recording
 * past its deletion date and not on hold is deleted and certified in its own transaction, so one failure does not
 * stop the rest and a crash loses at most the recording in hand (which the next run finishes).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RecordingDeletions deletions;

    @Inject
    @org.eclipse.microprofile.metrics.annotation.RegistryScope(
            scope = org.eclipse.microprofile.metrics.MetricRegistry.APPLICATION_SCOPE)
    org.eclipse.microprofile.metrics.MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "conclave.recordings.purge-interval-seconds", defaultValue = "60")
    int intervalSeconds;

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, intervalSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("retention-purge", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        int deleted = 0;
        try {
            for (String id : deletions.due()) {
                try {
                    if (deletions.purge(id)) {
                        deleted++;
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not purge recording " + id + "; will retry", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not list recordings due for deletion; will retry", e);
        }
        if (deleted > 0) {
            LOG.info("retention purge deleted " + deleted + " recording(s)");
            registry.counter("conclave_recordings_purged").inc(deleted);
        }
    }
}
