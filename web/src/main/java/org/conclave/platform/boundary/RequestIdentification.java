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
import org.conclave.platform.control.ForwardedClient;
import org.conclave.platform.control.RequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every request an id (a caller's {@code X-Request-Id} when it is a plain token, else a new UUID) and notes
 * the client address, for the audit log (behind the reverse proxy, the one it forwarded for: see
 * {@link ForwardedClient}); and sets the security headers every response carries (the
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

    /** The reverse proxies whose {@code X-Forwarded-For} is believed (comma-separated addresses; none by default). */
    @Inject
    @ConfigProperty(name = "conclave.trusted-proxies")
    java.util.Optional<String> trustedProxies;

    private ForwardedClient forwarded;

    @Override
    public void init() {
        forwarded = ForwardedClient.trusting(trustedProxies.orElse(""));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = request.getHeader("X-Request-Id");
        context.identify(
                offered != null && PLAIN_ID.matcher(offered).matches() ? offered : null,
                forwarded.address(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
        response.setHeader("X-Request-Id", context.requestId());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy.header());
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
