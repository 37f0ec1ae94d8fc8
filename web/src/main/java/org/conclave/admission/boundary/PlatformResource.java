package org.conclave.admission.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.conclave.admission.control.PlatformEvents;
import org.conclave.admission.control.VideoPlatforms;
import org.conclave.admission.entity.VideoPlatform;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * {@code /api/platform}: the registered video platform and its posture (admins register it), and the webhook the
 * platform posts occupant events to (authenticated by HMAC, not by a bearer token).
 */
@Path("platform")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    private static final int MAX_EVENT_BYTES = 16 * 1024;

    @Inject
    Access access;

    @Inject
    VideoPlatforms platforms;

    @Inject
    PlatformEvents events;

    @Inject
    org.conclave.admission.control.JitsiTokens tokens;

    @GET
    public Map<String, Object> platform() {
        access.require("platform.read", Role.values());
        return view(platforms.current());
    }

    /** Public keys for Prosody's {@code asap_key_server} (ES256 tokens only). */
    @GET
    @Path("keys/{name}")
    @Produces("application/x-pem-file")
    public String key(@PathParam("name") String name) {
        String hash = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return tokens.publicKeyPem(hash).orElseThrow(() -> new Refusal(Rule.NOT_FOUND, "no such key"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> register(JsonValue json) {
        Caller admin = access.requireWithSecondFactor("platform.register", Role.ADMIN);
        JsonBodies body = JsonBodies.of(json);
        String baseUrl = body.text("baseUrl", true);
        boolean e2ee = body.flag("e2eeCapable");
        boolean turn = body.flag("onPremiseTurn");
        boolean store = body.flag("onPremiseRecordingStore");
        body.orRefuse();
        return view(platforms.register(admin, baseUrl, e2ee, turn, store));
    }

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    public Response event(
            @HeaderParam("X-Conclave-Timestamp") String timestamp,
            @HeaderParam("X-Conclave-Event-Id") String eventId,
            @HeaderParam("X-Conclave-Signature") String signature,
            byte[] body) {
        if (body == null || body.length > MAX_EVENT_BYTES) {
            throw new Refusal(Rule.PAYLOAD_TOO_LARGE, "a platform event is at most 16 KiB");
        }
        events.receive(timestamp, eventId, signature, body);
        return Response.noContent().build();
    }

    private static Map<String, Object> view(VideoPlatform p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("kind", p.kind());
        view.put("baseUrl", p.baseUrl());
        view.put("e2eeCapable", p.e2eeCapable());
        view.put("onPremiseTurn", p.onPremiseTurn());
        view.put("onPremiseRecordingStore", p.onPremiseRecordingStore());
        return view;
    }
}
