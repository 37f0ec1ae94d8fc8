package org.conclave.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.identity.entity.Person;
import org.keycloak.representations.idm.UserRepresentation;

/** Looks people up in the realm (keycloak-admin-client): does this username exist, who is it, which organisation. */
@ApplicationScoped
public class Directory {

    @Inject
    KeycloakAdmin keycloak;

    public Optional<Person> byUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return Optional.empty();
        }
        List<UserRepresentation> users = keycloak.realm().users().searchByUsername(username, true);
        return users.stream()
                .filter(u -> Boolean.TRUE.equals(u.isEnabled()))
                .filter(u -> username.equalsIgnoreCase(u.getUsername()))
                .findFirst()
                .map(Directory::person);
    }

    public Optional<Person> bySubject(String subject) {
        try {
            return Optional.of(person(keycloak.realm().users().get(subject).toRepresentation()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Person person(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes() == null ? Map.of() : user.getAttributes();
        return new Person(
                user.getId(),
                user.getUsername(),
                first(attributes, "organisation"),
                Optional.ofNullable(user.getEmail()),
                String.join(
                                " ",
                                Optional.ofNullable(user.getFirstName()).orElse(""),
                                Optional.ofNullable(user.getLastName()).orElse(""))
                        .trim(),
                first(attributes, "locale").orElse("en"));
    }

    private static Optional<String> first(Map<String, List<String>> attributes, String name) {
        return Optional.ofNullable(attributes.get(name))
                .filter(v -> !v.isEmpty())
                .map(v -> v.get(0));
    }
}
