package org.conclave.identity.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Conclave's administrative access to its realm (keycloak-admin-client), as the service account of the
 * confidential client {@code conclave-admin}: look up users, read user and admin events. One client for the
 * application, created on first use.
 */
@ApplicationScoped
public class KeycloakAdmin {

    @Inject
    KeycloakRealm realm;

    @Inject
    @ConfigProperty(name = "conclave.keycloak.admin.client-id", defaultValue = "conclave-admin")
    String clientId;

    @Inject
    @ConfigProperty(name = "conclave.keycloak.admin.client-secret")
    String clientSecret;

    private volatile Keycloak keycloak;

    public RealmResource realm() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(realm.serverUrl())
                            .realm(realm.realm())
                            .clientId(clientId)
                            .clientSecret(clientSecret)
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .build();
                }
                client = keycloak;
            }
        }
        return client.realm(realm.realm());
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
