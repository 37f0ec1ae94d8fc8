package org.conclave.platform.entity;

import java.util.Objects;

/**
 * A rule a request can break, named so that a security officer reading a refusal knows which one:
 * {@code urn:conclave:problem:<name>} is the problem type, {@code status} the HTTP status it is answered with.
 */
public record Rule(String name, int status, String title) {

    public static final String TYPE_PREFIX = "urn:conclave:problem:";

    public static final Rule UNAUTHENTICATED = new Rule("unauthenticated", 401, "Authentication required");
    public static final Rule INVALID_TOKEN = new Rule("invalid-token", 401, "The access token is not acceptable");
    public static final Rule FORBIDDEN = new Rule("forbidden", 403, "Not allowed for your role");
    public static final Rule NOT_FOUND = new Rule("not-found", 404, "No such resource");
    public static final Rule METHOD_NOT_ALLOWED = new Rule("method-not-allowed", 405, "Method not allowed");
    public static final Rule NOT_ACCEPTABLE = new Rule("not-acceptable", 406, "Representation not available");
    public static final Rule UNSUPPORTED_MEDIA_TYPE = new Rule("unsupported-media-type", 415, "Send application/json");
    public static final Rule MALFORMED_REQUEST = new Rule("malformed-request", 400, "The request could not be read");
    public static final Rule INVALID_INPUT = new Rule("invalid-input", 400, "The request is not valid");
    public static final Rule PAYLOAD_TOO_LARGE = new Rule("payload-too-large", 413, "The request is too large");
    public static final Rule CONCURRENT_CHANGE =
            new Rule("concurrent-change", 409, "Someone changed this at the same time: reload and try again");
    public static final Rule INTERNAL = new Rule("internal", 500, "Conclave could not complete the request");

    public Rule {
        Objects.requireNonNull(name);
        Objects.requireNonNull(title);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refusal is a 4xx or 5xx status: " + status);
        }
    }

    public String type() {
        return TYPE_PREFIX + name;
    }
}
