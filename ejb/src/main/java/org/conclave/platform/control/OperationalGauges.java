package org.conclave.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.conclave.audit.control.AuditSealing;
import org.conclave.audit.control.KeycloakEventPoller;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Gauges read when {@code /metrics} is scraped: audit events committed but not yet chained, and how many seconds
 * ago Keycloak's events were last copied into the audit log (the ingestion lag).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class OperationalGauges {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    AuditSealing sealing;

    @Inject
    KeycloakEventPoller poller;

    @Inject
    Clock clock;

    @PostConstruct
    void register() {
        registry.gauge("conclave_audit_unsealed_events", () -> sealing.unsealed());
        registry.gauge("conclave_keycloak_ingestion_lag_seconds", () -> poller.lastSuccess()
                .map(last -> Duration.between(last, clock.instant()).toSeconds())
                .orElse(-1L));
    }
}
