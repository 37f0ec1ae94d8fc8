package org.conclave.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.AuditRows;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scheduling under the classification's baseline, on the real stack with real tokens; every case audited. */
@ExtendWith(RunningPortal.class)
class MeetingSchedulingIT {

    static Portal portal;
    static Api api;
    static Tokens tokens;
    static AuditRows audit;

    @BeforeAll
    static void connect(Portal running) {
        portal = running;
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
        audit = new AuditRows(running);
    }

    static String meeting(String classification, String label, String invitees, String settings) {
        String start =
                LocalDateTime.now().plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
        return """
                {"title": "Incident review", "description": "Quarterly <b>review</b>",
                 "classification": "%s", "sharingLabel": "%s", "start": "%s", "timeZone": "Europe/Madrid",
                 "durationMinutes": 60, "invitees": [%s], "settings": {%s}}"""
                .formatted(classification, label, start, invitees, settings);
    }

    static JsonObject schedule(String body) {
        HttpResponse<String> response = api.postJson("/api/meetings", tokens.withOtp(DemoUser.ALICE), body);
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response);
    }

    @Test
    void aliceSchedulesAConfidentialMeetingAndSeesThePasscodeOnceStoredAsAPbkdf2Hash() {
        HttpResponse<String> response = api.postJson(
                "/api/meetings", tokens.withOtp(DemoUser.ALICE), meeting("CONFIDENTIAL", "AMBER", "\"bob\"", ""));
        assertEquals(201, response.statusCode(), response.body());
        JsonObject created = Api.json(response);
        String id = created.getString("id");
        String passcode = created.getString("passcode");
        assertTrue(passcode.length() >= created.getJsonObject("policy").getInt("passcode-min-length"));
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/api/meetings/" + id));
        assertEquals(22, id.length());

        HttpResponse<String> again = api.get("/api/meetings/" + id, tokens.withOtp(DemoUser.ALICE));
        assertEquals(200, again.statusCode());
        assertFalse(again.body().contains(passcode));
        assertFalse(again.body().contains("passcode\":\""));

        String stored = audit.scalar("SELECT passcode_hash FROM meeting WHERE id = ?", id);
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:210000:"), stored);
        assertFalse(stored.contains(passcode));
        assertEquals(1, audit.count("meeting.schedule", "allowed", id));
    }

    @Test
    void droppingThePasscodeOrAllowingJoinBeforeHostIsRefusedWithEveryRuleAndControl() {
        String alice = tokens.withOtp(DemoUser.ALICE);
        long before = audit.refusals(
                "meeting.schedule",
                "policy-weakens-baseline",
                Tokens.claims(alice).getString("sub"));
        HttpResponse<String> refused = api.postJson(
                "/api/meetings",
                alice,
                meeting("CONFIDENTIAL", "AMBER", "", "\"passcode-required\": false, \"join-before-host\": true"));

        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = Api.json(refused);
        assertEquals("policy-weakens-baseline", problem.getString("rule"));
        var violations = problem.getJsonArray("violations").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("passcode-required", "join-before-host"),
                violations.stream().map(v -> v.getString("setting")).toList());
        JsonObject passcode = violations.get(0);
        assertTrue(passcode.getBoolean("required"));
        assertFalse(passcode.getBoolean("requested"));
        assertFalse(passcode.getString("rule").isBlank());
        assertTrue(
                passcode.getJsonArray("controls").toString().contains("ISO/IEC 27002:2022 8.5"), passcode.toString());
        assertEquals(
                before + 1,
                audit.refusals(
                        "meeting.schedule",
                        "policy-weakens-baseline",
                        Tokens.claims(alice).getString("sub")));
    }

    @Test
    void erinFromThePartnerOrganisationCannotBeInvitedToAmberStrictOrRed() {
        for (String label : List.of("AMBER+STRICT", "RED")) {
            HttpResponse<String> refused = api.postJson(
                    "/api/meetings", tokens.withOtp(DemoUser.ALICE), meeting("CONFIDENTIAL", label, "\"erin\"", ""));
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("other-organisations-not-allowed", Api.json(refused).getString("rule"));
            assertTrue(Api.json(refused).getJsonArray("invitees").toString().contains("erin"));
        }
        JsonObject amber = schedule(meeting("CONFIDENTIAL", "AMBER", "\"erin\"", ""));
        assertTrue(amber.getJsonArray("invitees").toString().contains("erin"));
        assertTrue(audit.refusals(
                        "meeting.schedule",
                        "other-organisations-not-allowed",
                        Tokens.claims(tokens.withOtp(DemoUser.ALICE)).getString("sub"))
                >= 2);
    }

    @Test
    void bobRegistersAliceApprovesCarolSeesNothingDoraReadsIt() {
        JsonObject created = schedule(meeting("CONFIDENTIAL", "GREEN", "\"bob\"", "\"max-participants\": 10"));
        String id = created.getString("id");

        HttpResponse<String> registered =
                api.postJson("/api/meetings/" + id + "/registrations", tokens.withOtp(DemoUser.BOB), "");
        assertEquals(201, registered.statusCode(), registered.body());
        String rid = Api.json(registered).getString("id");
        assertEquals("pending", Api.json(registered).getString("state"));

        HttpResponse<String> bobDecides = api.postJson(
                "/api/meetings/" + id + "/registrations/" + rid + "/decision",
                tokens.withOtp(DemoUser.BOB),
                "{\"decision\":\"approve\"}");
        assertEquals(403, bobDecides.statusCode(), bobDecides.body());

        HttpResponse<String> approved = api.postJson(
                "/api/meetings/" + id + "/registrations/" + rid + "/decision",
                tokens.withOtp(DemoUser.ALICE),
                "{\"decision\":\"approve\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("approved", Api.json(approved).getString("state"));

        HttpResponse<String> carol = api.get("/api/meetings/" + id, tokens.withOtp(DemoUser.CAROL));
        assertEquals(404, carol.statusCode());
        assertEquals(
                404,
                api.postJson("/api/meetings/" + id + "/registrations", tokens.withOtp(DemoUser.CAROL), "")
                        .statusCode());
        assertEquals(
                200,
                api.get("/api/meetings/" + id, tokens.withOtp(DemoUser.DORA)).statusCode());
        assertEquals(
                404,
                api.get("/api/meetings/AAAAAAAAAAAAAAAAAAAAAA", tokens.withOtp(DemoUser.ALICE))
                        .statusCode());

        assertEquals(1, audit.count("registration.create", "allowed", id));
        assertEquals(1, audit.count("registration.decide", "allowed", id));
        assertEquals(1, audit.count("registration.decide", "refused", id));
    }

    @Test
    void theInvitationParsesWithIcal4jAndHoldsNoPasscode() throws Exception {
        JsonObject created = schedule(meeting("SECRET", "RED", "\"bob\"", ""));
        String passcode = created.getString("passcode");
        HttpResponse<String> ics = api.get(
                "/api/meetings/" + created.getString("id") + "/invite.ics",
                tokens.withOtp(DemoUser.BOB),
                "text/calendar");
        assertEquals(200, ics.statusCode(), ics.body());
        assertTrue(ics.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        assertEquals(1, calendar.getComponents("VEVENT").size());
        assertTrue(ics.body().contains("Incident review"));
        assertFalse(ics.body().contains(passcode));
    }

    @Test
    void aTightenedBaselineShowsTheMeetingInDriftUntilItIsRealigned() {
        String adam = tokens.withOtp(DemoUser.ADAM);
        JsonObject baseline = Api.json(api.get("/api/policies/INTERNAL", adam));
        JsonObject meeting = schedule(meeting("INTERNAL", "GREEN", "", ""));
        int length = baseline.getJsonObject("settings").getInt("passcode-min-length");
        String tightened = baseline.getJsonObject("settings")
                .toString()
                .replace("\"passcode-min-length\":" + length, "\"passcode-min-length\":" + (length + 4));
        try {
            HttpResponse<String> changed = api.send(
                    "PUT", "/api/policies/INTERNAL", adam, "application/json", "{\"settings\":" + tightened + "}");
            assertEquals(200, changed.statusCode(), changed.body());
            assertEquals(baseline.getInt("version") + 1, Api.json(changed).getInt("version"));

            HttpResponse<String> drift = api.get("/api/policies/drift", adam);
            assertTrue(drift.body().contains(meeting.getString("id")), drift.body());
            assertTrue(drift.body().contains("passcode-min-length"));

            HttpResponse<String> realigned = api.postJson(
                    "/api/meetings/" + meeting.getString("id") + "/realignment", tokens.withOtp(DemoUser.ALICE), "");
            assertEquals(200, realigned.statusCode(), realigned.body());
            assertFalse(api.get("/api/policies/drift", adam).body().contains(meeting.getString("id")));
            assertEquals(1, audit.count("policy.drift-realign", "allowed", meeting.getString("id")));
            assertTrue(audit.count("policy.baseline-change", "allowed", "INTERNAL") >= 1);
        } finally {
            api.send(
                    "PUT",
                    "/api/policies/INTERNAL",
                    adam,
                    "application/json",
                    "{\"settings\":" + baseline.getJsonObject("settings") + "}");
        }
        assertEquals(
                403,
                api.send(
                                "PUT",
                                "/api/policies/INTERNAL",
                                tokens.withOtp(DemoUser.ALICE),
                                "application/json",
                                "{\"settings\":" + baseline.getJsonObject("settings") + "}")
                        .statusCode());
    }

    @Test
    void anExceptionApprovedByAdamWorksUntilItExpiresAndAliceCannotApproveHerOwn() throws Exception {
        String alice = tokens.withOtp(DemoUser.ALICE);
        JsonObject meeting = schedule(meeting("CONFIDENTIAL", "GREEN", "", ""));
        String id = meeting.getString("id");
        String weaken = "{\"settings\": {\"screen-sharing\": \"all\"}}";
        assertEquals(
                422,
                api.send("PATCH", "/api/meetings/" + id, alice, "application/json", weaken)
                        .statusCode());

        HttpResponse<String> requested = api.postJson(
                "/api/meetings/" + id + "/exceptions",
                alice,
                """
                {"setting": "screen-sharing", "value": "all", "justification": "External trainer must present slides",
                 "expiresAt": "%s"}"""
                        .formatted(Instant.now().plusSeconds(12)));
        assertEquals(201, requested.statusCode(), requested.body());
        String eid = Api.json(requested).getString("id");

        HttpResponse<String> self =
                api.postJson("/api/policies/exceptions/" + eid + "/decision", alice, "{\"decision\":\"approve\"}");
        assertEquals(403, self.statusCode(), self.body());
        HttpResponse<String> approved = api.postJson(
                "/api/policies/exceptions/" + eid + "/decision",
                tokens.withOtp(DemoUser.ADAM),
                "{\"decision\":\"approve\"}");
        assertEquals(200, approved.statusCode(), approved.body());

        HttpResponse<String> weakened = api.send("PATCH", "/api/meetings/" + id, alice, "application/json", weaken);
        assertEquals(200, weakened.statusCode(), weakened.body());
        assertEquals("all", Api.json(weakened).getJsonObject("policy").getString("screen-sharing"));

        Instant deadline = Instant.now().plusSeconds(40);
        while (audit.count("policy.exception-expire", "allowed", id) == 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        assertEquals(1, audit.count("policy.exception-expire", "allowed", id));
        assertEquals(
                422,
                api.send("PATCH", "/api/meetings/" + id, alice, "application/json", weaken)
                        .statusCode());
        assertTrue(api.get("/api/policies/drift", tokens.withOtp(DemoUser.ADAM))
                .body()
                .contains(id));
        assertEquals(1, audit.count("policy.exception-request", "allowed", id));
        assertEquals(1, audit.count("policy.exception-decide", "allowed", id));
    }

    @Test
    void concurrentChangesThatRollBackLeaveNoAuditEvent() throws Exception {
        String alice = tokens.withOtp(DemoUser.ALICE);
        String id = schedule(meeting("INTERNAL", "GREEN", "", "")).getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            calls.add(pool.submit(() -> api.send(
                            "PATCH",
                            "/api/meetings/" + id,
                            alice,
                            "application/json",
                            "{\"title\": \"Renamed " + n + "\"}")
                    .statusCode()));
        }
        int changed = 0;
        for (Future<Integer> call : calls) {
            int status = call.get();
            assertTrue(status == 200 || status == 409, "status " + status);
            changed += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(changed >= 1);
        assertEquals(changed, audit.count("meeting.change", "allowed", id));
        assertEquals(String.valueOf(1 + changed), audit.scalar("SELECT version FROM meeting WHERE id = ?", id));
    }

    @Test
    void theHostRotatesThePasscodeAndCancelsTheMeetingWhichIsKeptForTheAudit() {
        String alice = tokens.withOtp(DemoUser.ALICE);
        JsonObject created = schedule(meeting("CONFIDENTIAL", "GREEN", "\"bob\"", ""));
        String id = created.getString("id");
        String before = audit.scalar("SELECT passcode_hash FROM meeting WHERE id = ?", id);

        assertEquals(
                403,
                api.postJson("/api/meetings/" + id + "/passcode", tokens.withOtp(DemoUser.BOB), "")
                        .statusCode());
        HttpResponse<String> rotated = api.postJson("/api/meetings/" + id + "/passcode", alice, "");
        assertEquals(200, rotated.statusCode(), rotated.body());
        assertFalse(Api.json(rotated).getString("passcode").equals(created.getString("passcode")));
        assertFalse(before.equals(audit.scalar("SELECT passcode_hash FROM meeting WHERE id = ?", id)));

        HttpResponse<String> cancelled = api.send("DELETE", "/api/meetings/" + id, alice, null, null);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals(
                "cancelled", Api.json(api.get("/api/meetings/" + id, alice)).getString("state"));
        assertEquals(
                409,
                api.send("DELETE", "/api/meetings/" + id, alice, null, null).statusCode());
        assertEquals(
                409,
                api.postJson("/api/meetings/" + id + "/registrations", tokens.withOtp(DemoUser.BOB), "")
                        .statusCode());
        assertEquals(1, audit.count("meeting.passcode-rotate", "allowed", id));
        assertEquals(1, audit.count("meeting.passcode-rotate", "refused", id));
        assertEquals(1, audit.count("meeting.cancel", "allowed", id));
        assertEquals(1, audit.count("meeting.cancel", "refused", id));
    }

    @Test
    void malformedInputIsA400ListingEveryProblem() {
        HttpResponse<String> bad = api.postJson(
                "/api/meetings",
                tokens.withOtp(DemoUser.ALICE),
                "{\"title\": \"\", \"classification\": \"TOP\", \"sharingLabel\": \"PINK\", \"start\": \"yesterday\","
                        + " \"timeZone\": \"Mars/Olympus\", \"durationMinutes\": \"long\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(Api.json(bad).getJsonArray("problems").size() >= 5, bad.body());
        assertEquals(
                400,
                api.postJson("/api/meetings", tokens.withOtp(DemoUser.ALICE), "{\"title\": ")
                        .statusCode());
        HttpResponse<String> participant =
                api.postJson("/api/meetings", tokens.withOtp(DemoUser.BOB), meeting("PUBLIC", "CLEAR", "", ""));
        assertEquals(403, participant.statusCode());
        assertNotNull(Api.json(participant).getString("type"));
    }
}
