package org.conclave.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.DemoUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The portal in a real browser (headless Chromium), signed in through the real Keycloak login page with one-time
 * passwords: alice schedules a CONFIDENTIAL meeting and sees what its baseline fixes; bob registers; alice approves;
 * alice opens the room, bob waits in the lobby, alice lets him in and his browser is sent to the video platform with
 * a join token for that meeting's room; dora verifies the audit chain and pulls the compliance pack. Every page in
 * English and Spanish; no session means Keycloak; a participant gets the 403 page for host and auditor pages.
 * Screenshots land in target/screenshots/.
 */
@ExtendWith(RunningPortal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    static Portal portal;
    static Path target;
    static Browser alice;
    static Browser bob;
    static Browser dora;
    static Browser adam;

    static String meetingId;
    static String passcode;
    static final String TITLE = "Incident review " + Long.toString(System.nanoTime() % 100_000, 36);

    @BeforeAll
    static void start(Portal running) {
        portal = running;
        target = Path.of(System.getProperty("conclave.war")).getParent();
    }

    @AfterAll
    static void stop() {
        for (Browser browser : new Browser[] {alice, bob, dora, adam}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPageWithoutASessionGoesToKeycloakAndAliceSignsInWithHerOneTimePassword() {
        alice = Browser.open(portal.url(), target, "alice", "en-US");
        alice.go("/app/host/meetings.xhtml");
        assertTrue(
                alice.url().startsWith(portal.keycloakUrl() + "/realms/conclave/protocol/openid-connect/auth"),
                alice.url());
        alice.screenshot("01-keycloak-login");

        alice.signIn(DemoUser.ALICE);

        assertEquals("alice", alice.find(By.id("user-name")).getText());
        assertTrue(alice.find(By.id("user-role")).getText().contains("Host"), alice.text());
        alice.screenshot("02-alice-home");
        Cookie session = alice.driver().manage().getCookieNamed("JSESSIONID");
        assertTrue(session != null && session.isHttpOnly(), "session cookie HttpOnly: " + session);
        assertEquals("Lax", session.getSameSite());
    }

    @Test
    @Order(2)
    void aliceSchedulesAConfidentialMeetingAndSeesTheSettingsItsBaselineFixes() {
        alice.go("/app/host/schedule.xhtml");
        alice.submit(By.xpath("//a[contains(@href,'classification=CONFIDENTIAL')]"));
        WebElement locked = alice.find(By.id("locked-settings"));
        assertTrue(locked.getText().contains("Fixed by the baseline"), locked.getText());
        WebElement passcodeRule = locked.findElement(By.cssSelector("[data-setting='passcode-required']"));
        assertTrue(passcodeRule.getText().contains("Passcode required"), passcodeRule.getText());
        assertTrue(passcodeRule.getText().contains("ISO/IEC 27002:2022 5.17"), passcodeRule.getText());
        assertTrue(
                passcodeRule.getText().contains("A passcode may not be switched off when the baseline requires one"),
                passcodeRule.getText());
        assertFalse(
                alice.all(By.cssSelector("#adjustable-settings [data-setting='passcode-required']"))
                                .size()
                        > 0,
                "a locked setting is not offered for change");

        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        alice.type(By.id("schedule:title"), TITLE);
        alice.setValue(By.id("schedule:date"), start.toLocalDate().toString());
        alice.setValue(By.id("schedule:time"), start.toLocalTime().toString());
        new org.openqa.selenium.support.ui.Select(alice.find(By.id("schedule:zone"))).selectByValue("UTC");
        new org.openqa.selenium.support.ui.Select(alice.find(By.id("schedule:label"))).selectByValue("AMBER");
        alice.type(By.id("schedule:invitees"), "bob");
        alice.fullScreenshot("03-schedule-confidential");
        alice.submit(By.id("schedule:submit"));

        passcode = alice.find(By.id("passcode")).getText().strip();
        assertTrue(passcode.length() >= 10, "passcode of at least the baseline's 10 characters: " + passcode);
        assertTrue(alice.find(By.id("passcode-warning")).getText().contains("shown once"), alice.text());
        alice.screenshot("04-scheduled-passcode-once");

        alice.submit(By.id("open-scheduled"));
        meetingId = alice.url().replaceAll(".*[?&]id=([A-Za-z0-9_-]{22}).*", "$1");
        assertEquals(22, meetingId.length(), alice.url());
        assertEquals(TITLE, alice.find(By.id("meeting-title")).getText());
    }

    @Test
    @Order(3)
    void bobRegistersAndCannotOpenHostOrAuditorPages() {
        bob = Browser.open(portal.url(), target, "bob", "en-US");
        bob.go("/app/participant/invitations.xhtml");
        bob.signIn(DemoUser.BOB);
        bob.go("/app/participant/invitations.xhtml");
        WebElement row = bob.find(By.cssSelector("tr[data-meeting='" + meetingId + "']"));
        assertTrue(row.getText().contains(TITLE), row.getText());
        bob.submit(row.findElement(By.xpath(".//input[@type='submit']")));
        WebElement registered = bob.find(By.cssSelector("tr[data-meeting='" + meetingId + "']"));
        assertTrue(registered.getText().contains("Waiting for the host"), registered.getText());
        bob.screenshot("05-bob-invitations");

        for (String page :
                List.of("/app/host/meetings.xhtml", "/app/audit/timeline.xhtml", "/app/admin/baselines.xhtml")) {
            bob.go(page);
            String text = bob.text();
            assertTrue(text.contains("403") && text.contains("Not allowed for your role"), page + ": " + text);
            assertFalse(text.contains("Exception") || text.contains(".java"), page + ": " + text);
        }
        bob.screenshot("06-bob-403");
    }

    @Test
    @Order(4)
    void aliceApprovesBobAndOpensTheRoom() {
        alice.go("/app/host/meeting.xhtml?id=" + meetingId);
        WebElement registration = alice.find(By.cssSelector("#registrations tr[data-participant='bob']"));
        alice.submit(registration.findElement(By.xpath(".//input[@value='Approve']")));
        alice.waitFor(
                b -> b.find(By.cssSelector("#registrations tr[data-participant='bob']"))
                        .getText()
                        .contains("Approved"),
                Duration.ofSeconds(10),
                "bob approved");
        assertTrue(alice.text().contains("bob is approved"), alice.text());

        alice.submit(By.id("top:join"));
        alice.waitFor(b -> b.url().startsWith(Browser.PLATFORM), Duration.ofSeconds(15), "alice sent to the platform");
        JsonObject hostToken = assertJoinUrl(alice.url(), meetingId);
        assertTrue(hostToken.getBoolean("moderator"), hostToken.toString());
    }

    @Test
    @Order(5)
    void bobWaitsInTheLobbyAliceLetsHimInAndHisBrowserIsSentToTheRoomWithAToken() {
        bob.go("/app/participant/meeting.xhtml?id=" + meetingId);
        assertTrue(bob.find(By.id("registration-state")).getText().contains("Approved"), bob.text());
        bob.type(By.id("join:passcode"), passcode);
        bob.screenshot("07-bob-join");
        bob.submit(By.id("join:join"));
        bob.find(By.id("waiting-room"));
        assertTrue(bob.url().contains("/app/participant/waiting.xhtml"), bob.url());
        assertTrue(bob.url().contains("jakarta.faces.Token="), "a protected view: " + bob.url());
        assertFalse(bob.url().contains(passcode), "no passcode in the address: " + bob.url());
        bob.screenshot("08-bob-waiting-room");

        alice.go("/app/host/meeting.xhtml?id=" + meetingId);
        WebElement waiting = alice.find(By.cssSelector("#lobby [data-waiting='bob']"));
        alice.fullScreenshot("09-alice-host-meeting-lobby");
        alice.submit(waiting.findElement(By.xpath(".//input[@value='Let in']")));
        alice.waitFor(b -> b.text().contains("bob is let in"), Duration.ofSeconds(10), "bob let in");

        bob.waitFor(b -> b.url().startsWith(Browser.PLATFORM), Duration.ofSeconds(20), "bob sent to the platform");
        JsonObject token = assertJoinUrl(bob.url(), meetingId);
        assertEquals(Boolean.FALSE, token.getBoolean("moderator"), token.toString());
        assertFalse(
                token.getJsonObject("context")
                        .getJsonObject("user")
                        .getString("id")
                        .isEmpty(),
                token.toString());
    }

    @Test
    @Order(6)
    void aliceAnnouncesARecordingBobConsentsAndAliceSeesHisConsentState() throws Exception {
        alice.go("/app/host/meeting.xhtml?id=" + meetingId);
        alice.type(By.id("record:purpose"), "Minutes of the incident review");
        alice.submit(By.id("record:publish"));
        assertTrue(alice.text().contains("The notice is published"), alice.text());

        bob.go("/app/participant/meeting.xhtml?id=" + meetingId);
        WebElement notice = bob.find(By.id("recording-notice"));
        assertTrue(notice.getText().contains("Minutes of the incident review"), notice.getText());
        bob.submit(By.id("consent:give"));
        assertTrue(bob.find(By.id("my-consent")).getText().contains("Consented"), bob.text());
        bob.screenshot("10-bob-recording-consent");
        bob.click(By.id("calendar:ics"));
        bob.waitFor(
                b -> {
                    try (var files = Files.list(b.downloads())) {
                        return files.anyMatch(f -> f.toString().endsWith(".ics"));
                    } catch (java.io.IOException e) {
                        return false;
                    }
                },
                Duration.ofSeconds(20),
                "the invitation downloaded");
        try (var files = Files.list(bob.downloads())) {
            Path ics =
                    files.filter(f -> f.toString().endsWith(".ics")).findFirst().orElseThrow();
            String calendar = Files.readString(ics);
            assertTrue(calendar.contains("BEGIN:VCALENDAR"), calendar);
            assertFalse(calendar.contains(passcode), "no passcode in the invitation");
        }

        alice.go("/app/host/meeting.xhtml?id=" + meetingId);
        WebElement consents = alice.find(By.id("consents"));
        assertTrue(consents.getText().contains("bob") && consents.getText().contains("Consented"), consents.getText());
    }

    @Test
    @Order(7)
    void everyHostAndParticipantPageWorksInSpanish() {
        alice.go("/app/host/meeting.xhtml?id=" + meetingId);
        alice.submit(By.id("session:lang-es"));
        alice.waitFor(b -> "es".equals(b.pageLanguage()), Duration.ofSeconds(10), "Spanish");
        assertTrue(alice.find(By.id("lobby")).getText().contains("Sala de espera"), alice.text());
        assertTrue(alice.find(By.id("user-role")).getText().contains("Anfitrión"), alice.text());
        alice.fullScreenshot("11-alice-host-meeting-es");
        assertPagesIn(
                alice,
                "es",
                "Mis reuniones",
                "/app/",
                "/app/host/meetings.xhtml",
                "/app/host/schedule.xhtml?classification=SECRET",
                "/app/host/meeting.xhtml?id=" + meetingId,
                "/app/participant/invitations.xhtml");
        alice.go("/app/host/schedule.xhtml?classification=CONFIDENTIAL");
        assertTrue(alice.find(By.id("locked-settings")).getText().contains("Fijado por la línea base"), alice.text());
        assertTrue(
                alice.find(By.id("locked-settings"))
                        .getText()
                        .contains("No se puede desactivar el código de acceso cuando la línea base lo exige"),
                alice.text());
        alice.submit(By.id("session:lang-en"));
        alice.waitFor(b -> "en".equals(b.pageLanguage()), Duration.ofSeconds(10), "English again");

        bob.go("/app/participant/invitations.xhtml");
        bob.submit(By.id("session:lang-es"));
        bob.waitFor(b -> "es".equals(b.pageLanguage()), Duration.ofSeconds(10), "Spanish");
        assertPagesIn(
                bob,
                "es",
                "Mis invitaciones",
                "/app/",
                "/app/participant/invitations.xhtml",
                "/app/participant/meeting.xhtml?id=" + meetingId);
        bob.go("/app/host/meetings.xhtml");
        assertTrue(bob.text().contains("No permitido para su rol"), bob.text());
        bob.screenshot("12-bob-403-es");
        bob.go("/app/participant/meeting.xhtml?id=" + meetingId);
        bob.resize(390, 844);
        bob.fullScreenshot("13-phone-participant-meeting-es");
        bob.submit(By.id("session:lang-en"));
        bob.go("/app/participant/invitations.xhtml");
        bob.fullScreenshot("14-phone-invitations");
        assertNoCspViolations(bob);
        assertNoCspViolations(alice);
    }

    @Test
    @Order(8)
    void adamReviewsABaselineChangeAsADiffInBothLanguages() {
        adam = Browser.open(portal.url(), target, "adam", "es-ES");
        adam.go("/app/admin/baselines.xhtml");
        adam.signIn(DemoUser.ADAM);
        assertPagesIn(
                adam,
                "es",
                "Líneas base de política",
                "/app/admin/baselines.xhtml",
                "/app/admin/drift.xhtml",
                "/app/admin/exceptions.xhtml",
                "/app/admin/platform.xhtml");
        adam.go("/app/admin/platform.xhtml");
        adam.screenshot("15-adam-platform-es");
        adam.submit(By.id("session:lang-en"));
        assertPagesIn(
                adam,
                "en",
                "Policy baselines",
                "/app/admin/baselines.xhtml",
                "/app/admin/drift.xhtml",
                "/app/admin/exceptions.xhtml",
                "/app/admin/platform.xhtml");
        adam.go("/app/admin/baselines.xhtml?classification=INTERNAL");
        WebElement maxParticipants =
                adam.find(By.cssSelector("[data-setting='max-participants'] input[type='number']"));
        int current = Integer.parseInt(maxParticipants.getDomProperty("value"));
        adam.type(
                By.cssSelector("[data-setting='max-participants'] input[type='number']"),
                Integer.toString(current - 1));
        adam.submit(By.id("baseline:review"));
        WebElement diff = adam.find(By.id("diff"));
        assertTrue(diff.getText().contains("Participants (maximum)"), diff.getText());
        assertTrue(diff.getText().contains("Tightens"), diff.getText());
        adam.fullScreenshot("16-adam-baseline-diff");
        adam.submit(By.id("baseline:back"));
    }

    @Test
    @Order(9)
    void doraVerifiesTheAuditChainAndFiltersTheTimeline() {
        dora = Browser.open(portal.url(), target, "dora", "en-US");
        dora.go("/app/audit/timeline.xhtml");
        dora.signIn(DemoUser.DORA);
        dora.go("/app/audit/timeline.xhtml");
        dora.submit(By.id("verify:run"));
        dora.waitFor(
                b -> b.find(By.id("chain-status")).getText().contains("Chain intact"),
                Duration.ofSeconds(30),
                "chain verified");
        dora.type(By.id("filters:target"), meetingId);
        dora.submit(By.id("filters:search"));
        WebElement events = dora.find(By.id("events"));
        assertTrue(events.getText().contains("meeting.schedule"), events.getText());
        assertTrue(events.getText().contains("admission.decide"), events.getText());
        dora.fullScreenshot("17-dora-audit-timeline");
        dora.submit(By.id("session:lang-es"));
        dora.waitFor(b -> "es".equals(b.pageLanguage()), Duration.ofSeconds(10), "Spanish");
        assertTrue(dora.find(By.id("chain-status")).getText().contains("Cadena íntegra"), dora.text());
        assertPagesIn(dora, "es", "Registro de auditoría", "/app/", "/app/audit/timeline.xhtml");
        dora.submit(By.id("session:lang-en"));
        assertNoCspViolations(dora);
    }

    @Test
    @Order(10)
    void doraGeneratesTheCompliancePackFollowsItsProgressDownloadsThePdfAndChecksIt() throws Exception {
        dora.go("/app/audit/reports.xhtml");
        new org.openqa.selenium.support.ui.Select(dora.find(By.id("order:kind"))).selectByValue("compliance-pack");
        new org.openqa.selenium.support.ui.Select(dora.find(By.id("order:format"))).selectByValue("pdf");
        dora.submit(By.id("order:request"));
        assertTrue(dora.text().contains("The report is queued"), dora.text());
        dora.find(By.cssSelector("#reports tr[data-report] progress"));
        dora.screenshot("18-dora-report-progress");
        String reportId = dora.attribute("#reports tr[data-report]", "data-report");
        String row = "#reports tr[data-report='" + reportId + "']";
        assertTrue(
                List.of("queued", "running", "done").contains(dora.attribute(row, "data-state")),
                dora.attribute(row, "data-state"));
        dora.waitFor(
                b -> "done".equals(b.attribute(row, "data-state")),
                Duration.ofSeconds(90),
                "the compliance pack done (the page reloads itself)");
        dora.fullScreenshot("19-dora-reports-done");
        dora.click(By.cssSelector(row + " input[type='submit']"));
        Path[] pdf = new Path[1];
        dora.waitFor(
                b -> {
                    try (var files = Files.list(b.downloads())) {
                        pdf[0] = files.filter(f -> f.toString().endsWith(".pdf"))
                                .findFirst()
                                .orElse(null);
                        return pdf[0] != null && Files.size(pdf[0]) > 1000;
                    } catch (java.io.IOException e) {
                        return false;
                    }
                },
                Duration.ofSeconds(30),
                "the PDF downloaded");
        assertTrue(pdf(pdf[0]), pdf[0] + " is a PDF");

        dora.find(By.id("verify:file")).sendKeys(pdf[0].toAbsolutePath().toString());
        dora.waitFor(
                b -> b.find(By.id("verify:sha256")).getDomProperty("value").length() == 64,
                Duration.ofSeconds(10),
                "the SHA-256 computed in the browser");
        dora.submit(By.id("verify:submit"));
        WebElement result = dora.find(By.id("check-result"));
        assertTrue(result.getText().contains("Issued by Conclave"), result.getText());
        assertTrue(result.getText().contains("dora"), result.getText());
        dora.fullScreenshot("20-dora-report-checked");
        dora.submit(By.id("session:lang-es"));
        assertPagesIn(dora, "es", "Informes de cumplimiento", "/app/audit/reports.xhtml");
        dora.submit(By.id("session:lang-en"));
        assertNoCspViolations(dora);
    }

    @Test
    @Order(11)
    void theSecurityHeadersAllowNothingInline() throws Exception {
        HttpResponse<String> landing = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(portal.url().resolve("/index.xhtml"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, landing.statusCode());
        String csp = landing.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        assertFalse(landing.body().contains("<script>") || landing.body().contains(" style="), landing.body());
        assertTrue(landing.body().contains("jakarta.faces.resource/portal.css"), landing.body());
    }

    @Test
    @Order(12)
    void aliceSignsOutHereAndAtKeycloak() {
        alice.go("/app/");
        alice.submit(By.id("session:sign-out"));
        if (alice.url().startsWith(portal.keycloakUrl().toString())) {
            alice.submit(By.id("kc-logout")); // Keycloak asks before ending its session (no token in the URL)
        }
        alice.waitFor(b -> b.all(By.id("landing-actions")).size() == 1, Duration.ofSeconds(15), "the landing page");
        alice.screenshot("21-signed-out");
        alice.go("/app/host/meetings.xhtml");
        assertTrue(alice.url().startsWith(portal.keycloakUrl().toString()), "signed out everywhere: " + alice.url());
    }

    /** Visits pages in the session's current language: each renders (no error page) in that language. */
    static void assertPagesIn(Browser browser, String language, String marker, String... paths) {
        for (String path : paths) {
            browser.go(path);
            assertEquals(language, browser.pageLanguage(), path);
            String text = browser.text();
            assertTrue(text.contains(marker), path + " lacks '" + marker + "':\n" + text);
            assertFalse(text.contains("Something went wrong") || text.contains("Algo ha fallado"), path + ": " + text);
            assertFalse(browser.all(By.cssSelector(".error-code")).size() > 0, path + ": " + text);
        }
    }

    static void assertNoCspViolations(Browser browser) {
        List<String> violations = browser.consoleErrors().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
        assertEquals(List.of(), violations);
    }

    /**
     * The address the browser was sent to: the platform, the meeting's room (the hex of its id), and a token (in
     * the query, the only secret the portal ever puts in an address) naming that same room. Returns its claims.
     */
    static JsonObject assertJoinUrl(String url, String meetingId) {
        String room = HexFormat.of().formatHex(Base64.getUrlDecoder().decode(meetingId));
        assertTrue(url.startsWith(Browser.PLATFORM + "/" + room + "?jwt="), url);
        String token = url.substring(url.indexOf("?jwt=") + 5);
        JsonObject claims = Json.createReader(new StringReader(
                        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)))
                .readObject();
        assertEquals(room, claims.getString("room"), claims.toString());
        assertEquals("jitsi", claims.getString("aud"), claims.toString());
        return claims;
    }

    static boolean pdf(Path file) throws java.io.IOException {
        byte[] start = new byte[5];
        try (var in = Files.newInputStream(file)) {
            return in.read(start) == 5 && new String(start, StandardCharsets.US_ASCII).equals("%PDF-");
        }
    }

    static URI portalUrl() {
        return portal.url();
    }
}
