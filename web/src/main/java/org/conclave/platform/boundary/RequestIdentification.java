package org.conclave.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.conclave.platform.control.RequestContext;

/**
 * Gives every request an id (a caller's {@code X-Request-Id} when it is a plain token, else a new UUID) and notes
 * the client address, for the audit log; and sets the security headers every response carries (the
 * Content-Security-Policy is {@link ContentSecurityPolicy}'s).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdentification extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Inject
    RequestContext context;

    @Inject
    ContentSecurityPolicy contentSecurityPolicy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = request.getHeader("X-Request-Id");
        context.identify(
                offered != null && PLAIN_ID.matcher(offered).matches() ? offered : null, request.getRemoteAddr());
        response.setHeader("X-Request-Id", context.requestId());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy.header());
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
