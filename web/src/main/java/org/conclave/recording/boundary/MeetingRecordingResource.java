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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.recording.control.Consents;
import org.conclave.recording.control.LegalHolds;
import org.conclave.recording.control.RecordingRequests;
import org.conclave.recording.control.RecordingStatus;
import org.conclave.recording.entity.ConsentAnswer;
import org.conclave.recording.entity.PublishedNotice;

/**
 * {@code /api/meetings/{id}/recording}: the meeting's recording page (notice, consent states, recordings), the
 * host publishing a notice ahead of time, participants answering it, and legal holds on the whole meeting.
 */
@Path("meetings/{id}/recording")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeetingRecordingResource {

    @Inject
    Access access;

    @Inject
    RecordingStatus status;

    @Inject
    RecordingRequests requests;

    @Inject
    Consents consents;

    @Inject
    LegalHolds holds;

    @GET
    public Map<String, Object> get(@PathParam("id") String id) {
        Caller caller = access.require("recording.read", Role.PARTICIPANT, Role.HOST, Role.AUDITOR);
        return status.of(caller, id);
    }

    @PUT
    @Path("notice")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> announce(@PathParam("id") String id, JsonValue json) {
        Caller host = access.requireWithSecondFactor("recording.notice-publish", "meeting", id, Role.HOST);
        PublishedNotice notice = requests.announce(host, id, RecordingPlans.read(json));
        return Map.of(
                "noticeHash", notice.hash(), "publishedAt", notice.publishedAt().toString());
    }

    @PUT
    @Path("consent")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> answer(@PathParam("id") String id, JsonValue json) {
        Caller caller = access.require("recording.consent", Role.PARTICIPANT, Role.HOST);
        JsonBodies body = JsonBodies.of(json);
        if (body.raw("consent")
                .map(v -> v != JsonValue.TRUE && v != JsonValue.FALSE)
                .orElse(true)) {
            body.problem("'consent' must be true or false");
        }
        boolean consent = body.flag("consent");
        String noticeHash = body.text("noticeHash", true);
        if (noticeHash != null && !noticeHash.matches("[0-9a-f]{64}")) {
            body.problem("'noticeHash' must be the notice's SHA-256 in 64 lower-case hex digits");
        }
        body.orRefuse();
        ConsentAnswer answer = consents.answer(caller, id, consent, noticeHash);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("meetingId", id);
        view.put("noticeHash", answer.noticeHash());
        view.put("consent", answer.consent());
        view.put("answeredAt", answer.answeredAt().toString());
        return view;
    }

    @PUT
    @Path("legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> hold(@PathParam("id") String id, JsonValue json) {
        Caller caller = access.requireWithSecondFactor("recording.legal-hold", "meeting", id, Role.AUDITOR, Role.ADMIN);
        LegalHoldRequest request = LegalHoldRequest.read(json);
        return LegalHoldRequest.view(holds.holdMeeting(caller, id, request.reason(), request.caseReference()));
    }

    @DELETE
    @Path("legal-hold")
    public List<Map<String, Object>> lift(@PathParam("id") String id) {
        Caller caller =
                access.requireWithSecondFactor("recording.legal-hold-lift", "meeting", id, Role.AUDITOR, Role.ADMIN);
        return holds.liftOnMeeting(caller, id).stream()
                .map(LegalHoldRequest::view)
                .toList();
    }
}
