package org.conclave.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import org.conclave.identity.control.Access;
import org.conclave.identity.control.CurrentCaller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.entity.Refusal;

/**
 * Who may open which pages: {@code /app/host/} hosts, {@code /app/participant/} participants and hosts,
 * {@code /app/audit/} auditors, {@code /app/admin/} admins. Anyone else gets the 403 page, and the refusal is
 * audited like any other. The beans still check each action themselves (the same {@link Access} calls as the API).
 * <p>
 * The container has already sent people without a session to Keycloak. A session whose access token has expired
 * is ended and its request sent through Keycloak again (single sign-on, usually without a prompt).
 */
@WebFilter(urlPatterns = "/app/*")
public class PageAccess extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** A session this young that already lacks a valid token is not sent round again (no redirect loop). */
    private static final long FRESH_SESSION_MILLIS = 15_000;

    private static final Map<String, Role[]> SECTIONS = Map.of(
            "/app/host/", new Role[] {Role.HOST},
            "/app/participant/", new Role[] {Role.PARTICIPANT, Role.HOST},
            "/app/audit/", new Role[] {Role.AUDITOR},
            "/app/admin/", new Role[] {Role.ADMIN});

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Access access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (currentCaller.get().isEmpty()) {
            signInAgain(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (var section : SECTIONS.entrySet()) {
            if (path.startsWith(section.getKey())) {
                try {
                    access.require("page." + section.getKey().split("/")[2], section.getValue());
                } catch (Refusal refusal) {
                    response.sendError(refusal.rule().status());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void signInAgain(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        boolean fresh =
                session != null && System.currentTimeMillis() - session.getCreationTime() < FRESH_SESSION_MILLIS;
        if (fresh) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        boolean get = "GET".equals(request.getMethod());
        String query = request.getQueryString();
        response.sendRedirect(
                get
                        ? request.getRequestURI() + (query == null ? "" : "?" + query)
                        : request.getContextPath() + "/app/");
    }
}
