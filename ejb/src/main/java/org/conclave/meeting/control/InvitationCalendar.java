package org.conclave.meeting.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Clazz;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableClazz;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationResult;
import org.conclave.meeting.entity.CalendarInvite;

/**
 * Writes a meeting's calendar invitation and its cancellation as iTIP (RFC 5546) iCalendar text, built with ical4j's
 * model so that every value is escaped by the library, never spliced into the text by hand. Both carry the
 * meeting's classification and TLP label (in the description, CATEGORIES and CLASS), the policy participants should
 * know, and the reminder that the passcode travels another way. Stateless.
 *
 * <p>User-supplied text is also cleaned before it reaches ical4j: ical4j 4.1.1 escapes line feeds in TEXT values
 * but writes a lone carriage return as is, which parsers (ical4j's own among them) read as a line break; so every
 * line break becomes a line feed (or, in one-line values, a space) and other control characters become spaces.
 *
 * <p>The start keeps its time zone: DTSTART is its local time with a TZID, and the calendar carries the matching
 * VTIMEZONE, taken from the definitions bundled in the ical4j jar (ical4j 4 fetches newer ones only when
 * {@code net.fortuna.ical4j.timezone.update.enabled=true} is configured, which Conclave does not). A start whose
 * zone ical4j has no definition for (a bare offset such as {@code +02:00}), or whose definition disagrees with Java
 * about the start's offset, is written in UTC instead.
 *
 * <p>The recurrence rule is parsed with ical4j and written from the parsed form; whether it is an acceptable series
 * is {@link MeetingSeries}' decision, taken when the meeting is scheduled.
 */
public final class InvitationCalendar {

    static final String PRODUCT = "-//Conclave//Meeting governance//EN";
    static final String PASSCODE_NOTICE = "The passcode is never sent with this invitation: the host gives it to"
            + " approved participants through another channel.";

    private static final String TLP = "TLP:";
    private static final Pattern MAIL_ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}@\"<>]+@[^\\s\\p{Cntrl}@\"<>]+");

    private InvitationCalendar() {}

    /**
     * The invitation (METHOD:REQUEST, STATUS:CONFIRMED) to send to the organizer and every attendee. iTIP requires a
     * request to invite someone: an invite without attendees is refused.
     */
    public static String invitation(CalendarInvite invite) {
        if (invite.attendees().isEmpty()) {
            throw new IllegalArgumentException("an invitation (iTIP REQUEST) needs at least one attendee");
        }
        return write(invite, ImmutableMethod.REQUEST, ImmutableStatus.VEVENT_CONFIRMED);
    }

    /**
     * The cancellation (METHOD:CANCEL, STATUS:CANCELLED) of the meeting, the whole series if it recurs. Its SEQUENCE
     * is the invite's: hand in an invite whose sequence is above that of the last invitation sent.
     */
    public static String cancellation(CalendarInvite invite) {
        return write(invite, ImmutableMethod.CANCEL, ImmutableStatus.VEVENT_CANCELLED);
    }

    private static String write(CalendarInvite invite, Method method, Status status) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);

        Optional<ZoneDefinition> zone = zoneDefinition(invite.start());
        zone.ifPresent(definition -> calendar.add(definition.vTimeZone()));
        DtStart<? extends Temporal> start = zone.isPresent()
                ? zone.get().start()
                : new DtStart<>(invite.start().toInstant());

        VEvent event = new VEvent(false);
        event.add(new Uid(oneLine(invite.meetingId()) + "@conclave"));
        event.add(new DtStamp(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        event.add(start);
        event.add(new Duration(invite.duration()));
        event.add(new Summary(oneLine(invite.title())));
        event.add(new Description(description(invite)));
        URI joinUrl = joinUrl(invite.joinUrl());
        event.add(new Url(joinUrl));
        event.add(new Location(joinUrl.toString()));
        event.add(classOf(invite.classification()));
        event.add(new Categories(new TextList(List.of(oneLine(invite.classification()), tlp(invite.sharingLabel())))));
        event.add(new Organizer(
                new ParameterList(List.of(new Cn(displayName(invite.organizerName())))),
                mailto(invite.organizerEmail())));
        for (CalendarInvite.Attendee attendee : invite.attendees()) {
            event.add(new Attendee(
                    new ParameterList(List.of(
                            new Cn(displayName(attendee.name())),
                            Role.REQ_PARTICIPANT,
                            PartStat.NEEDS_ACTION,
                            Rsvp.TRUE)),
                    mailto(attendee.email())));
        }
        invite.recurrenceRule().ifPresent(rule -> event.add(new RRule<>(recurrence(rule))));
        event.add(new Sequence(invite.sequence()));
        event.add(status);
        calendar.add(event);

        requireValid(calendar.validate(), "calendar");
        requireValid(event.validate(method), method.getValue());
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The description, the classification and label, the policy participants should know, the passcode notice. */
    static String description(CalendarInvite invite) {
        List<String> paragraphs = new ArrayList<>();
        String description = lines(invite.description()).strip();
        if (!description.isEmpty()) {
            paragraphs.add(description);
        }
        List<String> governance = new ArrayList<>();
        governance.add(
                "Classification: " + oneLine(invite.classification()) + " · Sharing: " + tlp(invite.sharingLabel()));
        invite.policySummary().stream()
                .map(InvitationCalendar::oneLine)
                .filter(line -> !line.isEmpty())
                .forEach(governance::add);
        String notice = lines(invite.handlingNotice()).strip();
        if (!notice.isEmpty()) {
            governance.add(notice);
        }
        governance.add(PASSCODE_NOTICE);
        paragraphs.add(String.join("\n", governance));
        return String.join("\n\n", paragraphs);
    }

    private record ZoneDefinition(VTimeZone vTimeZone, DtStart<LocalDateTime> start) {}

    /**
     * The VTIMEZONE for the start's zone from ical4j's bundled definitions, and DTSTART as the start's local time with
     * the TZID that definition names (an alias such as {@code US/Eastern} is defined as {@code America/New_York}).
     * Nothing for a bare offset, a zone ical4j has no definition for, or a definition that disagrees with Java about
     * the start's UTC offset (the two carry their own copies of the time zone database).
     *
     * <p>DTSTART is built from the local time, not from the {@code ZonedDateTime}: ical4j 4.1.1 formats a
     * {@code ZonedDateTime} with zone rules it derives from the VTIMEZONE, and derives wrong ones for zones without
     * daylight saving today (Africa/Nairobi comes out at +02:45, America/Bogota at -04:00).
     */
    private static Optional<ZoneDefinition> zoneDefinition(ZonedDateTime start) {
        if (start.getZone() instanceof ZoneOffset) {
            return Optional.empty();
        }
        try {
            TimeZone timeZone = TimeZoneRegistryFactory.getInstance()
                    .createRegistry()
                    .getTimeZone(start.getZone().getId());
            if (timeZone == null || timeZone.getVTimeZone() == null) {
                return Optional.empty();
            }
            VTimeZone definition = timeZone.getVTimeZone();
            Optional<Property> tzid = definition.getProperty(Property.TZID);
            if (tzid.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime named = start.withZoneSameInstant(ZoneId.of(tzid.get().getValue()));
            long offsetMillis = start.getOffset().getTotalSeconds() * 1000L;
            if (!named.toLocalDateTime().equals(start.toLocalDateTime())
                    || timeZone.getOffset(start.toInstant().toEpochMilli()) != offsetMillis) {
                return Optional.empty();
            }
            DtStart<LocalDateTime> dtStart =
                    new DtStart<>(new ParameterList(List.of(new TzId(tzid.get().getValue()))), named.toLocalDateTime());
            return Optional.of(new ZoneDefinition(definition, dtStart));
        } catch (RuntimeException noDefinition) {
            // ical4j's registry throws (a NullPointerException for some ids) rather than answer "unknown";
            // ZoneId.of refuses a TZID Java does not know. UTC is always right.
            return Optional.empty();
        }
    }

    private static Clazz classOf(String classification) {
        return "PUBLIC".equals(classification) ? ImmutableClazz.PUBLIC : ImmutableClazz.CONFIDENTIAL;
    }

    /** {@code TLP:<label>}, whether or not the label came with its prefix. */
    private static String tlp(String sharingLabel) {
        String label = oneLine(sharingLabel);
        if (label.regionMatches(true, 0, TLP, 0, TLP.length())) {
            label = label.substring(TLP.length());
        }
        return TLP + label.toUpperCase(Locale.ROOT);
    }

    private static Recur<Temporal> recurrence(String rule) {
        try {
            return new Recur<>(rule);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the recurrence rule is not a valid RRULE", e);
        }
    }

    private static URI joinUrl(String joinUrl) {
        try {
            URI uri = new URI(joinUrl);
            String scheme = uri.isAbsolute() ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("the join link is not an http(s) address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the join link is not an http(s) address", e);
        }
    }

    private static URI mailto(String address) {
        String mail = address.strip();
        if (!MAIL_ADDRESS.matcher(mail).matches()) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        try {
            return new URI("mailto", mail, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an e-mail address", e);
        }
    }

    /**
     * A name for a CN parameter: one line, and double quotes turned into single ones (ical4j would write them as
     * RFC 6868 {@code ^'}, which many calendar clients show literally).
     */
    private static String displayName(String name) {
        return oneLine(name).replace('"', '\'');
    }

    /** Text for a one-line value: each line break and every other control character becomes a space. */
    static String oneLine(String text) {
        return controlsToSpaces(text.replaceAll("\\R", " "), false).strip();
    }

    /** Text that may span lines: every kind of line break becomes a line feed, other controls spaces. */
    static String lines(String text) {
        return controlsToSpaces(text.replaceAll("\\R", "\n"), true);
    }

    private static String controlsToSpaces(String text, boolean keepLineFeeds) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' && keepLineFeeds) {
                clean.append('\n');
            } else if (Character.isISOControl(c)) {
                clean.append(' ');
            } else {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString();
    }

    private static void requireValid(ValidationResult result, String what) {
        if (result.hasErrors()) {
            throw new IllegalStateException("ical4j finds the " + what + " invalid: " + result);
        }
    }
}
