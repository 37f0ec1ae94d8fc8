package org.conclave.recording.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.recording.control.RecordingRequests;
import org.conclave.recording.control.RecordingStatus;
import org.conclave.recording.entity.Recording;

/**
 * {@code POST /api/meetings/{id}/recordings}: the host asks to record under a plan; 201 once everyone present has
 * consented to that notice, 409 naming who has not.
 */
@Path("meetings/{id}/recordings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeetingRecordingsResource {

    @Inject
    Access access;

    @Inject
    RecordingRequests requests;

    @Inject
    RecordingStatus status;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@PathParam("id") String id, JsonValue json, @Context UriInfo uri) {
        Caller host = access.requireWithSecondFactor("recording.request", "meeting", id, Role.HOST);
        Recording recording = requests.request(host, id, RecordingPlans.read(json));
        return Response.created(uri.getBaseUriBuilder()
                        .path("recordings")
                        .path(recording.id())
                        .build())
                .entity(status.recording(recording, false))
                .build();
    }
}
