package org.conclave.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything uses JPA. Runs the migrations of the {@code db} module as the
 * migration (owner) role; the application itself connects as the restricted role. Flyway's own lock makes
 * only one instance of a cluster migrate.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Inject
    @ConfigProperty(name = "conclave.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "conclave.db.migration.user", defaultValue = "conclave_owner")
    String user;

    @Inject
    @ConfigProperty(name = "conclave.db.migration.password")
    String password;

    private volatile boolean upToDate;

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway().migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        upToDate = flyway().info().pending().length == 0;
    }

    /** True once the schema is at the newest migration shipped with this build. */
    public boolean upToDate() {
        return upToDate;
    }

    private Flyway flyway() {
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }
}
