package org.conclave.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Identifies every request ({@link RequestIdentifier}) and sets the security headers every response carries (the
 * Content-Security-Policy is {@link ContentSecurityPolicy}'s).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdentification extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestIdentifier identifier;

    @Inject
    ContentSecurityPolicy contentSecurityPolicy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Request-Id", identifier.identify(request));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy.header());
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
