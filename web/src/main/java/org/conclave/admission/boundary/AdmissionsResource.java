package org.conclave.admission.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.conclave.admission.control.AdmissionDesk;
import org.conclave.admission.entity.AdmissionResult;
import org.conclave.admission.entity.JoinToken;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.platform.control.JsonText;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * {@code /api/meetings/{id}/admissions}: ask to enter (200 with a join token, or 202 into the waiting room), poll,
 * let in or turn away (host), renew the token.
 */
@Path("meetings/{id}/admissions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdmissionsResource {

    @Inject
    Access access;

    @Inject
    AdmissionDesk desk;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response request(@PathParam("id") String id, String body, @Context UriInfo uri) {
        Caller caller = access.require("admission.request", Role.PARTICIPANT, Role.HOST);
        Optional<String> passcode = Optional.empty();
        if (body != null && !body.isBlank()) {
            if (body.length() > 4096) {
                throw new Refusal(Rule.PAYLOAD_TOO_LARGE, "an admission request is a small JSON object");
            }
            JsonObject json;
            try {
                json = JsonText.parseObject(body);
            } catch (RuntimeException e) {
                throw new Refusal(Rule.MALFORMED_REQUEST, "send {\"passcode\": \"...\"} or nothing");
            }
            JsonBodies fields = JsonBodies.of(json);
            passcode = Optional.ofNullable(fields.text("passcode", false));
            fields.orRefuse();
        }
        AdmissionResult result = desk.admit(caller, id, passcode);
        return respond(result, uri);
    }

    @GET
    @Path("{aid}")
    public Response status(@PathParam("id") String id, @PathParam("aid") String aid, @Context UriInfo uri) {
        Caller caller = access.require("admission.read", Role.PARTICIPANT, Role.HOST);
        return respond(desk.status(caller, id, aid), uri);
    }

    @POST
    @Path("{aid}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> decide(@PathParam("id") String id, @PathParam("aid") String aid, JsonValue json) {
        Caller host = access.requireWithSecondFactor("admission.decide", "meeting", id, Role.HOST);
        JsonBodies body = JsonBodies.of(json);
        String decision = body.text("decision", true);
        if (decision != null && !decision.equals("admit") && !decision.equals("deny")) {
            body.problem("'decision' must be admit or deny");
        }
        body.orRefuse();
        var admission = desk.decide(host, id, aid, "admit".equals(decision));
        return Map.of("admissionId", admission.id(), "state", admission.state());
    }

    @POST
    @Path("{aid}/token")
    public Map<String, Object> renew(@PathParam("id") String id, @PathParam("aid") String aid) {
        Caller caller = access.require("admission.renew", Role.PARTICIPANT, Role.HOST);
        return token(aid, "admitted", desk.renew(caller, id, aid));
    }

    private static Response respond(AdmissionResult result, UriInfo uri) {
        if (result.token().isPresent()) {
            return Response.ok(token(
                            result.admission().id(),
                            result.admission().state(),
                            result.token().get()))
                    .build();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("admissionId", result.admission().id());
        view.put("state", result.admission().state());
        view.put(
                "poll",
                uri.getBaseUriBuilder()
                        .path("meetings")
                        .path(result.admission().meetingId())
                        .path("admissions")
                        .path(result.admission().id())
                        .build()
                        .toString());
        return Response.status(result.admission().isWaiting() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(view)
                .build();
    }

    private static Map<String, Object> token(String admissionId, String state, JoinToken token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("admissionId", admissionId);
        view.put("state", state);
        view.put("token", token.token());
        view.put("expiresAt", token.expiresAt().toString());
        view.put("joinUrl", token.joinUrl());
        view.put("room", token.room());
        return view;
    }
}
