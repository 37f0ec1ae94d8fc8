package org.conclave.identity.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Conclave's Keycloak realm is and how its tokens are checked. The realm's signing keys are fetched once
 * and cached (refreshed when an unknown key id shows up, rate-limited), so verifying a token costs no round trip.
 */
@ApplicationScoped
public class KeycloakRealm {

    @Inject
    @ConfigProperty(name = "conclave.keycloak.url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "conclave.keycloak.realm", defaultValue = "conclave")
    String realm;

    @Inject
    @ConfigProperty(name = "conclave.oidc.client-id", defaultValue = "conclave-portal")
    String clientId;

    private AccessTokenVerifier verifier;

    @PostConstruct
    void init() {
        verifier = new AccessTokenVerifier(issuer(), clientId, keys());
    }

    public String issuer() {
        return stripSlash(keycloakUrl) + "/realms/" + realm;
    }

    public URI jwksUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    public String clientId() {
        return clientId;
    }

    public String realm() {
        return realm;
    }

    public String serverUrl() {
        return stripSlash(keycloakUrl);
    }

    public AccessTokenVerifier verifier() {
        return verifier;
    }

    private JWKSource<SecurityContext> keys() {
        try {
            URL url = jwksUri().toURL();
            return JWKSourceBuilder.create(url)
                    .cache(true)
                    .rateLimited(true)
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("conclave.keycloak.url is not a URL: " + keycloakUrl, e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
