package org.conclave.identity.entity;

import java.util.Optional;

/** Someone in the realm, as the directory describes them. */
public record Person(
        String subject,
        String username,
        Optional<String> organisation,
        Optional<String> email,
        String displayName,
        String locale) {}
