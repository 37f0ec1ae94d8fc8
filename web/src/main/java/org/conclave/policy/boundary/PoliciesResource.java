package org.conclave.policy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.boundary.PolicyExceptionViews;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.conclave.policy.control.Baselines;
import org.conclave.policy.control.PolicyDrift;
import org.conclave.policy.control.PolicyExceptions;
import org.conclave.policy.entity.Baseline;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.PolicySetting;

/** {@code /api/policies}: baselines per classification (admins change them), drift, and exception decisions. */
@Path("policies")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    @Inject
    Access access;

    @Inject
    Baselines baselines;

    @Inject
    PolicyDrift drift;

    @Inject
    PolicyExceptions exceptions;

    @GET
    public List<Map<String, Object>> all() {
        access.require("policy.read", Role.values());
        return baselines.all().stream().map(PoliciesResource::view).toList();
    }

    /** What each setting means: its rule and the ISO/IEC 27002:2022 controls it serves. */
    @GET
    @Path("settings")
    public List<Map<String, Object>> settings() {
        access.require("policy.read", Role.values());
        return Arrays.stream(PolicySetting.values())
                .map(s -> Map.<String, Object>of("setting", s.wireKey(), "rule", s.rule(), "controls", s.controls()))
                .toList();
    }

    @GET
    @Path("drift")
    public List<Map<String, Object>> drift() {
        Caller caller = access.require("policy.drift", Role.ADMIN, Role.HOST);
        return drift.visibleTo(caller).stream()
                .map(d -> Map.<String, Object>of(
                        "meetingId", d.meeting().id(),
                        "classification", d.meeting().classification().name(),
                        "start", d.meeting().start().toOffsetDateTime().toString(),
                        "violations",
                                d.violations().stream().map(v -> v.toWire()).toList()))
                .toList();
    }

    @GET
    @Path("exceptions")
    public List<Map<String, Object>> openExceptions() {
        access.require("policy.exception-list", Role.ADMIN);
        return exceptions.open().stream().map(PolicyExceptionViews::of).toList();
    }

    @POST
    @Path("exceptions/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> decide(@PathParam("id") String id, JsonValue json) {
        Caller admin = access.requireWithSecondFactor("policy.exception-decide", Role.ADMIN);
        JsonBodies body = JsonBodies.of(json);
        String decision = body.text("decision", true);
        if (decision != null && !List.of("approve", "reject").contains(decision)) {
            body.problem("'decision' must be approve or reject");
        }
        body.orRefuse();
        return PolicyExceptionViews.of(exceptions.decide(admin, id, "approve".equals(decision)));
    }

    @GET
    @Path("{classification}")
    public Map<String, Object> one(@PathParam("classification") String classification) {
        access.require("policy.read", Role.values());
        return view(baselines.of(parse(classification)));
    }

    @PUT
    @Path("{classification}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> change(@PathParam("classification") String classification, JsonValue json) {
        Caller admin = access.requireWithSecondFactor("policy.baseline-change", Role.ADMIN);
        JsonBodies body = JsonBodies.of(json);
        Map<String, Object> settings = body.object("settings");
        if (settings.isEmpty()) {
            body.problem("'settings' must hold every setting of the baseline");
        }
        body.orRefuse();
        return view(baselines.change(admin, parse(classification), settings));
    }

    private static Classification parse(String classification) {
        return Classification.parse(classification)
                .orElseThrow(() -> new Refusal(Rule.NOT_FOUND, "no such classification"));
    }

    private static Map<String, Object> view(Baseline b) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("classification", b.classification().name());
        view.put("version", b.version());
        view.put("settings", b.settings().toWire());
        view.put("changedAt", b.changedAt().toString());
        view.put("changedBy", b.changedBy());
        return view;
    }
}
