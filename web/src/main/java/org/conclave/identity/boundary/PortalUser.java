package org.conclave.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.conclave.identity.control.CurrentCaller;
import org.conclave.identity.control.KeycloakRealm;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.PageMessages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The person signed in to the pages: name and roles for the header and navigation, and signing out. */
@Named("portalUser")
@RequestScoped
public class PortalUser {

    private static final Logger LOG = Logger.getLogger(PortalUser.class.getName());

    @Inject
    CurrentCaller currentCaller;

    @Inject
    KeycloakRealm realm;

    @Inject
    @ConfigProperty(name = "conclave.public-url")
    String publicUrl;

    public boolean isSignedIn() {
        return currentCaller.get().isPresent();
    }

    public String getUsername() {
        return currentCaller.get().map(Caller::username).orElse("");
    }

    public String getInitial() {
        String name = getUsername();
        return name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    public boolean isHost() {
        return has(Role.HOST);
    }

    public boolean isParticipant() {
        return has(Role.PARTICIPANT) || has(Role.HOST);
    }

    public boolean isAuditor() {
        return has(Role.AUDITOR);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public String getOrganisation() {
        return currentCaller.get().flatMap(Caller::organisation).orElse("");
    }

    /** The roles in the page's language, most privileged first: "Host · Participant". */
    public String getRoleLabel() {
        List<String> labels = Arrays.stream(new Role[] {Role.ADMIN, Role.AUDITOR, Role.HOST, Role.PARTICIPANT})
                .filter(this::has)
                .map(r -> PageMessages.text("role." + r.roleName()))
                .toList();
        return String.join(" · ", labels);
    }

    /**
     * Ends the session here and at Keycloak (RP-initiated logout; Keycloak asks for confirmation, then comes back to
     * the portal's front page). No token travels in the URL.
     */
    public void signOut() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        PageMessages.redirect(realm.issuer() + "/protocol/openid-connect/logout?client_id="
                + URLEncoder.encode(realm.clientId(), StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri="
                + URLEncoder.encode(stripSlash(publicUrl) + "/", StandardCharsets.UTF_8));
        try {
            request.logout();
        } catch (ServletException | RuntimeException e) {
            // Soteria's OpenID logout wants to store in a session once the redirect is committed; ending the
            // session below signs the person out all the same.
            LOG.log(Level.FINE, "container logout after the redirect", e);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // the sign-in mechanism ended it while logging out
            }
        }
    }

    private boolean has(Role role) {
        return currentCaller.get().map(c -> c.has(role)).orElse(false);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
