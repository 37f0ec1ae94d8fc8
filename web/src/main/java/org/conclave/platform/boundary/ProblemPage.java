package org.conclave.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * The error page of the web container (web.xml): errors raised before a request reaches the REST layer (a path the
 * container refuses, a method it does not allow, a body over the size limit) are answered as problem+json too.
 * Browsers asking for a page get the portal's error page instead ({@link PortalErrorPage}).
 */
@WebServlet("/problem")
public class ProblemPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        if (status == 501) {
            status = 405; // a method the container has no handler for on this path (e.g. PATCH): not a server fault
        }
        Rule rule =
                switch (status) {
                    case 400 -> Rule.MALFORMED_REQUEST;
                    case 401 -> Rule.UNAUTHENTICATED;
                    case 403 -> Rule.FORBIDDEN;
                    case 405 -> Rule.METHOD_NOT_ALLOWED;
                    case 413 -> Rule.PAYLOAD_TOO_LARGE;
                    default -> status >= 500 ? Rule.INTERNAL : Rule.NOT_FOUND;
                };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (PortalErrorPage.wanted(request, uri == null ? null : uri.toString())) {
            PortalErrorPage.write(request, response, status >= 400 && status < 600 ? status : 404);
            return;
        }
        response.setStatus(status >= 400 && status < 600 ? status : 404);
        BoundaryRefusals.answered(request, uri == null ? null : uri.toString(), new Refusal(rule, null));
        response.setContentType(ProblemDocument.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemDocument.of(rule, null, uri == null ? null : uri.toString(), Map.of()));
    }
}
