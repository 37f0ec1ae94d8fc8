package org.conclave.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.platform.entity.Refusal;

/**
 * Refused attempts to change something that no service recorded, because the request was refused before it reached
 * the rule guarding the action: no token or a bad one, a body that is not JSON or breaks the schema, a body too
 * large, a method or a path that does not exist. Each is recorded once, as {@code api.request} with the rule, the
 * method and the path as sent (percent-encoded, cut at {@value #PATH_LIMIT} characters); a refusal the refusing
 * service already recorded is not recorded again. Refused reads are left to the services, which record those that
 * matter (a missing role, someone else's object).
 */
@ApplicationScoped
public class RefusedRequests {

    static final String ACTION = "api.request";
    static final int PATH_LIMIT = 256;

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class.getName());
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    RefusalRecorder refusals;

    @Inject
    AuditTrail trail;

    /**
     * Records the refusal of a request to the application (path relative to it), if it is one to record. A failure
     * to record is logged and does not change the answer: the caller still learns what was refused and why.
     */
    public void refused(String method, String path, Refusal refusal) {
        if (!toRecord(method, path, refusal)) {
            return;
        }
        try {
            refusals.refuse(entry(method, path, refusal), trail.currentActor(), refusal);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a refused request could not be recorded in the audit log", e);
        }
    }

    /** A refused (4xx) request to change something through the API that no service recorded yet. */
    static boolean toRecord(String method, String path, Refusal refusal) {
        int status = refusal.rule().status();
        return !refusal.recorded()
                && status >= 400
                && status < 500
                && method != null
                && CHANGING.contains(method.toUpperCase(Locale.ROOT))
                && path != null
                && (path.equals("/api") || path.startsWith("/api/"));
    }

    static AuditEntry entry(String method, String path, Refusal refusal) {
        return AuditEntry.refused(ACTION, refusal.rule().name())
                .detail("method", method.toUpperCase(Locale.ROOT))
                .detail("path", path.length() > PATH_LIMIT ? path.substring(0, PATH_LIMIT) + "..." : path);
    }
}
