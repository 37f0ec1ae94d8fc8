package org.conclave.platform.boundary;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * Every exception that leaves a resource becomes one problem+json response: refusals with their rule, framework
 * errors with the matching 4xx, anything unexpected with a 500 that names an incident id and nothing else.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    jakarta.servlet.http.HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        Refusal refusal = cause instanceof Refusal refused
                ? refused
                : new Refusal(ruleFor(cause), detailFor(cause), extensionsFor(cause));
        if (request != null) {
            BoundaryRefusals.answered(request, request.getRequestURI(), refusal);
        }
        return respond(refusal);
    }

    private Response respond(Refusal refusal) {
        Response.ResponseBuilder response = Response.status(refusal.rule().status())
                .type(ProblemDocument.MEDIA_TYPE)
                .entity(ProblemDocument.of(
                        refusal, uri == null ? null : uri.getRequestUri().getPath()));
        Object retryAfter = refusal.extensions().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter.toString());
        }
        if (refusal.rule().status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.of(refusal));
        }
        return response.build();
    }

    private static Throwable unwrap(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException) {
                return new Refusal(
                        Rule.CONCURRENT_CHANGE, "someone changed this at the same time: reload and try again");
            }
        }
        Throwable t = thrown;
        while ((t instanceof EJBException || t instanceof ProcessingException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Rule ruleFor(Throwable t) {
        if (t instanceof NotFoundException) {
            return Rule.NOT_FOUND;
        }
        if (t instanceof NotAllowedException) {
            return Rule.METHOD_NOT_ALLOWED;
        }
        if (t instanceof NotSupportedException) {
            return Rule.UNSUPPORTED_MEDIA_TYPE;
        }
        if (t instanceof NotAcceptableException) {
            return Rule.NOT_ACCEPTABLE;
        }
        if (t instanceof JsonParsingException || t instanceof JsonbException || t instanceof JsonException) {
            return Rule.MALFORMED_REQUEST;
        }
        if (t instanceof ConstraintViolationException) {
            return Rule.INVALID_INPUT;
        }
        if (thrownByJsonParser(t)) {
            return Rule.MALFORMED_REQUEST;
        }
        if (t instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 413) {
                return Rule.PAYLOAD_TOO_LARGE;
            }
            if (status >= 400 && status < 500) {
                return Rule.MALFORMED_REQUEST;
            }
        }
        return Rule.INTERNAL;
    }

    private static String detailFor(Throwable t) {
        if (t instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("invalid input");
        }
        if (t instanceof JsonParsingException
                || t instanceof JsonbException
                || t instanceof JsonException
                || thrownByJsonParser(t)) {
            return "the body is not the JSON this endpoint expects";
        }
        return null;
    }

    /** The JSON parser refuses some input (nesting too deep, numbers too large) with plain runtime exceptions. */
    private static boolean thrownByJsonParser(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.eclipse.parsson.");
    }

    private static Map<String, Object> extensionsFor(Throwable t) {
        if (ruleFor(t) != Rule.INTERNAL) {
            return Map.of();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, t);
        return Map.of("incident", incident);
    }
}
