package org.conclave.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.audit.control.AuditExport;
import org.conclave.audit.control.AuditLog;
import org.conclave.audit.control.AuditSealer;
import org.conclave.audit.control.AuditVerification;
import org.conclave.audit.control.Checkpoints;
import org.conclave.audit.control.PersonalDataErasure;
import org.conclave.audit.control.SigningKeys;
import org.conclave.audit.entity.EventFilter;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/** The audit log for auditors: list, verify, export; the public keys for everyone; erasure for admins. */
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    Access access;

    @Inject
    AuditLog log;

    @Inject
    AuditVerification verification;

    @Inject
    AuditExport export;

    @Inject
    AuditSealer sealer;

    @Inject
    Checkpoints checkpoints;

    @Inject
    SigningKeys keys;

    @Inject
    PersonalDataErasure erasure;

    @Inject
    VisibleAuditTargets visibleTargets;

    /** Public: anyone may check a checkpoint signature. */
    @GET
    @Path("keys")
    public List<Map<String, Object>> keys() {
        return keys.publicKeys().entrySet().stream()
                .map(k -> Map.<String, Object>of(
                        "keyId", k.getKey(), "algorithm", "Ed25519", "publicKey", SigningKeys.pem(k.getValue())))
                .toList();
    }

    @GET
    @Path("verification")
    public Map<String, Object> verify() {
        access.require("audit.verify", Role.AUDITOR);
        return verification.verify().toWire();
    }

    @POST
    @Path("checkpoints")
    public Response checkpoint() {
        access.require("audit.checkpoint", Role.AUDITOR, Role.ADMIN);
        sealer.sealNow();
        return checkpoints
                .checkpointIfDue(true)
                .map(c -> Response.status(Response.Status.CREATED)
                        .entity(c.toWire())
                        .build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("export")
    @Produces({"application/x-ndjson", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        access.require("audit.export", Role.AUDITOR);
        Instant start = instant("from", from).orElse(Instant.EPOCH);
        Instant end = instant("to", to).orElse(Instant.now().plusSeconds(1));
        export.recordExport(start, end);
        StreamingOutput body = out -> export.write(start, end, out);
        return Response.ok(body, "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"conclave-audit.jsonl\"")
                .build();
    }

    @GET
    @Path("events")
    public Map<String, Object> events(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("outcome") String outcome,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("before") Long before,
            @QueryParam("limit") Integer limit) {
        Caller caller = access.require("audit.read", Role.AUDITOR, Role.HOST);
        Optional<List<String>> visible =
                caller.has(Role.AUDITOR) ? Optional.empty() : Optional.of(visibleTargets.hostedBy(caller));
        EventFilter filter = new EventFilter(
                text(actor),
                text(action),
                text(targetType),
                text(targetId),
                text(outcome),
                instant("from", from),
                instant("to", to),
                Optional.ofNullable(before),
                limit == null ? 50 : limit);
        List<Map<String, Object>> events = log.events(filter, visible);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("events", events);
        page.put(
                "next",
                events.size() == filter.limit() ? events.get(events.size() - 1).get("id") : null);
        return page;
    }

    @POST
    @Path("erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> erase(JsonValue request) {
        access.requireWithSecondFactor("audit.personal-data-erase", Role.ADMIN);
        JsonBodies body = JsonBodies.of(request);
        String subject = body.text("subject", true);
        if (subject != null && (subject.isBlank() || subject.length() > 100)) {
            body.problem("'subject' must be the Keycloak subject of the person to erase");
        }
        body.orRefuse();
        return Map.of("subject", subject, "eventsErased", erasure.erase(subject));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value)
                .filter(v -> !v.isBlank())
                .map(v -> v.length() > 200 ? v.substring(0, 200) : v);
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new Refusal(
                    Rule.INVALID_INPUT, "'" + name + "' must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
