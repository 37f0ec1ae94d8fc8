package org.conclave.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.conclave.identity.control.CurrentCaller;
import org.conclave.identity.control.KeycloakRealm;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.BearerChallenge;
import org.conclave.platform.boundary.BoundaryRefusals;
import org.conclave.platform.boundary.ProblemDocument;
import org.conclave.platform.boundary.RequestIdentifier;
import org.conclave.platform.entity.Refusal;

/**
 * The one authentication mechanism of the application. API clients send a Keycloak access token as
 * {@code Authorization: Bearer}: it is verified locally and never starts a session; a bad token is answered 401
 * problem+json, never a redirect. Everything else (the pages) signs in through the OpenID Connect flow of
 * {@link PortalSignIn}; once signed in, a page request is authenticated from the tokens {@link BrowserSignIn} keeps
 * in the session, on whichever instance it lands. Calls to {@code /api} without a token proceed anonymously and are refused by the
 * resource if it needs a caller.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class ConclaveAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    KeycloakRealm realm;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    BrowserSignIn browserSignIn;

    @Inject
    RequestIdentifier requestIdentifier;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return bearer(authorization.substring(BEARER.length()).trim(), request, response, context);
        }
        if (isApi(request)) {
            return context.doNothing();
        }
        java.util.Optional<Caller> signedIn = browserSignIn.caller(request.getSession(false));
        if (signedIn.isPresent()) {
            Caller caller = signedIn.get();
            currentCaller.signedIn(caller);
            return context.notifyContainerAboutLogin(caller::subject, roleNames(caller.roles()));
        }
        HttpServletResponse guarded = new jakarta.servlet.http.HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws java.io.IOException {
                lockedDown(this);
                super.sendRedirect(location);
            }

            @Override
            public void sendError(int status) throws java.io.IOException {
                lockedDown(this);
                super.sendError(status);
            }
        };
        context.setResponse(guarded);
        AuthenticationStatus status;
        try {
            status = openId().validateRequest(request, guarded, context);
        } catch (RuntimeException emptyContext) {
            // a session whose sign-in was made on another instance and has since lapsed: Jakarta Security's own
            // OpenID context arrives here empty. Start over with a fresh session and a fresh sign-in.
            request.getSession().invalidate();
            try {
                guarded.sendRedirect(request.getRequestURI());
            } catch (IOException e) {
                throw new AuthenticationException(e);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        } finally {
            context.setResponse(response);
        }
        if (status == AuthenticationStatus.SUCCESS) {
            signedInThroughBrowser(request);
        }
        return status;
    }

    @Override
    public AuthenticationStatus secureResponse(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        if (request.getHeader("Authorization") != null || isApi(request)) {
            return AuthenticationStatus.SUCCESS;
        }
        return openId().secureResponse(request, response, context);
    }

    /**
     * The strictest headers, for the responses this mechanism writes itself (the redirect to Keycloak, a refused
     * token): those may never reach the request filter that sets the headers of everything else.
     */
    private static void lockedDown(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!isApi(request)) {
            openId().cleanSubject(request, response, context);
        }
    }

    private AuthenticationStatus bearer(
            String token, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            Caller caller = realm.verifier().verify(token);
            currentCaller.signedIn(caller);
            return context.notifyContainerAboutLogin(caller::subject, roleNames(caller.roles()));
        } catch (Refusal refusal) {
            return refuse(refusal, request, response);
        }
    }

    /** A sign-in just completed: the session keeps its tokens (see {@link BrowserSignIn}). */
    private void signedInThroughBrowser(HttpServletRequest request) {
        OpenIdContext openId = CDI.current().select(OpenIdContext.class).get();
        String accessToken = openId.getAccessToken().getToken();
        browserSignIn.remember(
                request.getSession(),
                accessToken,
                openId.getRefreshToken().map(t -> t.getToken()).orElse(null));
        try {
            currentCaller.signedIn(realm.verifier().verify(accessToken));
        } catch (Refusal refusal) {
            // a token already expired on arrival: pages see an anonymous caller until the next sign-in
        }
    }

    private AuthenticationStatus refuse(Refusal refusal, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Request-Id", requestIdentifier.identify(request));
        BoundaryRefusals.answered(request, request.getRequestURI(), refusal);
        try {
            lockedDown(response);
            response.setStatus(refusal.rule().status());
            response.setHeader("WWW-Authenticate", BearerChallenge.of(refusal));
            response.setContentType(ProblemDocument.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ProblemDocument.of(refusal, request.getRequestURI()));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Set<String> roleNames(Set<Role> roles) {
        return roles.stream().map(Role::roleName).collect(Collectors.toSet());
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/health")
                || path.startsWith("/metrics")
                || path.startsWith("/openapi");
    }

    private static HttpAuthenticationMechanism openId() {
        return CDI.current()
                .select(org.glassfish.soteria.mechanisms.OpenIdAuthenticationMechanism.class)
                .get();
    }
}
