package org.conclave.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.conclave.audit.control.KeycloakEventPoller;
import org.conclave.identity.control.KeycloakRealm;
import org.conclave.platform.control.ConclaveDatabase;
import org.conclave.platform.control.DatabaseMigrations;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to serve when PostgreSQL answers, the schema is migrated, Keycloak's signing keys can be fetched and the
 * last poll of Keycloak's events succeeded (a failing poll is retried and named here until it recovers).
 */
@Readiness
@ApplicationScoped
public class PortalReadiness implements HealthCheck {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    DatabaseMigrations migrations;

    @Inject
    KeycloakRealm realm;

    @Inject
    KeycloakEventPoller keycloakEvents;

    @Inject
    org.conclave.audit.control.AuditSealing sealing;

    @Override
    public HealthCheckResponse call() {
        boolean databaseUp = databaseAnswers();
        boolean migrated = migrations.upToDate();
        boolean keysReachable = keycloakKeysReachable();
        boolean eventsFlowing = keycloakEvents.lastError().isEmpty();
        return HealthCheckResponse.named("conclave")
                .status(databaseUp && migrated && keysReachable && eventsFlowing)
                .withData("postgresql", databaseUp)
                .withData("migrations", migrated)
                .withData("keycloak-jwks", keysReachable)
                .withData("audit-unsealed-events", databaseUp ? sealing.unsealed() : -1)
                .withData("keycloak-events", keycloakEvents.lastError().orElse("ok"))
                .withData(
                        "keycloak-events-last-success",
                        keycloakEvents.lastSuccess().map(Object::toString).orElse("never"))
                .build();
    }

    private boolean databaseAnswers() {
        try (Connection c = database.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean keycloakKeysReachable() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(realm.jwksUri())
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
