package org.conclave.platform.boundary;

import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/** The {@code WWW-Authenticate} value of a 401 (RFC 6750), telling a client what to do next. */
public final class BearerChallenge {

    private BearerChallenge() {}

    public static String of(Refusal refusal) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"conclave\"");
        if (refusal.rule() == Rule.INVALID_TOKEN) {
            challenge.append(", error=\"invalid_token\"");
        }
        Object acr = refusal.extensions().get("requiredAuthentication");
        if (acr != null) {
            challenge
                    .append(", error=\"insufficient_user_authentication\", acr_values=\"")
                    .append(acr)
                    .append('"');
        }
        if (refusal.detail() != null) {
            challenge
                    .append(", error_description=\"")
                    .append(quoted(refusal.detail()))
                    .append('"');
        }
        return challenge.toString();
    }

    private static String quoted(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?").replace("\\", "\\\\").replace("\"", "'");
    }
}
