package org.conclave.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.AuditRows;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail on the real stack with a real SMTP server (GreenMail): invitations with a parseable calendar file and never
 * the passcode, the passcode alone and only to approved participants where the policy allows it, cancellations, an
 * outage that loses nothing, and a rolled-back action that sends nothing.
 */
@ExtendWith(RunningPortal.class)
class NotificationIT {

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

    @Test
    void eachInviteeGetsAnInvitationWithACalendarAndThePasscodeSeparately() throws Exception {
        String title = "Budget review " + UUID.randomUUID();
        JsonMeeting meeting = schedule(title, "INTERNAL", "[\"bob\", \"carol\"]");
        assertEquals("mail", meeting.passcodeDelivery);

        List<MimeMessage> invitations = await(
                m -> subject(m).equals("Invitation: " + title) || subject(m).equals("Invitación: " + title), 2);
        assertEquals(List.of("bob@conclave.test", "carol@conclave.test"), recipients(invitations));
        for (MimeMessage invitation : invitations) {
            String raw = raw(invitation);
            assertFalse(raw.contains(meeting.passcode), "the invitation must never carry the passcode");
            Calendar calendar = new CalendarBuilder().build(new StringReader(calendarOf(invitation)));
            assertEquals("REQUEST", calendar.getProperty("METHOD").orElseThrow().getValue());
            VEvent event =
                    calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
            assertTrue(event.getProperty("SUMMARY").orElseThrow().getValue().contains(title));
            assertTrue(raw.contains("/app/meetings/" + meeting.id));
        }
        assertTrue(subject(invitations.get(1)).startsWith("Invitación: "), "carol reads Spanish");

        List<MimeMessage> passcodes = await(
                m -> subject(m).equals("Passcode: " + title) || subject(m).equals("Código de acceso: " + title), 2);
        for (MimeMessage message : passcodes) {
            String text = textOf(message);
            assertTrue(text.contains(meeting.passcode));
            assertFalse(text.contains("/app/meetings/"), "the passcode travels without the link");
            assertTrue(calendarOf(message).isEmpty());
        }
        assertTrue(audit.count("mail.delivered", "allowed", meeting.id) >= 4);
        assertEquals(0, outboxBodiesContaining(meeting.passcode), "passcode bodies are sealed and then wiped");
    }

    @Test
    void thePasscodeGoesOnlyToApprovedParticipantsAndOnlyWhereThePolicyAllowsMail() throws Exception {
        String title = "Vendor selection " + UUID.randomUUID();
        JsonMeeting confidential = schedule(title, "CONFIDENTIAL", "[\"bob\", \"carol\"]");
        String bobRegistration = register(confidential.id, DemoUser.BOB);
        register(confidential.id, DemoUser.CAROL);
        HttpResponse<String> approved = api.postJson(
                "/api/meetings/" + confidential.id + "/registrations/" + bobRegistration + "/decision",
                tokens.withOtp(DemoUser.ALICE),
                "{\"decision\": \"approve\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        await(m -> subject(m).contains(title) && subject(m).startsWith("Registration approved"), 1);
        HttpResponse<String> rotated =
                api.postJson("/api/meetings/" + confidential.id + "/passcode", tokens.withOtp(DemoUser.ALICE), "");
        assertEquals(200, rotated.statusCode(), rotated.body());
        String passcode = Api.json(rotated).getString("passcode");
        assertEquals("mail", Api.json(rotated).getString("passcodeDelivery"));

        List<MimeMessage> passcodes = await(m -> subject(m).startsWith("Passcode: " + title), 1);
        assertEquals(List.of("bob@conclave.test"), recipients(passcodes));
        assertTrue(textOf(passcodes.get(0)).contains(passcode));
        Thread.sleep(2_000);
        assertEquals(
                1,
                matching(m -> subject(m).contains(title) && textOf(m).contains(passcode))
                        .size());
        assertEquals(
                0,
                matching(m -> recipients(List.of(m)).contains("carol@conclave.test")
                                && subject(m).startsWith("Código de acceso: " + title))
                        .size());
        assertEquals(
                1,
                matching(m -> subject(m).startsWith("Inscripción recibida: " + title))
                        .size());

        String secretTitle = "Cabinet " + UUID.randomUUID();
        JsonMeeting secret = schedule(secretTitle, "SECRET", "[\"bob\"]");
        assertEquals("host", secret.passcodeDelivery);
        String registration = register(secret.id, DemoUser.BOB);
        api.postJson(
                "/api/meetings/" + secret.id + "/registrations/" + registration + "/decision",
                tokens.withOtp(DemoUser.ALICE),
                "{\"decision\": \"approve\"}");
        HttpResponse<String> secretRotation =
                api.postJson("/api/meetings/" + secret.id + "/passcode", tokens.withOtp(DemoUser.ALICE), "");
        assertEquals("host", Api.json(secretRotation).getString("passcodeDelivery"));
        assertTrue(Api.json(secretRotation).getString("passcodeNotice").contains("forbids"));
        List<MimeMessage> approval = await(m -> subject(m).startsWith("Registration approved: " + secretTitle), 1);
        assertTrue(textOf(approval.get(0)).contains("another channel"));
        Thread.sleep(2_000);
        String secretPasscode = Api.json(secretRotation).getString("passcode");
        assertEquals(0, matching(m -> raw(m).contains(secretPasscode)).size());
        assertEquals(
                0,
                matching(m -> subject(m).startsWith("Passcode: " + secretTitle)).size());
    }

    @Test
    void aCancellationSendsTheCancelMethod() throws Exception {
        String title = "Offsite " + UUID.randomUUID();
        JsonMeeting meeting = schedule(title, "PUBLIC", "[\"bob\"]");
        await(m -> subject(m).equals("Invitation: " + title), 1);
        HttpResponse<String> cancelled =
                api.send("DELETE", "/api/meetings/" + meeting.id, tokens.withOtp(DemoUser.ALICE), null, null);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        MimeMessage cancellation =
                await(m -> subject(m).equals("Cancelled: " + title), 1).get(0);
        Calendar calendar = new CalendarBuilder().build(new StringReader(calendarOf(cancellation)));
        assertEquals("CANCEL", calendar.getProperty("METHOD").orElseThrow().getValue());
        assertEquals(
                "CANCELLED",
                calendar.getComponent("VEVENT")
                        .orElseThrow()
                        .getProperty("STATUS")
                        .orElseThrow()
                        .getValue());
    }

    @Test
    void mailWaitsInTheOutboxWhileTheServerIsDownAndLeavesWhenItIsBack() throws Exception {
        String title = "Outage drill " + UUID.randomUUID();
        portal.mail().stopSmtp();
        JsonMeeting meeting;
        try {
            meeting = schedule(title, "PUBLIC", "[\"bob\", \"carol\"]");
            Thread.sleep(3_000);
            assertEquals(0, matching(m -> subject(m).contains(title)).size());
            assertTrue(failedAttempts(meeting.id) > 0, "the courier tried and will try again");
        } finally {
            portal.mail().startSmtp();
        }
        assertEquals(2, await(m -> subject(m).contains(title), 2).size());
        assertEquals(0, pending(meeting.id));
        assertTrue(audit.count("mail.delivered", "allowed", meeting.id) >= 2);
    }

    @Test
    void aRolledBackSchedulingSendsNothing() throws Exception {
        String title = "Rolled back " + UUID.randomUUID();
        try (Connection c = portal.superuser();
                Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF NEW.title LIKE 'Rolled back %' THEN RAISE EXCEPTION 'refused at commit'; END IF;"
                    + " RETURN NEW; END $$");
            s.execute("CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON meeting DEFERRABLE INITIALLY DEFERRED"
                    + " FOR EACH ROW EXECUTE FUNCTION fail_at_commit()");
        }
        try {
            HttpResponse<String> failed = api.postJson(
                    "/api/meetings", tokens.withOtp(DemoUser.ALICE), meetingJson(title, "INTERNAL", "[\"bob\"]"));
            assertTrue(failed.statusCode() >= 500, failed.body());
            assertFalse(failed.body().contains("refused at commit"), "no database detail leaks");
        } finally {
            try (Connection c = portal.superuser();
                    Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER fail_at_commit ON meeting");
                s.execute("DROP FUNCTION fail_at_commit()");
            }
        }
        Thread.sleep(3_000);
        assertEquals(0, matching(m -> subject(m).contains(title)).size());
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM mail_outbox WHERE subject LIKE ?")) {
            q.setString(1, "%" + title + "%");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    record JsonMeeting(String id, String passcode, String passcodeDelivery) {}

    static JsonMeeting schedule(String title, String classification, String invitees) {
        HttpResponse<String> created = api.postJson(
                "/api/meetings", tokens.withOtp(DemoUser.ALICE), meetingJson(title, classification, invitees));
        assertEquals(201, created.statusCode(), created.body());
        var json = Api.json(created);
        return new JsonMeeting(
                json.getString("id"), json.getString("passcode", ""), json.getString("passcodeDelivery", ""));
    }

    static String meetingJson(String title, String classification, String invitees) {
        String start = LocalDateTime.now(ZoneId.of("Europe/Madrid"))
                .plusDays(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        return """
                {"title": "%s", "classification": "%s", "sharingLabel": "GREEN", "start": "%s",
                 "timeZone": "Europe/Madrid", "durationMinutes": 45, "invitees": %s}"""
                .formatted(title, classification, start, invitees);
    }

    static String register(String meetingId, DemoUser who) {
        HttpResponse<String> registered =
                api.postJson("/api/meetings/" + meetingId + "/registrations", tokens.withOtp(who), "");
        assertEquals(201, registered.statusCode(), registered.body());
        return Api.json(registered).getString("id");
    }

    static List<MimeMessage> await(Predicate<MimeMessage> which, int count) throws InterruptedException {
        List<MimeMessage> found = List.of();
        for (int i = 0; i < 300 && found.size() < count; i++) {
            found = matching(which);
            if (found.size() < count) {
                Thread.sleep(100);
            }
        }
        assertEquals(count, found.size(), "messages received");
        return found.stream()
                .sorted(java.util.Comparator.comparing(
                        m -> recipients(List.of(m)).get(0)))
                .toList();
    }

    static List<MimeMessage> matching(Predicate<MimeMessage> which) {
        return portal.mail().received().stream().filter(which).toList();
    }

    static List<String> recipients(List<MimeMessage> messages) {
        List<String> all = new ArrayList<>();
        for (MimeMessage m : messages) {
            try {
                for (var address : m.getAllRecipients()) {
                    all.add(address.toString());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String raw(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8) + "\n" + textOf(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String textOf(MimeMessage message) {
        StringBuilder text = new StringBuilder();
        collect(message, text, "text/");
        return text.toString();
    }

    static String calendarOf(MimeMessage message) {
        StringBuilder text = new StringBuilder();
        collect(message, text, "text/calendar");
        return text.toString();
    }

    private static void collect(Part part, StringBuilder text, String type) {
        try {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, text, type);
                }
            } else if (part.isMimeType(type + "*")
                    || part.getContentType().toLowerCase().startsWith(type)) {
                Object content = part.getContent();
                text.append(
                        content instanceof String s
                                ? s
                                : new String(((java.io.InputStream) content).readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int failedAttempts(String meetingId) throws Exception {
        return scalar(
                "SELECT coalesce(sum(attempts), 0) FROM mail_outbox WHERE meeting_id = ? AND sent_at IS NULL",
                meetingId);
    }

    static int pending(String meetingId) throws Exception {
        return scalar("SELECT count(*) FROM mail_outbox WHERE meeting_id = ? AND sent_at IS NULL", meetingId);
    }

    static int outboxBodiesContaining(String text) throws Exception {
        return scalar("SELECT count(*) FROM mail_outbox WHERE strpos(text_body || html_body, ?) > 0", text);
    }

    private static int scalar(String sql, String parameter) throws Exception {
        try (Connection c = portal.superuser();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
