package org.conclave.platform.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/** The request being served: its id (for correlating logs and audit events) and the client's address. */
@RequestScoped
public class RequestContext {

    private String requestId = UUID.randomUUID().toString();
    private String clientAddress;

    public void identify(String requestId, String clientAddress) {
        if (requestId != null) {
            this.requestId = requestId;
        }
        this.clientAddress = clientAddress;
    }

    public String requestId() {
        return requestId;
    }

    public Optional<String> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }
}
