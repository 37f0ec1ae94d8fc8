package org.conclave.platform.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import org.conclave.audit.control.RefusedRequests;
import org.conclave.platform.entity.Refusal;

/**
 * Hands every refusal answered at the web boundary (the REST layer, the container's error page, the bearer-token
 * check) to {@link RefusedRequests}, which records those that no service has recorded.
 */
public final class BoundaryRefusals {

    private BoundaryRefusals() {}

    /** {@code requestUri}: the request's URI as sent (not decoded), context path included. */
    public static void answered(HttpServletRequest request, String requestUri, Refusal refusal) {
        String context = request.getContextPath();
        String path = requestUri == null
                ? null
                : requestUri.startsWith(context) ? requestUri.substring(context.length()) : requestUri;
        CDI.current().select(RefusedRequests.class).get().refused(request.getMethod(), path, refusal);
    }
}
