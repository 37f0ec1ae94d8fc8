package org.conclave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conclave.stack.RunningPortal;
import org.conclave.stack.RunningPortal.Portal;
import org.conclave.testing.Api;
import org.conclave.testing.DemoUser;
import org.conclave.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operators' view on {@code /metrics} (Prometheus text): committed decisions by action, outcome and rule, the
 * audit append latency, unsealed events and the Keycloak ingestion lag; a refused decision counts as refused, with
 * its rule.
 */
@ExtendWith(RunningPortal.class)
class MetricsIT {

    static Api api;
    static Tokens tokens;

    @BeforeAll
    static void connect(Portal running) {
        api = new Api(running.url());
        tokens = new Tokens(running.keycloakUrl());
    }

    @Test
    void decisionsLatencyUnsealedEventsAndIngestionLagAreExposed() throws Exception {
        double before = decisions("policy.baseline-change", "refused", "forbidden");
        assertEquals(
                403,
                api.send("PUT", "/api/policies/SECRET", tokens.withOtp(DemoUser.BOB), "application/json", "{}")
                        .statusCode());
        String metrics = metrics();
        assertEquals(before + 1, decisions("policy.baseline-change", "refused", "forbidden"), 0.0001);
        assertTrue(metrics.contains("conclave_audit_append"), "audit append latency");
        assertTrue(metrics.contains("conclave_audit_unsealed_events"), "unsealed events");
        assertTrue(metrics.contains("conclave_keycloak_ingestion_lag_seconds"), "ingestion lag");
    }

    static String metrics() {
        HttpResponse<String> response = api.get("/metrics", null, "text/plain");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    static double decisions(String action, String outcome, String rule) {
        Matcher line = Pattern.compile("(?m)^conclave_decisions_total\\{([^}]*)\\} ([0-9.E+-]+)$")
                .matcher(metrics());
        double total = 0;
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("action=\"" + action + "\"")
                    && labels.contains("outcome=\"" + outcome + "\"")
                    && labels.contains("rule=\"" + rule + "\"")) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }
}
