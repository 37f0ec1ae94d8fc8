package org.conclave.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.conclave.identity.control.CurrentCaller;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;

/** {@code GET /api/me}: who Conclave thinks you are. */
@Path("me")
@ApplicationScoped
public class MeResource {

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> me() {
        Caller caller = currentCaller.required();
        return Map.of(
                "subject", caller.subject(),
                "username", caller.username(),
                "organisation", caller.organisation().orElse(""),
                "roles", caller.roles().stream().map(Role::roleName).sorted().toList(),
                "amr", caller.amr());
    }
}
