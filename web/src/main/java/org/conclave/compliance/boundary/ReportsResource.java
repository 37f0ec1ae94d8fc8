package org.conclave.compliance.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.compliance.control.ComplianceReports;
import org.conclave.compliance.entity.IssuedReport;
import org.conclave.compliance.entity.ReportFile;
import org.conclave.compliance.entity.ReportFormat;
import org.conclave.compliance.entity.ReportJob;
import org.conclave.compliance.entity.ReportKind;
import org.conclave.compliance.entity.ReportOrder;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * {@code /api/reports}: ask for a compliance pack, a sharing report or a meeting dossier (202 with a status to poll),
 * follow its progress, download it when done, and check whether Conclave issued a given file.
 */
@Path("reports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    Access access;

    @Inject
    ComplianceReports reports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(JsonValue json, @Context UriInfo uri) {
        Caller caller = access.requireWithSecondFactor("report.request", Role.AUDITOR, Role.ADMIN, Role.HOST);
        ReportJob job = reports.request(caller, order(json));
        return Response.accepted(view(job, uri))
                .location(uri.getBaseUriBuilder().path("reports").path(job.id()).build())
                .build();
    }

    @GET
    public List<Map<String, Object>> list(@Context UriInfo uri) {
        Caller caller = access.require("report.list", Role.AUDITOR, Role.ADMIN, Role.HOST);
        return reports.list(caller).stream().map(job -> view(job, uri)).toList();
    }

    @GET
    @Path("verification")
    public Map<String, Object> verify(@QueryParam("sha256") String sha256) {
        access.require("report.verify", Role.AUDITOR, Role.ADMIN, Role.HOST, Role.PARTICIPANT);
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new Refusal(Rule.INVALID_INPUT, "'sha256' must be 64 hex digits");
        }
        Optional<IssuedReport> issued = reports.verify(sha256.toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sha256", sha256.toLowerCase(java.util.Locale.ROOT));
        view.put("issued", issued.isPresent());
        issued.ifPresent(r -> {
            view.put("reportId", r.reportId());
            view.put("kind", r.kind().wireName());
            view.put("format", r.format().wireName());
            view.put("issuedAt", r.issuedAt().toString());
            view.put("issuedTo", r.issuedTo());
            view.put("from", r.from().toString());
            view.put("to", r.to().toString());
            r.meetingId().ifPresent(m -> view.put("meetingId", m));
        });
        return view;
    }

    @GET
    @Path("{id}/status")
    public Map<String, Object> status(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = access.require("report.read", Role.AUDITOR, Role.ADMIN, Role.HOST);
        return view(reports.status(caller, id), uri);
    }

    /** The file once the report is done; until then its status (progress). */
    @GET
    @Path("{id}")
    @Produces({"application/pdf", "text/csv", MediaType.APPLICATION_JSON})
    public Response get(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = access.require("report.read", Role.AUDITOR, Role.ADMIN, Role.HOST);
        ReportJob job = reports.status(caller, id);
        if (!job.isDone()) {
            return Response.ok(view(job, uri), MediaType.APPLICATION_JSON).build();
        }
        ReportFile file = reports.file(caller, id);
        StreamingOutput body = out -> Files.copy(file.path(), out);
        return Response.ok(body, file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("Digest", "sha-256=" + job.sha256().orElse(""))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Map<String, Object> view(ReportJob job, UriInfo uri) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("kind", job.kind().wireName());
        view.put("format", job.format().wireName());
        view.put("from", job.from().toString());
        view.put("to", job.to().toString());
        job.meetingId().ifPresent(m -> view.put("meetingId", m));
        view.put("state", job.state());
        view.put("progress", job.progress());
        view.put("requestedAt", job.requestedAt().toString());
        job.finishedAt().ifPresent(t -> view.put("finishedAt", t.toString()));
        job.sha256().ifPresent(s -> view.put("sha256", s));
        job.sizeBytes().ifPresent(s -> view.put("sizeBytes", s));
        job.catalogVersion().ifPresent(v -> view.put("catalogVersion", v));
        view.put(
                "href",
                uri.getBaseUriBuilder().path("reports").path(job.id()).build().toString());
        return view;
    }

    static ReportOrder order(JsonValue json) {
        JsonBodies body = JsonBodies.of(json);
        String kindText = body.text("kind", true);
        Optional<ReportKind> kind = Optional.ofNullable(kindText).flatMap(ReportKind::parse);
        if (kindText != null && kind.isEmpty()) {
            body.problem("'kind' must be compliance-pack, sharing-report or meeting-dossier");
        }
        String formatText = Optional.ofNullable(body.text("format", false)).orElse("pdf");
        Optional<ReportFormat> format = ReportFormat.parse(formatText);
        if (format.isEmpty()) {
            body.problem("'format' must be pdf or csv");
        }
        LocalDate from = date(body, "from");
        LocalDate to = date(body, "to");
        String meetingId = body.text("meetingId", false);
        if (kind.filter(k -> k == ReportKind.MEETING_DOSSIER).isPresent() && meetingId == null) {
            body.problem("'meetingId' is required for a meeting dossier");
        }
        body.orRefuse();
        return new ReportOrder(kind.orElseThrow(), format.orElseThrow(), from, to, Optional.ofNullable(meetingId));
    }

    private static LocalDate date(JsonBodies body, String name) {
        String text = body.text(name, true);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            body.problem("'" + name + "' must be a date such as 2026-01-31");
            return null;
        }
    }
}
