package org.conclave.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.conclave.identity.entity.Caller;

/** Which audit targets a host may read: the meetings they host (none until scheduling is in place). */
@ApplicationScoped
public class VisibleAuditTargets {

    public List<String> hostedBy(Caller host) {
        return List.of();
    }
}
