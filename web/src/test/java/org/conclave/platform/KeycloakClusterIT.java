package org.conclave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conclave.stack.ConclaveStack;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak in its own cluster mode, as a production deployment runs it: two nodes built with {@code --cache=ispn} on
 * one database with Conclave's realm, their cluster transport on 127.0.0.1, finding each other through the database
 * ({@code jdbc-ping}). They form one cluster view, and a change made through one node holds at once on the other:
 * a participant disabled by an administrator on node 1 can no longer sign in, nor renew his session, on node 2, where
 * he had just signed in (and where, without the cluster, his cached account would still be enabled).
 */
@ExtendWith(RunningPortal.class)
class KeycloakClusterIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view[^\\n]*\\((\\d+)\\)");

    @Test
    void twoNodesFormOneClusterAndAnAccountDisabledOnOneIsRefusedAtOnceOnTheOther(Portal portal) throws Exception {
        try (ConclaveStack.KeycloakCluster cluster = portal.keycloakCluster(2)) {
            for (int node = 0; node < 2; node++) {
                String log = Files.readString(cluster.log(node));
                Matcher view = VIEW.matcher(log);
                int members = 0;
                while (view.find()) {
                    members = Integer.parseInt(view.group(1));
                }
                assertEquals(2, members, "node " + (node + 1) + "'s last cluster view has both nodes");
            }

            HttpResponse<String> signIn = new Tokens(cluster.url(1)).rawRequest(DemoUser.BOB, null);
            assertEquals(200, signIn.statusCode(), "bob signs in on node 2: " + signIn.body());
            String refreshToken = json(signIn.body()).getString("refresh_token");

            String admin = adminToken(cluster.url(0), cluster.adminPassword());
            String bob = userId(cluster.url(0), admin, "bob");
            assertEquals(204, setEnabled(cluster.url(0), admin, bob, false), "bob disabled through node 1");

            HttpResponse<String> again = new Tokens(cluster.url(1)).rawRequest(DemoUser.BOB, null);
            assertEquals(400, again.statusCode(), "node 2 refuses bob's sign-in at once: " + again.body());
            assertEquals("invalid_grant", json(again.body()).getString("error"), again.body());
            HttpResponse<String> renewal = form(
                    cluster.url(1),
                    "/realms/conclave/protocol/openid-connect/token",
                    "grant_type=refresh_token&client_id=conclave-cli&refresh_token=" + refreshToken);
            assertEquals(400, renewal.statusCode(), "node 2 refuses to renew his session: " + renewal.body());

            assertEquals(204, setEnabled(cluster.url(1), admin, bob, true), "enabled again through node 2");
            HttpResponse<String> back = new Tokens(cluster.url(0)).rawRequest(DemoUser.BOB, null);
            assertEquals(200, back.statusCode(), "node 1 lets bob in again at once: " + back.body());
            System.out.println("Keycloak cluster: 2 nodes in one view; disable/enable through one node held at once"
                    + " on the other");
        }
    }

    private static String adminToken(URI node, String password) throws Exception {
        HttpResponse<String> response = form(
                node,
                "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).getString("access_token");
    }

    private static String userId(URI node, String admin, String username) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(node.resolve("/admin/realms/conclave/users?exact=true&username=" + username))
                        .header("Authorization", "Bearer " + admin)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            var users = reader.readArray();
            assertEquals(1, users.size(), response.body());
            return users.getJsonObject(0).getString("id");
        }
    }

    private static int setEnabled(URI node, String admin, String userId, boolean enabled) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(node.resolve("/admin/realms/conclave/users/" + userId))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": " + enabled + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpResponse<String> form(URI node, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(node.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
