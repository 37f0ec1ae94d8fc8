package org.conclave.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.conclave.stack.RunningPortal.Portal;

/** Keycloak's own event log (read through its admin API) against what the portal ingested into the audit log. */
public final class KeycloakEvents {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Portal portal;

    public KeycloakEvents(Portal portal) {
        this.portal = portal;
    }

    /** The ids of the realm's events at or after {@code since} (epoch milliseconds), as Keycloak stored them. */
    public List<String> idsSince(long since) throws Exception {
        String form = "grant_type=client_credentials&client_id=conclave-admin&client_secret="
                + URLEncoder.encode(portal.secret("keycloak.conclave-admin.secret"), StandardCharsets.UTF_8);
        HttpResponse<String> token = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(portal.keycloakUrl() + "/realms/conclave/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String bearer =
                Json.createReader(new StringReader(token.body())).readObject().getString("access_token");
        HttpResponse<String> events = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(portal.keycloakUrl() + "/admin/realms/conclave/events?first=0&max=5000"))
                        .header("Authorization", "Bearer " + bearer)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, events.statusCode(), events.body());
        JsonArray all = Json.createReader(new StringReader(events.body())).readArray();
        List<String> ids = new ArrayList<>();
        for (JsonObject event : all.getValuesAs(JsonObject.class)) {
            if (event.getJsonNumber("time").longValue() >= since && event.containsKey("id")) {
                ids.add(event.getString("id"));
            }
        }
        return ids;
    }

    /** True when every one of these Keycloak events is in the audit log. */
    public boolean allIngested(List<String> keycloakEventIds) throws Exception {
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement("SELECT count(DISTINCT details->>'keycloakEventId') FROM"
                        + " audit_event WHERE source = 'keycloak' AND details->>'keycloakEventId' = ANY (?)")) {
            q.setArray(1, c.createArrayOf("text", keycloakEventIds.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) == keycloakEventIds.size();
            }
        }
    }

    /** How many Keycloak events the audit log holds more than once (0 when ingestion is exactly once). */
    public long ingestedTwice() throws Exception {
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM (SELECT details->>'keycloakEventId'"
                        + " FROM audit_event WHERE source = 'keycloak' AND details->>'keycloakEventId' <> ''"
                        + " GROUP BY 1 HAVING count(*) > 1) twice");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
