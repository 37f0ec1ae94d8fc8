package org.conclave.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import org.conclave.identity.control.KeycloakRealm;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser sign-in: the OpenID Connect authorization-code flow against the realm, with a session. Its values come
 * from configuration through this bean (Soteria evaluates the ${...} expressions at sign-in).
 */
@ApplicationScoped
@Named("portalSignIn")
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${portalSignIn.providerUri}",
        clientId = "${portalSignIn.clientId}",
        clientSecret = "${portalSignIn.clientSecret}",
        redirectURI = "${portalSignIn.redirectUri}",
        redirectToOriginalResource = false,
        tokenAutoRefresh = true,
        claimsDefinition = @ClaimsDefinition(callerGroupsClaim = "groups", callerNameClaim = "preferred_username"))
public class PortalSignIn {

    public static final String CALLBACK_PATH = "/signed-in";

    @Inject
    KeycloakRealm realm;

    @Inject
    @ConfigProperty(name = "conclave.oidc.client-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "conclave.public-url")
    String publicUrl;

    public String getProviderUri() {
        return realm.issuer();
    }

    public String getClientId() {
        return realm.clientId();
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getRedirectUri() {
        return publicUrl + CALLBACK_PATH;
    }
}
