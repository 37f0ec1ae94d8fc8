package org.conclave.recording.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.recording.control.LegalHolds;
import org.conclave.recording.control.RecordingFiles;
import org.conclave.recording.control.RecordingStatus;
import org.conclave.recording.entity.Recording;
import org.conclave.recording.entity.RecordingFile;

/**
 * {@code /api/recordings/{rid}}: one recording for its meeting's hosts, its access list and auditors (404 for anyone
 * else), its file streamed, and legal holds on it.
 */
@Path("recordings/{rid}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecordingsResource {

    @Inject
    Access access;

    @Inject
    RecordingFiles files;

    @Inject
    RecordingStatus status;

    @Inject
    LegalHolds holds;

    @GET
    public Map<String, Object> get(@PathParam("rid") String rid) {
        Caller caller = access.require("recording.read", Role.PARTICIPANT, Role.HOST, Role.AUDITOR, Role.ADMIN);
        Recording recording = files.readable(caller, rid, "recording.read");
        return status.recording(recording, !holds.keeping(recording).isEmpty());
    }

    @GET
    @Path("file")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response download(@PathParam("rid") String rid) {
        Caller caller = access.require("recording.download", Role.PARTICIPANT, Role.HOST, Role.AUDITOR, Role.ADMIN);
        RecordingFile file = files.download(caller, rid);
        StreamingOutput body = out -> Files.copy(file.path(), out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + file.downloadName() + "\"")
                .header("Content-Length", file.sizeBytes())
                .header("Digest", "sha-256=" + file.sha256())
                .header("Cache-Control", "no-store")
                .build();
    }

    @PUT
    @Path("legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> hold(@PathParam("rid") String rid, JsonValue json) {
        Caller caller =
                access.requireWithSecondFactor("recording.legal-hold", "recording", rid, Role.AUDITOR, Role.ADMIN);
        LegalHoldRequest request = LegalHoldRequest.read(json);
        return LegalHoldRequest.view(holds.holdRecording(caller, rid, request.reason(), request.caseReference()));
    }

    @DELETE
    @Path("legal-hold")
    public List<Map<String, Object>> lift(@PathParam("rid") String rid) {
        Caller caller =
                access.requireWithSecondFactor("recording.legal-hold-lift", "recording", rid, Role.AUDITOR, Role.ADMIN);
        return holds.liftOnRecording(caller, rid).stream()
                .map(LegalHoldRequest::view)
                .toList();
    }
}
