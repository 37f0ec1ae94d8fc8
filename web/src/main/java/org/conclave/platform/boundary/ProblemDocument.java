package org.conclave.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/** An RFC 9457 problem document: the one shape of every error Conclave answers with. */
public final class ProblemDocument {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Jsonb JSON = JsonbBuilder.create();

    private ProblemDocument() {}

    public static String of(Refusal refusal, String instance) {
        return of(refusal.rule(), refusal.detail(), instance, refusal.extensions());
    }

    public static String of(Rule rule, String detail, String instance, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", rule.type());
        body.put("title", rule.title());
        body.put("status", rule.status());
        body.put("rule", rule.name());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        extensions.forEach(body::putIfAbsent);
        return JSON.toJson(body);
    }
}
