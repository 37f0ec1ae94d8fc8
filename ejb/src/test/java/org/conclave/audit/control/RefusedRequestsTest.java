package org.conclave.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.junit.jupiter.api.Test;

class RefusedRequestsTest {

    private static Refusal malformed() {
        return new Refusal(Rule.MALFORMED_REQUEST, "the body is not the JSON this endpoint expects");
    }

    @Test
    void aRefusedAttemptToChangeSomethingThroughTheApiIsRecorded() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "post"}) {
            assertTrue(RefusedRequests.toRecord(method, "/api/meetings", malformed()), method);
        }
        assertTrue(RefusedRequests.toRecord("POST", "/api", new Refusal(Rule.NOT_FOUND, null)));
        assertTrue(RefusedRequests.toRecord("DELETE", "/api/meetings/x", new Refusal(Rule.UNAUTHENTICATED, null)));
    }

    @Test
    void readsPagesServerFaultsAndRefusalsAlreadyRecordedAreNot() {
        assertFalse(RefusedRequests.toRecord("GET", "/api/meetings", malformed()), "a read");
        assertFalse(RefusedRequests.toRecord("HEAD", "/api/meetings", malformed()), "a read");
        assertFalse(RefusedRequests.toRecord("POST", "/app/meetings.xhtml", malformed()), "a page");
        assertFalse(RefusedRequests.toRecord("POST", "/apiary", malformed()), "not under /api");
        assertFalse(RefusedRequests.toRecord("POST", null, malformed()));
        assertFalse(RefusedRequests.toRecord(null, "/api/meetings", malformed()));
        assertFalse(RefusedRequests.toRecord("POST", "/api/meetings", new Refusal(Rule.INTERNAL, null)), "a 500");
        assertFalse(
                RefusedRequests.toRecord("POST", "/api/meetings", malformed().markRecorded()),
                "the service that refused it recorded it");
    }

    @Test
    void theEntryNamesTheRuleTheMethodAndThePathAsSentCutAtItsLimit() {
        AuditEntry entry = RefusedRequests.entry("patch", "/api/meetings/%E2%80%AEevil", malformed());
        assertEquals("api.request", entry.action());
        assertEquals(java.util.Optional.of(Rule.MALFORMED_REQUEST.name()), entry.reason());
        assertEquals(Map.of("method", "PATCH", "path", "/api/meetings/%E2%80%AEevil"), entry.details());

        String path = "/api/meetings/" + "A".repeat(20_000);
        String kept = (String)
                RefusedRequests.entry("POST", path, malformed()).details().get("path");
        assertEquals(RefusedRequests.PATH_LIMIT + 3, kept.length());
        assertTrue(path.startsWith(kept.substring(0, RefusedRequests.PATH_LIMIT)));
        assertTrue(kept.endsWith("..."));
    }
}
