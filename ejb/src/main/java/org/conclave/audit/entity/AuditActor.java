package org.conclave.audit.entity;

import java.util.List;
import java.util.Optional;

/**
 * Who acted. Subject, roles, organisation and authentication methods are pseudonymous and hashed into the chain;
 * the username and client address are personal data, stored beside the event and erasable.
 */
public record AuditActor(
        Optional<String> subject,
        Optional<String> username,
        List<String> roles,
        Optional<String> organisation,
        List<String> amr,
        Optional<String> clientAddress) {

    public static final AuditActor SYSTEM = new AuditActor(
            Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty());

    public AuditActor withAddress(Optional<String> address) {
        return new AuditActor(subject, username, roles, organisation, amr, address);
    }

    public AuditActor {
        roles = roles.stream().sorted().toList();
        amr = List.copyOf(amr);
    }
}
