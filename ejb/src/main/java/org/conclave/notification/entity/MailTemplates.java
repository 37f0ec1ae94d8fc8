package org.conclave.notification.entity;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Composes each message in the recipient's language (English or Spanish, from the {@code mail} resource bundles) as
 * plain text and HTML from one model: a greeting, paragraphs, a table of facts and the footer. Every piece of
 * user-supplied text is HTML-encoded in the HTML body; the HTML has no remote images, scripts or styles sheets. The
 * passcode message carries the passcode and the meeting's title and time, never its link.
 */
public final class MailTemplates {

    private static final String BUNDLE = "org.conclave.notification.mail";

    private MailTemplates() {}

    public static Mail invitation(Recipient to, MeetingFacts meeting, String calendar, boolean update) {
        MailKind kind = update ? MailKind.UPDATE : MailKind.INVITATION;
        Letter letter = new Letter(to.locale());
        letter.paragraph(letter.text(kind.wireName() + ".intro", meeting.hostName()));
        letter.paragraph(letter.text("invitation.passcode"));
        meetingFacts(letter, meeting, true);
        return letter.mail(kind, to, meeting, Optional.of(new Mail.Calendar(calendar, "REQUEST")), false);
    }

    public static Mail cancellation(Recipient to, MeetingFacts meeting, String calendar) {
        Letter letter = new Letter(to.locale());
        letter.paragraph(letter.text("cancellation.intro", meeting.hostName()));
        meetingFacts(letter, meeting, false);
        return letter.mail(
                MailKind.CANCELLATION, to, meeting, Optional.of(new Mail.Calendar(calendar, "CANCEL")), false);
    }

    /**
     * @param passcodeDelivery for an approval: {@code mail}, {@code host} (policy forbids mail) or {@code none}
     */
    public static Mail registration(Recipient to, MeetingFacts meeting, MailKind kind, String passcodeDelivery) {
        Letter letter = new Letter(to.locale());
        letter.paragraph(letter.text(kind.wireName() + ".intro"));
        if (kind == MailKind.REGISTRATION_APPROVED) {
            letter.paragraph(letter.text("registration-approved.passcode." + passcodeDelivery));
        }
        meetingFacts(letter, meeting, kind != MailKind.REGISTRATION_DENIED);
        return letter.mail(kind, to, meeting, Optional.empty(), false);
    }

    public static Mail recordingNotice(
            Recipient to,
            MeetingFacts meeting,
            String purpose,
            String recorded,
            String location,
            List<String> accessList,
            int retentionDays) {
        Letter letter = new Letter(to.locale());
        letter.paragraph(letter.text("recording-notice.intro"));
        letter.fact("fact.purpose", purpose);
        letter.fact("fact.recorded", recorded);
        letter.fact("fact.location", location);
        letter.fact(
                "fact.access",
                letter.text("fact.access.value", accessList.isEmpty() ? "" : ", " + String.join(", ", accessList)));
        letter.fact("fact.retention", letter.text("fact.retention.value", retentionDays));
        meetingFacts(letter, meeting, true);
        return letter.mail(MailKind.RECORDING_NOTICE, to, meeting, Optional.empty(), false);
    }

    public static Mail passcode(Recipient to, MeetingFacts meeting, String passcode) {
        Letter letter = new Letter(to.locale());
        letter.paragraph(letter.text("passcode.intro"));
        letter.fact("fact.passcode", passcode);
        letter.fact("fact.title", meeting.title());
        letter.fact("fact.when", letter.when(meeting));
        return letter.mail(MailKind.PASSCODE, to, meeting, Optional.empty(), true);
    }

    private static void meetingFacts(Letter letter, MeetingFacts meeting, boolean link) {
        letter.fact("fact.title", meeting.title());
        letter.fact("fact.when", letter.when(meeting));
        letter.fact("fact.duration", letter.text("fact.duration.value", meeting.durationMinutes()));
        letter.fact("fact.host", meeting.hostName());
        letter.fact("fact.classification", meeting.classification());
        letter.fact("fact.label", "TLP:" + meeting.sharingLabel());
        letter.fact(
                "fact.handling", letter.text("fact.handling.value", meeting.sharingLabel(), meeting.classification()));
        if (link) {
            letter.fact("fact.link", meeting.joinUrl());
        }
    }

    /** Locale of a Keycloak {@code locale} attribute: Spanish for {@code es*}, English otherwise. */
    public static Locale localeOf(String attribute) {
        return attribute != null && attribute.toLowerCase(Locale.ROOT).startsWith("es")
                ? Locale.forLanguageTag("es")
                : Locale.ENGLISH;
    }

    /** HTML-encodes text for element content and attribute values. */
    public static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static final class Letter {
        private final ResourceBundle bundle;
        private final Locale locale;
        private final List<String> paragraphs = new ArrayList<>();
        private final List<String[]> facts = new ArrayList<>();

        Letter(Locale locale) {
            this.locale = locale;
            this.bundle = ResourceBundle.getBundle(
                    BUNDLE,
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        String text(String key, Object... arguments) {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        }

        String when(MeetingFacts meeting) {
            return DateTimeFormatter.ofPattern(bundle.getString("format.when"), locale)
                    .format(meeting.start());
        }

        void paragraph(String text) {
            paragraphs.add(text);
        }

        void fact(String key, String value) {
            facts.add(new String[] {text(key), oneLine(value)});
        }

        Mail mail(
                MailKind kind,
                Recipient to,
                MeetingFacts meeting,
                Optional<Mail.Calendar> calendar,
                boolean sensitive) {
            String subject = oneLine(text(kind.wireName() + ".subject", meeting.title()));
            return new Mail(
                    kind,
                    Optional.of(meeting.meetingId()),
                    to,
                    subject,
                    plain(to),
                    html(to, subject),
                    calendar,
                    sensitive);
        }

        private String plain(Recipient to) {
            StringBuilder out = new StringBuilder();
            out.append(text("greeting", oneLine(to.name()))).append("\n\n");
            paragraphs.forEach(p -> out.append(p).append("\n\n"));
            int width = facts.stream().mapToInt(f -> f[0].length()).max().orElse(0) + 2;
            for (String[] fact : facts) {
                out.append(fact[0]).append(':').append(" ".repeat(width - fact[0].length() - 1));
                out.append(fact[1]).append('\n');
            }
            out.append("\n-- \n").append(text("footer")).append('\n');
            return out.toString();
        }

        private String html(Recipient to, String subject) {
            StringBuilder out = new StringBuilder();
            out.append("<!DOCTYPE html><html lang=\"")
                    .append(locale.getLanguage())
                    .append("\"><head><meta charset=\"UTF-8\"><title>")
                    .append(MailTemplates.html(subject))
                    .append("</title></head>")
                    .append("<body style=\"margin:0;padding:24px;background:#f4f5f7;font-family:Arial,sans-serif;")
                    .append("color:#1f2933\"><div style=\"max-width:640px;margin:0 auto;background:#ffffff;")
                    .append("border-radius:6px;padding:24px;border-top:4px solid #1f4e79\">")
                    .append("<p style=\"margin:0 0 8px;font-size:13px;color:#52606d;letter-spacing:.05em\">")
                    .append("CONCLAVE</p>")
                    .append("<p>")
                    .append(MailTemplates.html(text("greeting", oneLine(to.name()))))
                    .append("</p>");
            paragraphs.forEach(p -> out.append("<p style=\"line-height:1.5\">")
                    .append(MailTemplates.html(p))
                    .append("</p>"));
            out.append("<table role=\"presentation\" style=\"border-collapse:collapse;width:100%;margin:16px 0\">");
            for (String[] fact : facts) {
                out.append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:6px 12px 6px 0;")
                        .append("color:#52606d;font-weight:normal;white-space:nowrap\">")
                        .append(MailTemplates.html(fact[0]))
                        .append("</th><td style=\"padding:6px 0;font-weight:bold\">")
                        .append(MailTemplates.html(fact[1]))
                        .append("</td></tr>");
            }
            out.append("</table><p style=\"font-size:12px;color:#7b8794;border-top:1px solid #e4e7eb;")
                    .append("padding-top:12px\">")
                    .append(MailTemplates.html(text("footer")))
                    .append("</p></div></body></html>");
            return out.toString();
        }

        private static String oneLine(String text) {
            return text.replaceAll("[\\r\\n\\t\\u0000-\\u001f\\u2028\\u2029]+", " ")
                    .strip();
        }
    }
}
