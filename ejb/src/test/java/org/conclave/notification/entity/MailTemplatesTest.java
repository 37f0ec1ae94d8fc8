package org.conclave.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private static final MeetingFacts MEETING = new MeetingFacts(
            "m-1",
            "Board <script>alert(1)</script> & \"friends\"",
            "Alice Archer",
            ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneId.of("Europe/Madrid")),
            45,
            "CONFIDENTIAL",
            "AMBER",
            "https://conclave.example/app/meetings/m-1");
    private static final Recipient BOB = new Recipient("s-bob", "bob@conclave.test", "Bob Baker", Locale.ENGLISH);
    private static final Recipient CAROL =
            new Recipient("s-carol", "carol@conclave.test", "Carol Núñez", Locale.forLanguageTag("es"));

    @Test
    void theInvitationCarriesTheCalendarTheLinkTheClassificationAndTheLabel() {
        Mail mail = MailTemplates.invitation(BOB, MEETING, "BEGIN:VCALENDAR", false);
        assertEquals(MailKind.INVITATION, mail.kind());
        assertEquals("REQUEST", mail.calendar().orElseThrow().method());
        assertTrue(mail.subject().startsWith("Invitation: Board"));
        assertTrue(mail.text().contains("https://conclave.example/app/meetings/m-1"));
        assertTrue(mail.text().contains("CONFIDENTIAL"));
        assertTrue(mail.text().contains("TLP:AMBER"));
        assertTrue(mail.text().contains("Tuesday 1 December 2026, 10:00"), mail.text());
        assertTrue(mail.text().contains("never sent with the invitation"));
        assertFalse(mail.sensitive());
    }

    @Test
    void userTextIsEncodedInTheHtmlAndTheHtmlLoadsNothingRemote() {
        Mail mail = MailTemplates.invitation(BOB, MEETING, "BEGIN:VCALENDAR", false);
        assertFalse(mail.html().contains("<script>"));
        assertTrue(mail.html().contains("Board &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;"));
        assertFalse(mail.html().contains("<img"));
        assertFalse(mail.html().contains("src="));
        assertFalse(mail.html().contains("<link"));
    }

    @Test
    void spanishRecipientsGetSpanish() {
        Mail mail = MailTemplates.invitation(CAROL, MEETING, "BEGIN:VCALENDAR", false);
        assertTrue(mail.subject().startsWith("Invitación: "), mail.subject());
        assertTrue(mail.text().startsWith("Hola, Carol Núñez:"), mail.text());
        assertTrue(mail.text().contains("martes 1 de diciembre de 2026, 10:00"), mail.text());
        assertTrue(mail.text().contains("Etiqueta de difusión"));
    }

    @Test
    void thePasscodeTravelsAloneWithoutTheLinkAndIsSensitive() {
        Mail mail = MailTemplates.passcode(BOB, MEETING, "483920117");
        assertTrue(mail.sensitive());
        assertTrue(mail.text().contains("483920117"));
        assertFalse(mail.text().contains("https://"), mail.text());
        assertFalse(mail.html().contains("https://"));
        assertTrue(mail.calendar().isEmpty());
    }

    @Test
    void aCancellationCarriesTheCancelMethod() {
        Mail mail = MailTemplates.cancellation(CAROL, MEETING, "BEGIN:VCALENDAR");
        assertEquals("CANCEL", mail.calendar().orElseThrow().method());
        assertTrue(mail.subject().startsWith("Cancelada: "));
        assertFalse(mail.text().contains("https://"));
    }

    @Test
    void registrationApprovalSaysHowThePasscodeArrives() {
        assertTrue(MailTemplates.registration(BOB, MEETING, MailKind.REGISTRATION_APPROVED, "host")
                .text()
                .contains("another channel"));
        assertTrue(MailTemplates.registration(BOB, MEETING, MailKind.REGISTRATION_APPROVED, "mail")
                .text()
                .contains("separate message"));
        assertTrue(MailTemplates.registration(CAROL, MEETING, MailKind.REGISTRATION_DENIED, "none")
                .subject()
                .startsWith("Inscripción rechazada"));
    }

    @Test
    void theRecordingNoticeStatesPurposePlaceAccessAndRetention() {
        Mail mail = MailTemplates.recordingNotice(
                BOB, MEETING, "Minutes", "audio and video", "on-premise store", List.of("carol"), 30);
        assertTrue(mail.text().contains("Minutes"));
        assertTrue(mail.text().contains("on-premise store"));
        assertTrue(mail.text().contains("the hosts and the auditors, carol"));
        assertTrue(mail.text().contains("30 days after the meeting"));
    }

    @Test
    void lineBreaksInUserTextCannotForgeHeadersOrLines() {
        MeetingFacts sneaky = new MeetingFacts(
                "m-2",
                "Hi\r\nBcc: eve@evil.test",
                "Alice",
                MEETING.start(),
                30,
                "INTERNAL",
                "GREEN",
                "https://conclave.example/app/meetings/m-2");
        Mail mail = MailTemplates.invitation(BOB, sneaky, "BEGIN:VCALENDAR", false);
        assertFalse(mail.subject().contains("\n"));
        assertFalse(mail.subject().contains("\r"));
        assertFalse(mail.text().contains("\nBcc:"));
    }

    @Test
    void keycloakLocaleAttributesMapToSpanishOrEnglish() {
        assertEquals("es", MailTemplates.localeOf("es-ES").getLanguage());
        assertEquals("en", MailTemplates.localeOf("fr").getLanguage());
        assertEquals("en", MailTemplates.localeOf(null).getLanguage());
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(240), backoff.after(4));
        assertEquals(Duration.ofMinutes(30), backoff.after(12));
        assertEquals(Duration.ofMinutes(30), backoff.after(500));
    }
}
