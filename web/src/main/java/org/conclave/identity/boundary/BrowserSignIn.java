package org.conclave.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.conclave.identity.control.KeycloakRealm;
import org.conclave.identity.entity.Caller;
import org.conclave.platform.entity.Refusal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a browser session keeps of its sign-in: Keycloak's access and refresh tokens as plain strings, so that the
 * session carries over to the other instances of a cluster (the OpenID Connect context of Jakarta Security holds
 * objects that do not serialise, and would arrive empty). Every request verifies the access token locally, as for
 * API calls; an expired one is renewed with the refresh token, and when that fails too the person signs in again.
 */
@ApplicationScoped
public class BrowserSignIn {

    private static final Logger LOG = Logger.getLogger(BrowserSignIn.class.getName());
    private static final String ATTRIBUTE = "conclave.sign-in";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The tokens of one sign-in, as the session stores them. */
    record Tokens(String accessToken, String refreshToken) implements Serializable {}

    @Inject
    KeycloakRealm realm;

    @Inject
    @ConfigProperty(name = "conclave.oidc.client-secret")
    String clientSecret;

    /** Keeps the tokens of a sign-in that has just completed. */
    void remember(HttpSession session, String accessToken, String refreshToken) {
        session.setAttribute(ATTRIBUTE, new Tokens(accessToken, refreshToken));
    }

    /** The session's caller, renewing the access token if it expired; empty when the session has no valid sign-in. */
    Optional<Caller> caller(HttpSession session) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Tokens tokens)) {
            return Optional.empty();
        }
        try {
            return Optional.of(realm.verifier().verify(tokens.accessToken()));
        } catch (Refusal expired) {
            Optional<Tokens> renewed = renew(tokens);
            if (renewed.isEmpty()) {
                session.removeAttribute(ATTRIBUTE);
                return Optional.empty();
            }
            try {
                Caller caller = realm.verifier().verify(renewed.get().accessToken());
                session.setAttribute(ATTRIBUTE, renewed.get());
                return Optional.of(caller);
            } catch (Refusal refused) {
                session.removeAttribute(ATTRIBUTE);
                return Optional.empty();
            }
        }
    }

    private Optional<Tokens> renew(Tokens tokens) {
        if (tokens.refreshToken() == null) {
            return Optional.empty();
        }
        String form = "grant_type=refresh_token&refresh_token=" + encode(tokens.refreshToken()) + "&client_id="
                + encode(realm.clientId()) + "&client_secret=" + encode(clientSecret);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(realm.issuer() + "/protocol/openid-connect/token"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject answer = reader.readObject();
                return Optional.of(new Tokens(
                        answer.getString("access_token"), answer.getString("refresh_token", tokens.refreshToken())));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not renew a browser session's token", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
