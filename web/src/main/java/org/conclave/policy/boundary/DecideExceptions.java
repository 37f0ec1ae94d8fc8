package org.conclave.policy.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.policy.control.PolicyExceptions;

/**
 * Open requests to weaken one setting of one meeting for a limited time; an admin other than the requester
 * approves or rejects each (the policy service enforces the four-eyes rule and the longest duration).
 */
@Named
@ViewScoped
public class DecideExceptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An open exception request. */
    public record Request(
            String id, String meetingId, String setting, String value, String justification, Instant expiresAt)
            implements Serializable {}

    @Inject
    Access access;

    @Inject
    PolicyExceptions exceptions;

    private List<Request> open;

    public List<Request> getOpen() {
        if (open == null) {
            access.require("policy.exception-list", Role.ADMIN);
            open = exceptions.open().stream()
                    .map(e -> new Request(
                            e.id(),
                            e.meetingId(),
                            SettingTexts.label(e.setting()),
                            SettingTexts.value(e.setting().toWire(e.allowedValue())),
                            e.justification(),
                            e.expiresAt()))
                    .toList();
        }
        return open;
    }

    public void approve(String id) {
        decide(id, true);
    }

    public void reject(String id) {
        decide(id, false);
    }

    private void decide(String id, boolean approve) {
        Caller admin = access.requireWithSecondFactor("policy.exception-decide", Role.ADMIN);
        if (PageMessages.attempt(() -> exceptions.decide(admin, id, approve)).isPresent()) {
            PageMessages.info(approve ? "exception.approved" : "exception.rejected");
        }
        open = null;
    }
}
