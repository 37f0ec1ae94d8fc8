package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import org.conclave.audit.entity.AuditEntry;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What operators watch on {@code /metrics} (Prometheus text): governed decisions by action, outcome and rule — counted
 * only once their transaction committed, so a rolled-back action is never counted — and how long appending an audit
 * event takes.
 */
@ApplicationScoped
public class AuditMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Counts the decision when (and if) the current transaction commits. */
    public void recorded(AuditEntry entry, Duration appendTook) {
        registry.timer("conclave_audit_append").update(appendTook);
        Tag[] tags = {
            new Tag("action", entry.action()),
            new Tag("outcome", entry.outcome().wire()),
            new Tag("rule", entry.reason().orElse("none"))
        };
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    registry.counter("conclave_decisions", tags).inc();
                }
            }
        });
    }
}
