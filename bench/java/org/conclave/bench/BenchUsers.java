package org.conclave.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Users for the admission benchmarks, created once through Keycloak's admin REST API as the bootstrap admin (DEV
 * secret of the benchmark stack): {@code bench-user-NN} in the conclave realm with the participant role and a DEV
 * password, and the same names in a realm hashing passwords with PBKDF2-SHA512. Users that already exist are kept.
 */
final class BenchUsers {

    private BenchUsers() {}

    /** The realm whose logins are the like-for-like reference: Keycloak hashing with PBKDF2-SHA512, 210,000 it. */
    static final String PBKDF2_REALM = "bench-pbkdf2";

    static final String PBKDF2_POLICY = "hashAlgorithm(pbkdf2-sha512) and hashIterations(210000)";

    static String adminToken() {
        return Bench.field(
                Bench.expect(
                                200,
                                Bench.postForm(
                                        Bench.keycloak(),
                                        "/realms/master/protocol/openid-connect/token",
                                        Map.of(
                                                "grant_type", "password",
                                                "client_id", "admin-cli",
                                                "username", "admin",
                                                "password", Bench.secret("keycloak.bootstrap-admin.password"))),
                                "Keycloak admin sign-in")
                        .body(),
                "access_token");
    }

    /** Participants bench-user-NN in the conclave realm (its default password hashing, as deployed). */
    static void ensure(List<String> usernames) {
        String admin = adminToken();
        String participantRole = Bench.expect(
                        200,
                        Bench.get(Bench.keycloak(), "/admin/realms/conclave/roles/participant", admin),
                        "reading the participant role")
                .body();
        int created = createUsers(admin, "conclave", usernames, "[" + participantRole + "]");
        if (created > 0) {
            System.out.println("created " + created + " benchmark participants in Keycloak");
        }
    }

    /**
     * A separate realm with the same users whose password policy is PBKDF2-HMAC-SHA512 with 210,000 iterations (the
     * hash Conclave uses for passcodes), a public client with direct grants and events stored as in the conclave
     * realm: Keycloak 25+ hashes with Argon2id by default, so this is the like-for-like login reference.
     */
    static void ensurePbkdf2Realm(List<String> usernames) {
        String admin = adminToken();
        if (Bench.get(Bench.keycloak(), "/admin/realms/" + PBKDF2_REALM, admin).statusCode() == 404) {
            Bench.expect(
                    201,
                    Bench.postJson(
                            Bench.keycloak(),
                            "/admin/realms",
                            admin,
                            """
                            {"realm": "%s", "enabled": true, "sslRequired": "external", "passwordPolicy": "%s",
                             "accessTokenLifespan": 300, "eventsEnabled": true,
                             "enabledEventTypes": ["LOGIN", "LOGIN_ERROR"],
                             "clients": [{"clientId": "bench-cli", "enabled": true, "publicClient": true,
                                          "standardFlowEnabled": false, "directAccessGrantsEnabled": true}]}"""
                                    .formatted(PBKDF2_REALM, PBKDF2_POLICY)),
                    "creating the realm " + PBKDF2_REALM);
        }
        int created = createUsers(admin, PBKDF2_REALM, usernames, null);
        if (created > 0) {
            System.out.println("created " + created + " users in the realm " + PBKDF2_REALM + " (" + PBKDF2_POLICY + ")");
        }
    }

    private static int createUsers(String admin, String realm, List<String> usernames, String roles) {
        URI keycloak = Bench.keycloak();
        int created = 0;
        for (String username : usernames) {
            String existing = Bench.expect(
                            200,
                            Bench.get(
                                    keycloak,
                                    "/admin/realms/" + realm + "/users?exact=true&username="
                                            + URLEncoder.encode(username, StandardCharsets.UTF_8),
                                    admin),
                            "looking up " + username)
                    .body();
            if (existing.contains("\"id\"")) {
                continue;
            }
            String user =
                    """
                    {"username": "%s", "enabled": true, "emailVerified": true, "email": "%s@conclave.test",
                     "firstName": "Bench", "lastName": "Participant", "attributes": {"organisation": ["home"]},
                     "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                            .formatted(username, username, Bench.password(username));
            HttpResponse<String> response = Bench.expect(
                    201,
                    Bench.postJson(keycloak, "/admin/realms/" + realm + "/users", admin, user),
                    "creating " + username + " in " + realm);
            if (roles != null) {
                String location = response.headers().firstValue("Location").orElseThrow();
                String id = location.substring(location.lastIndexOf('/') + 1);
                Bench.expect(
                        204,
                        Bench.send(HttpRequest.newBuilder(keycloak.resolve(
                                                "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm"))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(roles))),
                        "giving " + username + " its roles");
            }
            created++;
        }
        return created;
    }
}
