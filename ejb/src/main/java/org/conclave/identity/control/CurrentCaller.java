package org.conclave.identity.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.conclave.identity.entity.Caller;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/** The caller of the current request, set once by the authentication mechanism. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void signedIn(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    /** The caller, or a 401 refusal for anonymous requests. */
    public Caller required() {
        return get().orElseThrow(() -> new Refusal(Rule.UNAUTHENTICATED, "sign in first"));
    }
}
