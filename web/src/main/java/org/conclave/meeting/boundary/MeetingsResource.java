package org.conclave.meeting.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.MeetingInvitations;
import org.conclave.meeting.control.MeetingScheduler;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.control.Registrations;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.ScheduledMeetings;
import org.conclave.platform.boundary.JsonBodies;
import org.conclave.policy.control.PolicyExceptions;
import org.conclave.policy.entity.ExceptionRequest;

/** {@code /api/meetings}: scheduling, changes, cancellation, passcodes, invitations, registrations, exceptions. */
@Path("meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeetingsResource {

    static final String PASSCODE_BY_MAIL = "Shown once. Conclave mails it to the participants approved so far in a"
            + " message of its own, never with the invitation or the link; people approved later receive it when you"
            + " rotate it.";
    static final String PASSCODE_BY_HOST = "Shown once. The policy of this meeting forbids sending it by mail: give it"
            + " to approved participants yourself through another channel than the invitation (phone, secure"
            + " messenger).";

    static Map<String, Object> passcodeView(String passcode, Meeting meeting) {
        boolean mail = meeting.policy().passcodeByMailAllowed();
        return Map.of(
                "passcode",
                passcode,
                "passcodeDelivery",
                mail ? "mail" : "host",
                "passcodeNotice",
                mail ? PASSCODE_BY_MAIL : PASSCODE_BY_HOST);
    }

    @Inject
    Access access;

    @Inject
    Meetings meetings;

    @Inject
    MeetingScheduler scheduler;

    @Inject
    Registrations registrations;

    @Inject
    PolicyExceptions exceptions;

    @Inject
    MeetingInvitations invitations;

    @Inject
    org.conclave.admission.control.MeetingControls controls;

    @Inject
    org.conclave.admission.control.Attendance attendance;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(JsonValue body, @Context UriInfo uri) {
        Caller host = access.requireWithSecondFactor("meeting.schedule", Role.HOST);
        ScheduledMeetings scheduled = scheduler.schedule(host, MeetingRequests.draft(body));
        Map<String, Object> view = new LinkedHashMap<>(MeetingViews.meeting(scheduled.first(), host));
        view.put("occurrences", scheduled.meetings().stream().map(Meeting::id).toList());
        scheduled.passcode().ifPresent(p -> view.putAll(passcodeView(p, scheduled.first())));
        return Response.created(uri.getBaseUriBuilder()
                        .path("meetings")
                        .path(scheduled.first().id())
                        .build())
                .entity(view)
                .build();
    }

    @GET
    public List<Map<String, Object>> list() {
        Caller caller = access.require("meeting.list", Role.HOST, Role.PARTICIPANT, Role.AUDITOR);
        return MeetingViews.meetings(meetings.listFor(caller), caller);
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        Caller caller = access.require("meeting.read", Role.HOST, Role.PARTICIPANT, Role.AUDITOR, Role.ADMIN);
        return MeetingViews.meeting(meetings.visible(caller, id), caller);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> change(@PathParam("id") String id, JsonValue json) {
        Caller caller = access.requireWithSecondFactor("meeting.change", "meeting", id, Role.HOST);
        JsonBodies body = JsonBodies.of(json);
        Map<String, Object> settings = body.object("settings");
        Optional<String> title = Optional.ofNullable(body.text("title", false));
        Optional<String> description = Optional.ofNullable(body.text("description", false));
        body.orRefuse();
        return MeetingViews.meeting(scheduler.change(caller, id, settings, title, description), caller);
    }

    @DELETE
    @Path("{id}")
    public Map<String, Object> cancel(@PathParam("id") String id) {
        Caller caller = access.requireWithSecondFactor("meeting.cancel", "meeting", id, Role.HOST);
        return MeetingViews.meeting(scheduler.cancel(caller, id), caller);
    }

    @POST
    @Path("{id}/passcode")
    public Map<String, Object> rotatePasscode(@PathParam("id") String id) {
        Caller caller = access.requireWithSecondFactor("meeting.passcode-rotate", "meeting", id, Role.HOST);
        String passcode = scheduler.rotatePasscode(caller, id);
        return passcodeView(passcode, meetings.visible(caller, id));
    }

    @POST
    @Path("{id}/realignment")
    public Map<String, Object> realign(@PathParam("id") String id) {
        Caller caller = access.requireWithSecondFactor("policy.drift-realign", "meeting", id, Role.HOST, Role.ADMIN);
        return MeetingViews.meeting(scheduler.realign(caller, id), caller);
    }

    @GET
    @Path("{id}/invite.ics")
    @Produces("text/calendar")
    public Response invite(@PathParam("id") String id) {
        Caller caller = access.require("meeting.read", Role.HOST, Role.PARTICIPANT, Role.AUDITOR);
        Meeting meeting = meetings.visible(caller, id);
        return Response.ok(invitations.calendar(meeting), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"conclave-" + meeting.id() + ".ics\"")
                .build();
    }

    @POST
    @Path("{id}/registrations")
    public Response register(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = access.require("registration.create", Role.PARTICIPANT, Role.HOST);
        var registration = registrations.register(caller, id);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(registration.id()).build())
                .entity(MeetingViews.registration(registration))
                .build();
    }

    @GET
    @Path("{id}/registrations")
    public List<Map<String, Object>> registrations(@PathParam("id") String id) {
        Caller caller = access.require("registration.list", Role.HOST);
        return registrations.of(caller, id).stream()
                .map(MeetingViews::registration)
                .toList();
    }

    @POST
    @Path("{id}/registrations/{rid}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> decide(@PathParam("id") String id, @PathParam("rid") String rid, JsonValue json) {
        Caller caller = access.requireWithSecondFactor("registration.decide", "meeting", id, Role.HOST);
        boolean approve = decision(json);
        return MeetingViews.registration(registrations.decide(caller, id, rid, approve));
    }

    @POST
    @Path("{id}/exceptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestException(@PathParam("id") String id, JsonValue json) {
        Caller caller = access.requireWithSecondFactor("policy.exception-request", "meeting", id, Role.HOST);
        Meeting meeting = meetings.managed(caller, id, "policy.exception-request");
        JsonBodies body = JsonBodies.of(json);
        String setting = body.text("setting", true);
        Object value = body.raw("value")
                .map(org.conclave.platform.control.JsonText::java)
                .orElse(null);
        String justification = body.text("justification", true);
        String expires = body.text("expiresAt", true);
        Instant expiresAt = null;
        if (expires != null) {
            try {
                expiresAt = Instant.parse(expires);
            } catch (DateTimeParseException e) {
                body.problem("'expiresAt' must be an ISO-8601 instant");
            }
        }
        body.orRefuse();
        ExceptionRequest request = exceptions.request(caller, meeting, setting, value, justification, expiresAt);
        return Response.status(Response.Status.CREATED)
                .entity(PolicyExceptionViews.of(request))
                .build();
    }

    @POST
    @Path("{id}/lock")
    public Map<String, Object> lock(@PathParam("id") String id) {
        Caller caller = access.requireWithSecondFactor("meeting.lock", "meeting", id, Role.HOST);
        return MeetingViews.meeting(controls.lock(caller, id, true), caller);
    }

    @POST
    @Path("{id}/unlock")
    public Map<String, Object> unlock(@PathParam("id") String id) {
        Caller caller = access.requireWithSecondFactor("meeting.unlock", "meeting", id, Role.HOST);
        return MeetingViews.meeting(controls.lock(caller, id, false), caller);
    }

    @POST
    @Path("{id}/end")
    public Map<String, Object> end(@PathParam("id") String id) {
        Caller caller = access.requireWithSecondFactor("meeting.end", "meeting", id, Role.HOST);
        return MeetingViews.meeting(controls.end(caller, id), caller);
    }

    /** Removes a participant, banning them at the scope the policy chose. */
    @POST
    @Path("{id}/removals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response remove(@PathParam("id") String id, JsonValue json) {
        Caller caller = access.requireWithSecondFactor("meeting.remove", "meeting", id, Role.HOST);
        JsonBodies body = JsonBodies.of(json);
        String participant = body.text("participant", true);
        body.orRefuse();
        var ban = controls.remove(caller, id, participant);
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("banId", ban.id(), "scope", ban.scope(), "participant", participant))
                .build();
    }

    @jakarta.ws.rs.DELETE
    @Path("{id}/bans/{banId}")
    public Map<String, Object> liftBan(@PathParam("id") String id, @PathParam("banId") String banId) {
        Caller caller = access.requireWithSecondFactor("ban.lift", "meeting", id, Role.HOST, Role.ADMIN);
        var ban = controls.liftBan(caller, id, banId);
        return Map.of("banId", ban.id(), "inForce", ban.inForce());
    }

    @GET
    @Path("{id}/attendance")
    public Map<String, Object> attendance(@PathParam("id") String id) {
        Caller caller = access.require("attendance.read", Role.HOST, Role.AUDITOR);
        return attendance.of(caller, id);
    }

    static boolean decision(JsonValue json) {
        JsonBodies body = JsonBodies.of(json);
        String decision = body.text("decision", true);
        if (decision != null && !decision.equals("approve") && !decision.equals("deny") && !decision.equals("reject")) {
            body.problem("'decision' must be approve or deny");
        }
        body.orRefuse();
        return "approve".equals(decision);
    }
}
