package org.conclave.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.control.RefusalRecorder;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * Who may attempt a governed action: the caller must hold one of the roles, and for privileged actions must have
 * signed in with a second factor. Every refusal here is audited with the action it refused.
 */
@ApplicationScoped
public class Access {

    public static final Rule SECOND_FACTOR_REQUIRED =
            new Rule("second-factor-required", 401, "Sign in again with your one-time password");

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail trail;

    @Inject
    RefusalRecorder refusals;

    /** The caller, if they hold one of {@code roles}; otherwise an audited 401/403 refusal of {@code action}. */
    public Caller require(String action, Role... roles) {
        return require(AuditEntry.refused(action, Rule.FORBIDDEN.name()), false, roles);
    }

    /** As {@link #require}, and the caller's sign-in must have included a one-time password. */
    public Caller requireWithSecondFactor(String action, Role... roles) {
        return require(AuditEntry.refused(action, Rule.FORBIDDEN.name()), true, roles);
    }

    /** As {@link #requireWithSecondFactor}, for an action on a known target (named in the audited refusal). */
    public Caller requireWithSecondFactor(String action, String targetType, String targetId, Role... roles) {
        String target = Ids.plausible(targetId) ? targetId : null;
        return require(AuditEntry.refused(action, Rule.FORBIDDEN.name()).target(targetType, target), true, roles);
    }

    private Caller require(AuditEntry refusal, boolean secondFactor, Role... roles) {
        Caller caller = currentCaller.required();
        if (Arrays.stream(roles).noneMatch(caller::has)) {
            String needed =
                    String.join(" or ", Arrays.stream(roles).map(Role::roleName).toList());
            throw refuse(refusal, new Refusal(Rule.FORBIDDEN, "this needs the role " + needed));
        }
        if (secondFactor && !caller.usedSecondFactor()) {
            throw refuse(
                    refusal.reason(SECOND_FACTOR_REQUIRED.name()),
                    new Refusal(
                            SECOND_FACTOR_REQUIRED,
                            "this action needs a sign-in with a one-time password (amr otp)",
                            Map.of("requiredAuthentication", "otp")));
        }
        return caller;
    }

    /** Audits the refusal in its own transaction and returns it for throwing. */
    public Refusal refuse(AuditEntry entry, Refusal refusal) {
        return refusals.refuse(entry, trail.currentActor(), refusal);
    }
}
