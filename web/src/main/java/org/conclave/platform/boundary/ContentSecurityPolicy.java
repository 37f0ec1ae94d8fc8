package org.conclave.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.conclave.identity.control.KeycloakRealm;

/**
 * The Content-Security-Policy of every response: scripts, styles, images and fonts from the portal itself only (no
 * inline script, no inline style, no eval), no framing, no plugins, no {@code <base>}. Forms post to the portal; a
 * form's redirect may lead on to Keycloak (sign-out), and on the pages that admit people to a meeting, to the video
 * platform (the join redirect carries the token there).
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    @Inject
    KeycloakRealm realm;

    private volatile String keycloakOrigin;

    /** The policy, with these extra origins (e.g. the video platform's) allowed as form targets. */
    public String header(String... formTargets) {
        Set<String> targets = new LinkedHashSet<>();
        targets.add("'self'");
        targets.add(keycloakOrigin());
        for (String target : formTargets) {
            origin(target).ifPresent(targets::add);
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; frame-ancestors 'none'; form-action " + String.join(" ", targets)
                + "; base-uri 'none'; object-src 'none'";
    }

    private String keycloakOrigin() {
        String origin = keycloakOrigin;
        if (origin == null) {
            origin = origin(realm.issuer()).orElse("'self'");
            keycloakOrigin = origin;
        }
        return origin;
    }

    /** {@code scheme://host[:port]} of an http(s) URL, if it is one. */
    static java.util.Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(
                    uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
