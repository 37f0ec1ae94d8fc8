package org.conclave.notification.entity;

import java.util.Locale;
import java.util.Objects;

/** Who a message goes to: their subject (for the audit), address, name and language. */
public record Recipient(String subject, String address, String name, Locale locale) {

    public Recipient {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(locale, "locale");
    }
}
