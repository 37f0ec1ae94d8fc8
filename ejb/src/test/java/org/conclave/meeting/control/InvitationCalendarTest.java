package org.conclave.meeting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import org.conclave.meeting.entity.CalendarInvite;
import org.conclave.meeting.entity.CalendarInvite.Attendee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvitationCalendarTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2025, 3, 18, 10, 0, 0, 0, ZoneId.of("Europe/Madrid"));
    private static final String JOIN = "https://conclave.example.org/app/meetings/m-42";
    private static final String PASSCODE_SENTENCE = "The passcode is never sent with this invitation: the host gives"
            + " it to approved participants through another channel.";

    @Test
    void invitationIsAConfirmedRequest() throws Exception {
        String text = InvitationCalendar.invitation(invite());
        Calendar calendar = parse(text);

        assertEquals("REQUEST", value(calendar, Property.METHOD));
        assertEquals("-//Conclave//Meeting governance//EN", value(calendar, Property.PRODID));
        assertEquals("2.0", value(calendar, Property.VERSION));
        assertEquals("GREGORIAN", value(calendar, Property.CALSCALE));
        VEvent event = onlyEvent(calendar);
        assertEquals("CONFIRMED", value(event, Property.STATUS));
        assertEquals("m-42@conclave", value(event, Property.UID));
        assertEquals("0", value(event, Property.SEQUENCE));
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
        assertTrue(text.endsWith("END:VCALENDAR\r\n"), text);
    }

    @Test
    void startKeepsItsTimeZoneAndTheCalendarDefinesIt() throws Exception {
        String text = InvitationCalendar.invitation(invite());
        Calendar calendar = parse(text);
        VEvent event = onlyEvent(calendar);

        assertTrue(text.contains("\r\nDTSTART;TZID=Europe/Madrid:20250318T100000\r\n"), text);
        DtStart<Temporal> start = event.getDateTimeStart();
        assertEquals(START.toInstant(), Instant.from(start.getDate()));
        assertEquals(
                List.of("Europe/Madrid"),
                calendar.getComponents(CalendarComponent.VTIMEZONE).stream()
                        .map(tz -> tz.getProperty(Property.TZID).orElseThrow().getValue())
                        .toList());
        assertEquals("PT1H30M", value(event, Property.DURATION));
        assertEquals(Duration.ofMinutes(90), Duration.from(event.getDuration().getDuration()));
    }

    @Test
    void aZoneAliasIsWrittenAsTheZoneItsDefinitionNames() throws Exception {
        ZonedDateTime eastern = ZonedDateTime.of(2025, 3, 18, 10, 0, 0, 0, ZoneId.of("US/Eastern"));
        String text = InvitationCalendar.invitation(invite(eastern, "the agenda"));
        Calendar calendar = parse(text);

        assertTrue(text.contains("\r\nDTSTART;TZID=America/New_York:20250318T100000\r\n"), text);
        assertEquals(
                "America/New_York",
                calendar.getComponents(CalendarComponent.VTIMEZONE)
                        .get(0)
                        .getProperty(Property.TZID)
                        .orElseThrow()
                        .getValue());
        assertEquals(
                eastern.toInstant(),
                Instant.from(onlyEvent(calendar).getDateTimeStart().getDate()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Africa/Nairobi", "America/Bogota", "Africa/Abidjan", "Asia/Kolkata", "Asia/Kathmandu"})
    void zonesWithoutDaylightSavingKeepTheirLocalTime(String zone) throws Exception {
        // ical4j 4.1.1 would write these three hours (or minutes) off when given a ZonedDateTime. The check is on the
        // text: ical4j also reads them back wrong, from the rules it derives from the VTIMEZONE.
        ZonedDateTime start = ZonedDateTime.of(2025, 3, 18, 10, 0, 0, 0, ZoneId.of(zone));
        String text = InvitationCalendar.invitation(invite(start, "the agenda"));

        assertTrue(text.contains("\r\nDTSTART;TZID=" + zone + ":20250318T100000\r\n"), text);
        assertEquals(
                List.of(zone),
                parse(text).getComponents(CalendarComponent.VTIMEZONE).stream()
                        .map(tz -> tz.getProperty(Property.TZID).orElseThrow().getValue())
                        .toList());
    }

    @Test
    void aStartWithoutANamedZoneIsWrittenInUtc() throws Exception {
        ZonedDateTime offset = ZonedDateTime.of(2025, 3, 18, 10, 0, 0, 0, ZoneOffset.ofHours(2));
        String text = InvitationCalendar.invitation(invite(offset, "the agenda"));
        Calendar calendar = parse(text);

        assertTrue(text.contains("\r\nDTSTART:20250318T080000Z\r\n"), text);
        assertEquals(List.of(), calendar.getComponents(CalendarComponent.VTIMEZONE));
        assertEquals(
                offset.toInstant(),
                Instant.from(onlyEvent(calendar).getDateTimeStart().getDate()));
    }

    @Test
    void timeZoneDefinitionsComeFromTheJarNotTheNetwork() {
        // ical4j 4 fetches newer VTIMEZONE definitions (from tzurl.org) only when this is switched on.
        assertFalse(new TimeZoneUpdater().isEnabled());
    }

    @Test
    void stampIsNowInUtc() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String text = InvitationCalendar.invitation(invite());
        Instant after = Instant.now();

        assertTrue(
                Pattern.compile("\r\nDTSTAMP:\\d{8}T\\d{6}Z\r\n").matcher(text).find(), text);
        DtStamp stamp = onlyEvent(parse(text)).getDateTimeStamp();
        Instant stamped = stamp.getDate();
        assertFalse(stamped.isBefore(before), stamped + " before " + before);
        assertFalse(stamped.isAfter(after), stamped + " after " + after);
    }

    @Test
    void whatWhereAndWho() throws Exception {
        VEvent event = onlyEvent(parse(InvitationCalendar.invitation(invite())));

        assertEquals("Board review", value(event, Property.SUMMARY));
        assertEquals(JOIN, value(event, Property.URL));
        assertEquals(JOIN, value(event, Property.LOCATION));
        Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertEquals("mailto:ana@example.org", organizer.getValue());
        assertEquals(
                "Ana Host", organizer.getParameter(Parameter.CN).orElseThrow().getValue());
        List<Property> attendees = event.getProperties(Property.ATTENDEE);
        assertEquals(2, attendees.size());
        assertEquals(
                List.of("mailto:bo@example.org", "mailto:cy@partner.example"),
                attendees.stream().map(Property::getValue).toList());
        assertEquals(
                "Bo Member",
                attendees.get(0).getParameter(Parameter.CN).orElseThrow().getValue());
        for (Property attendee : attendees) {
            assertEquals(
                    "REQ-PARTICIPANT",
                    attendee.getParameter(Parameter.ROLE).orElseThrow().getValue());
            assertEquals(
                    "NEEDS-ACTION",
                    attendee.getParameter(Parameter.PARTSTAT).orElseThrow().getValue());
            assertEquals(
                    "TRUE", attendee.getParameter(Parameter.RSVP).orElseThrow().getValue());
        }
    }

    @Test
    void classificationAndLabelAreOnTheEvent() throws Exception {
        VEvent confidential = onlyEvent(parse(InvitationCalendar.invitation(invite())));
        VEvent open =
                onlyEvent(parse(InvitationCalendar.invitation(withClassification(invite(), "PUBLIC", "TLP:CLEAR"))));

        assertEquals("CONFIDENTIAL", value(confidential, Property.CLASS));
        assertEquals(java.util.Set.of("CONFIDENTIAL", "TLP:AMBER+STRICT"), categories(confidential));
        assertEquals("PUBLIC", value(open, Property.CLASS));
        assertEquals(java.util.Set.of("PUBLIC", "TLP:CLEAR"), categories(open));
        assertEquals(
                "CONFIDENTIAL",
                value(
                        onlyEvent(parse(
                                InvitationCalendar.invitation(withClassification(invite(), "INTERNAL", "GREEN")))),
                        Property.CLASS));
    }

    @Test
    void descriptionCarriesTheGovernanceAndThePasscodeNotice() throws Exception {
        String description = value(onlyEvent(parse(InvitationCalendar.invitation(invite()))), Property.DESCRIPTION);

        assertEquals(
                "Quarterly figures.\nSecond line.\n\n"
                        + "Classification: CONFIDENTIAL · Sharing: TLP:AMBER+STRICT\n"
                        + "Passcode: required (sent separately)\n"
                        + "Recording: not allowed\n"
                        + "Handle according to TLP:AMBER+STRICT.\n"
                        + PASSCODE_SENTENCE,
                description);
    }

    @Test
    void anEmptyDescriptionLeavesOnlyTheGovernance() throws Exception {
        String description =
                value(onlyEvent(parse(InvitationCalendar.invitation(invite(START, "  ")))), Property.DESCRIPTION);

        assertTrue(description.startsWith("Classification: CONFIDENTIAL"), description);
        assertTrue(description.endsWith(PASSCODE_SENTENCE), description);
    }

    @Test
    void recurrenceRuleOnlyForASeries() throws Exception {
        VEvent series = onlyEvent(parse(InvitationCalendar.invitation(invite())));
        VEvent single = onlyEvent(parse(InvitationCalendar.invitation(withRule(invite(), Optional.empty()))));

        assertEquals("FREQ=WEEKLY;COUNT=4", value(series, Property.RRULE));
        assertEquals(Optional.empty(), single.getProperty(Property.RRULE));
    }

    @Test
    void untilIsWrittenAsGiven() throws Exception {
        VEvent series = onlyEvent(parse(InvitationCalendar.invitation(
                withRule(invite(), Optional.of("FREQ=WEEKLY;UNTIL=20250408T080000Z;BYDAY=TU")))));

        assertEquals("FREQ=WEEKLY;UNTIL=20250408T080000Z;BYDAY=TU", value(series, Property.RRULE));
    }

    @Test
    void cancellationCancelsTheSameEventAtItsSequence() throws Exception {
        String text = InvitationCalendar.cancellation(withSequence(invite(), 3));
        Calendar calendar = parse(text);
        VEvent event = onlyEvent(calendar);

        assertEquals("CANCEL", value(calendar, Property.METHOD));
        assertEquals("CANCELLED", value(event, Property.STATUS));
        assertEquals("3", value(event, Property.SEQUENCE));
        assertEquals("m-42@conclave", value(event, Property.UID));
        assertEquals(2, event.getProperties(Property.ATTENDEE).size());
        assertTrue(text.contains("\r\nDTSTART;TZID=Europe/Madrid:20250318T100000\r\n"), text);
        assertEquals("FREQ=WEEKLY;COUNT=4", value(event, Property.RRULE));
    }

    @Test
    void theOutputIsValidICalendar() throws Exception {
        for (String text : List.of(
                InvitationCalendar.invitation(invite()),
                InvitationCalendar.cancellation(withSequence(invite(), 1)),
                InvitationCalendar.invitation(invite(START, "Fold me: " + "a long line of text ".repeat(20))))) {
            Calendar calendar = parse(text);
            assertFalse(
                    calendar.validate().hasErrors(), () -> calendar.validate().toString());
            // ical4j folds at 75 characters (not octets: the "·" in the description takes two).
            for (String line : text.split("\r\n")) {
                assertTrue(line.length() <= 75, line);
            }
        }
    }

    @Test
    void injectedLinesStayInsideTheirValues() throws Exception {
        String title = "Board\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x; a,b \\ c";
        String description = "Agenda\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:evil;x,y\\z";
        String text = InvitationCalendar.invitation(invite(START, description, title));
        Calendar calendar = parse(text);
        VEvent event = onlyEvent(calendar);

        assertEquals("Board END:VEVENT BEGIN:VEVENT UID:evil@x; a,b \\ c", value(event, Property.SUMMARY));
        assertTrue(value(event, Property.DESCRIPTION)
                .startsWith("Agenda\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:evil;x,y\\z\n\nClassification:"));
        assertEquals("m-42@conclave", value(event, Property.UID));
        assertEquals(1, lines(text, "BEGIN:VEVENT"));
        assertEquals(1, lines(text, "END:VEVENT"));
        assertEquals(0, lines(text, "UID:evil@x"));
        assertTrue(text.contains("SUMMARY:Board END:VEVENT BEGIN:VEVENT UID:evil@x\\; a\\,b \\\\ c"), text);
    }

    @Test
    void aLoneCarriageReturnCannotBreakALine() throws Exception {
        // ical4j 4.1.1 escapes LF and CRLF in text values but writes a lone CR as is; InvitationCalendar must not.
        CalendarInvite invite = new CalendarInvite(
                "m-42",
                "Board\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil",
                "Agenda\rEND:VEVENT\u0085BEGIN:VEVENT\u000bX:y\u0000",
                "CONFIDENTIAL",
                "RED",
                START,
                Duration.ofHours(1),
                Optional.empty(),
                JOIN,
                "Ana\r\"Host\"\nEND:VEVENT",
                "ana@example.org",
                List.of(new Attendee("Bo\rEND:VEVENT", "bo@example.org")),
                0,
                List.of("Passcode:\rEND:VEVENT"),
                "Handle\rEND:VEVENT");
        String text = InvitationCalendar.invitation(invite);
        Calendar calendar = parse(text);
        VEvent event = onlyEvent(calendar);

        assertFalse(text.replace("\r\n", "").contains("\r"), text);
        assertFalse(text.replace("\r\n", "").contains("\n"), text);
        assertEquals(1, lines(text, "BEGIN:VEVENT"));
        assertEquals(1, lines(text, "END:VEVENT"));
        assertEquals("Board END:VEVENT BEGIN:VEVENT UID:evil", value(event, Property.SUMMARY));
        assertTrue(value(event, Property.DESCRIPTION).startsWith("Agenda\nEND:VEVENT\nBEGIN:VEVENT\nX:y"));
        Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertEquals(
                "Ana 'Host' END:VEVENT",
                organizer.getParameter(Parameter.CN).orElseThrow().getValue());
        assertEquals("m-42@conclave", value(event, Property.UID));
    }

    @Test
    void thePasscodeIsNeverPartOfTheInvitation() throws Exception {
        String text = InvitationCalendar.invitation(invite());

        assertTrue(value(onlyEvent(parse(text)), Property.DESCRIPTION).contains(PASSCODE_SENTENCE));
        assertTrue(unfolded(text).contains("The passcode is never sent with this invitation"), text);
    }

    @Test
    void malformedAddressesAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> InvitationCalendar.invitation(withJoinUrl(invite(), "javascript:alert(1)")));
        assertThrows(
                IllegalArgumentException.class,
                () -> InvitationCalendar.invitation(withJoinUrl(invite(), "/app/meetings/m-42")));
        assertThrows(
                IllegalArgumentException.class,
                () -> InvitationCalendar.invitation(withJoinUrl(invite(), "https://x.example/\r\nEND:VEVENT")));
        assertThrows(
                IllegalArgumentException.class,
                () -> InvitationCalendar.invitation(
                        withAttendees(invite(), List.of(new Attendee("Eve", "eve@example.org\r\nEND:VEVENT")))));
        assertThrows(
                IllegalArgumentException.class,
                () -> InvitationCalendar.invitation(
                        withAttendees(invite(), List.of(new Attendee("Eve", "not an address")))));
    }

    @Test
    void aRequestInvitesSomeone() throws Exception {
        CalendarInvite nobody = withAttendees(invite(), List.of());

        assertThrows(IllegalArgumentException.class, () -> InvitationCalendar.invitation(nobody));
        assertEquals(
                List.of(),
                onlyEvent(parse(InvitationCalendar.cancellation(nobody))).getProperties(Property.ATTENDEE));
    }

    @Test
    void anUnparsableRecurrenceRuleIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> InvitationCalendar.invitation(
                        withRule(invite(), Optional.of("FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> InvitationCalendar.invitation(withRule(invite(), Optional.of("garbage"))));
    }

    @Test
    void theInviteIsCopiedDefensively() {
        List<Attendee> attendees = new java.util.ArrayList<>(List.of(new Attendee("Bo", "bo@example.org")));
        List<String> summary = new java.util.ArrayList<>(List.of("Recording: not allowed"));
        CalendarInvite invite = new CalendarInvite(
                "m-1",
                "t",
                "d",
                "INTERNAL",
                "GREEN",
                START,
                Duration.ofHours(1),
                Optional.empty(),
                JOIN,
                "Ana",
                "ana@example.org",
                attendees,
                0,
                summary,
                "");
        attendees.clear();
        summary.clear();

        assertEquals(1, invite.attendees().size());
        assertEquals(1, invite.policySummary().size());
        assertThrows(
                UnsupportedOperationException.class, () -> invite.attendees().clear());
        assertThrows(
                IllegalArgumentException.class,
                () -> new CalendarInvite(
                        "m-1",
                        "t",
                        "d",
                        "INTERNAL",
                        "GREEN",
                        START,
                        Duration.ZERO,
                        Optional.empty(),
                        JOIN,
                        "Ana",
                        "ana@example.org",
                        List.of(),
                        0,
                        List.of(),
                        ""));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static CalendarInvite invite() {
        return invite(START, "Quarterly figures.\r\nSecond line.", "Board review");
    }

    private static CalendarInvite invite(ZonedDateTime start, String description) {
        return invite(start, description, "Board review");
    }

    private static CalendarInvite invite(ZonedDateTime start, String description, String title) {
        return new CalendarInvite(
                "m-42",
                title,
                description,
                "CONFIDENTIAL",
                "AMBER+STRICT",
                start,
                Duration.ofMinutes(90),
                Optional.of("FREQ=WEEKLY;COUNT=4"),
                JOIN,
                "Ana Host",
                "ana@example.org",
                List.of(new Attendee("Bo Member", "bo@example.org"), new Attendee("Cy, Partner", "cy@partner.example")),
                0,
                List.of("Passcode: required (sent separately)", "Recording: not allowed"),
                "Handle according to TLP:AMBER+STRICT.");
    }

    private static CalendarInvite withClassification(CalendarInvite i, String classification, String label) {
        return new CalendarInvite(
                i.meetingId(),
                i.title(),
                i.description(),
                classification,
                label,
                i.start(),
                i.duration(),
                i.recurrenceRule(),
                i.joinUrl(),
                i.organizerName(),
                i.organizerEmail(),
                i.attendees(),
                i.sequence(),
                i.policySummary(),
                i.handlingNotice());
    }

    private static CalendarInvite withRule(CalendarInvite i, Optional<String> rule) {
        return new CalendarInvite(
                i.meetingId(),
                i.title(),
                i.description(),
                i.classification(),
                i.sharingLabel(),
                i.start(),
                i.duration(),
                rule,
                i.joinUrl(),
                i.organizerName(),
                i.organizerEmail(),
                i.attendees(),
                i.sequence(),
                i.policySummary(),
                i.handlingNotice());
    }

    private static CalendarInvite withSequence(CalendarInvite i, int sequence) {
        return new CalendarInvite(
                i.meetingId(),
                i.title(),
                i.description(),
                i.classification(),
                i.sharingLabel(),
                i.start(),
                i.duration(),
                i.recurrenceRule(),
                i.joinUrl(),
                i.organizerName(),
                i.organizerEmail(),
                i.attendees(),
                sequence,
                i.policySummary(),
                i.handlingNotice());
    }

    private static CalendarInvite withJoinUrl(CalendarInvite i, String joinUrl) {
        return new CalendarInvite(
                i.meetingId(),
                i.title(),
                i.description(),
                i.classification(),
                i.sharingLabel(),
                i.start(),
                i.duration(),
                i.recurrenceRule(),
                joinUrl,
                i.organizerName(),
                i.organizerEmail(),
                i.attendees(),
                i.sequence(),
                i.policySummary(),
                i.handlingNotice());
    }

    private static CalendarInvite withAttendees(CalendarInvite i, List<Attendee> attendees) {
        return new CalendarInvite(
                i.meetingId(),
                i.title(),
                i.description(),
                i.classification(),
                i.sharingLabel(),
                i.start(),
                i.duration(),
                i.recurrenceRule(),
                i.joinUrl(),
                i.organizerName(),
                i.organizerEmail(),
                attendees,
                i.sequence(),
                i.policySummary(),
                i.handlingNotice());
    }

    private static Calendar parse(String text) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(CalendarComponent.VEVENT);
        assertEquals(1, events.size(), () -> "events: " + events);
        return events.get(0);
    }

    private static String value(Calendar calendar, String property) {
        return calendar.getProperty(property)
                .orElseThrow(() -> new AssertionError("no " + property))
                .getValue();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property)
                .orElseThrow(() -> new AssertionError("no " + property))
                .getValue();
    }

    private static java.util.Set<String> categories(VEvent event) {
        Categories categories =
                (Categories) event.getProperty(Property.CATEGORIES).orElseThrow();
        return categories.getCategories().getTexts();
    }

    /** How many content lines (after unfolding) start with this text. */
    private static long lines(String text, String start) {
        return unfolded(text).lines().filter(l -> l.startsWith(start)).count();
    }

    private static String unfolded(String text) {
        return text.replace("\r\n ", "").replace("\r\n\t", "");
    }
}
