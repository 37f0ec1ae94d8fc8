package org.conclave.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as people read them, in the page's language. */
@Named("fmt")
@RequestScoped
public class Formats {

    /** A meeting's start, in its own time zone. */
    public String dateTime(ZonedDateTime at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale())
                        .format(at)
                + " (" + at.getZone().getId() + ")";
    }

    /** An instant (as {@link Instant} or its ISO text), in the server's time zone. */
    public String instant(Object at) {
        Instant instant = null;
        if (at instanceof Instant i) {
            instant = i;
        } else if (at != null && !at.toString().isBlank()) {
            try {
                instant = Instant.parse(at.toString());
            } catch (DateTimeParseException e) {
                return at.toString();
            }
        }
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale())
                .withZone(ZoneId.systemDefault())
                .format(instant);
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null
                ? faces.getViewRoot().getLocale()
                : Locale.ENGLISH;
    }
}
