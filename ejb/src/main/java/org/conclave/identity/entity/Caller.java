package org.conclave.identity.entity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The person behind a request, as Keycloak vouched for them: subject (the stable pseudonymous id), username,
 * organisation, Conclave roles and the authentication methods used ({@code amr}: {@code pwd}, {@code otp}).
 */
public record Caller(
        String subject, String username, Optional<String> organisation, Set<Role> roles, List<String> amr) {

    public Caller {
        roles = Set.copyOf(roles);
        amr = List.copyOf(amr);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Signed in with a second factor (a one-time password) in this session. */
    public boolean usedSecondFactor() {
        return amr.contains("otp");
    }
}
