package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.conclave.audit.entity.AuditActor;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.CurrentCaller;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.control.ConclaveDatabase;
import org.conclave.platform.control.RequestContext;

/**
 * The one audit call. Appends an event inside the caller's transaction, so the governed action and its event
 * commit or roll back together; it refuses to run outside a transaction. One statement: the event with its
 * erasable personal data (username, client address: not hashed).
 */
@ApplicationScoped
public class AuditTrail {

    /**
     * The transaction takes its id (materialised first) before the event takes its id from the sequence: the sealer
     * relies on that order to know when every id below a horizon belongs to a finished transaction.
     */
    private static final String APPEND =
            """
            WITH tx AS MATERIALIZED (SELECT pg_current_xact_id())
            INSERT INTO audit_event (occurred_at, source, actor_subject, actor_roles, actor_organisation, actor_amr,
                                     action, target_type, target_id, outcome, reason, details, request_id,
                                     actor_username, client_address)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ? FROM tx RETURNING id""";

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    @Inject
    Instance<CurrentCaller> currentCaller;

    @Inject
    Instance<RequestContext> request;

    @Inject
    AuditMetrics metrics;

    /** Records the entry as done by the caller of the current request (or by the system outside requests). */
    public long record(AuditEntry entry) {
        return record(entry, currentActor());
    }

    public long record(AuditEntry entry, AuditActor actor) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("an audit event must be written inside the action's transaction");
        }
        try (Connection c = database.getConnection();
                PreparedStatement append = c.prepareStatement(APPEND)) {
            int i = 1;
            append.setTimestamp(
                    i++,
                    Timestamp.from(entry.occurredAt().orElseGet(clock::instant).truncatedTo(ChronoUnit.MICROS)));
            append.setString(i++, entry.source().wire());
            append.setString(i++, actor.subject().orElse(null));
            append.setArray(i++, c.createArrayOf("text", actor.roles().toArray()));
            append.setString(i++, actor.organisation().orElse(null));
            append.setArray(i++, c.createArrayOf("text", actor.amr().toArray()));
            append.setString(i++, entry.action());
            append.setString(i++, entry.targetType().orElse(null));
            append.setString(i++, entry.targetId().orElse(null));
            append.setString(i++, entry.outcome().wire());
            append.setString(i++, entry.reason().orElse(null));
            append.setString(i++, CanonicalJson.write(entry.details()));
            append.setString(i++, requestId().orElse(null));
            setNullable(append, i++, actor.username());
            setNullable(append, i, actor.clientAddress());
            long started = System.nanoTime();
            try (ResultSet rs = append.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                metrics.recorded(entry, java.time.Duration.ofNanos(System.nanoTime() - started));
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit event could not be written; the action is rolled back", e);
        }
    }

    public AuditActor currentActor() {
        Optional<Caller> caller = Optional.empty();
        Optional<String> address = Optional.empty();
        try {
            caller = currentCaller.get().get();
            address = request.get().clientAddress();
        } catch (ContextNotActiveException outsideARequest) {
            // timers and background work act as the system
        }
        return caller.map(c -> actorOf(c, request)).orElse(AuditActor.SYSTEM.withAddress(address));
    }

    private static AuditActor actorOf(Caller caller, Instance<RequestContext> request) {
        return new AuditActor(
                Optional.of(caller.subject()),
                Optional.of(caller.username()),
                caller.roles().stream().map(Role::roleName).toList(),
                caller.organisation(),
                caller.amr(),
                request.get().clientAddress());
    }

    private Optional<String> requestId() {
        try {
            return Optional.of(request.get().requestId());
        } catch (ContextNotActiveException outsideARequest) {
            return Optional.empty();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    static List<String> list(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
