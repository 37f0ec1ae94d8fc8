package org.conclave.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.conclave.platform.control.ForwardedClient;
import org.conclave.platform.control.RequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives the request being served its id (a caller's {@code X-Request-Id} when it is a plain token, else a new UUID)
 * and notes the client address, for the audit log (behind the reverse proxy, the one it forwarded for: see
 * {@link ForwardedClient}). Once per request, by whichever comes first: the bearer-token check, which the container
 * runs before any filter, or {@link RequestIdentification}.
 */
@ApplicationScoped
public class RequestIdentifier {

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final String IDENTIFIED = RequestIdentifier.class.getName() + ".identified";

    @Inject
    RequestContext context;

    /** The reverse proxies whose {@code X-Forwarded-For} is believed (comma-separated addresses; none by default). */
    @Inject
    @ConfigProperty(name = "conclave.trusted-proxies")
    java.util.Optional<String> trustedProxies;

    private ForwardedClient forwarded;

    @PostConstruct
    void init() {
        forwarded = ForwardedClient.trusting(trustedProxies.orElse(""));
    }

    /** Identifies the request, if nothing did yet, and returns its id. */
    public String identify(HttpServletRequest request) {
        if (request.getAttribute(IDENTIFIED) == null) {
            String offered = request.getHeader("X-Request-Id");
            context.identify(
                    offered != null && PLAIN_ID.matcher(offered).matches() ? offered : null,
                    forwarded.address(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
            request.setAttribute(IDENTIFIED, Boolean.TRUE);
        }
        return context.requestId();
    }
}
