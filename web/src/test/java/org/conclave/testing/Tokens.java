package org.conclave.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the running Keycloak (resource owner password grant of the public client
 * {@code conclave-cli}), with or without the user's one-time password.
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private final URI keycloak;

    public Tokens(URI keycloak) {
        this.keycloak = keycloak;
    }

    /** Password and TOTP: what hosts, auditors and admins need, and participants may use. */
    public String withOtp(DemoUser user) {
        return cached(user, true);
    }

    /** Password only. */
    public String passwordOnly(DemoUser user) {
        return cached(user, false);
    }

    private String cached(DemoUser user, boolean withOtp) {
        String key = user.username() + (withOtp ? "+otp" : "+pwd");
        String token = CACHE.get(key);
        if (token == null
                || claims(token).getJsonNumber("exp").longValue()
                        < Instant.now().getEpochSecond() + 60) {
            token = request(user, withOtp).getString("access_token");
            CACHE.put(key, token);
        }
        return token;
    }

    /**
     * One token request. With OTP, the realm asks for the code only when the client requests the {@code acr}
     * scope; each code is accepted once, so a second sign-in in the same 30 s uses the next window's code.
     */
    public HttpResponse<String> rawRequest(DemoUser user, boolean withOtp) {
        return rawRequest(user, withOtp ? user.totpAt(Instant.now()) : null);
    }

    public synchronized HttpResponse<String> rawRequest(DemoUser user, String totp) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "conclave-cli");
        form.put("username", user.username());
        form.put("password", user.password());
        if (totp != null) {
            form.put("scope", "openid acr");
            form.put("totp", totp);
        } else {
            form.put("scope", "openid");
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(keycloak.resolve("/realms/conclave/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonObject request(DemoUser user, boolean withOtp) {
        HttpResponse<String> response = rawRequest(user, withOtp);
        if (withOtp && response.statusCode() != 200) {
            response = rawRequest(user, user.totpAt(Instant.now().plusSeconds(30)));
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user.username() + ": "
                    + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The claims of a token, read without verifying it (tests verify where it matters). */
    public static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }
}
