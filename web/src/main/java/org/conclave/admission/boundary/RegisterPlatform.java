package org.conclave.admission.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.conclave.admission.control.VideoPlatforms;
import org.conclave.admission.entity.VideoPlatform;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.PageMessages;

/**
 * The admin registering the video platform and the posture it declares (end-to-end encryption, on-premise TURN, an
 * on-premise recording store); meetings whose policy requires what the platform lacks are not admitted.
 */
@Named
@ViewScoped
public class RegisterPlatform implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Access access;

    @Inject
    VideoPlatforms platforms;

    private String kind;
    private String baseUrl;
    private boolean e2eeCapable;
    private boolean onPremiseTurn;
    private boolean onPremiseRecordingStore;

    public void load() {
        access.require("platform.read", Role.ADMIN);
        show(platforms.current());
    }

    public void register() {
        Caller admin = access.requireWithSecondFactor("platform.register", Role.ADMIN);
        PageMessages.attempt(() -> platforms.register(
                        admin,
                        baseUrl == null ? "" : baseUrl.strip(),
                        e2eeCapable,
                        onPremiseTurn,
                        onPremiseRecordingStore))
                .ifPresent(p -> {
                    show(p);
                    PageMessages.info("platform.saved");
                });
    }

    private void show(VideoPlatform platform) {
        kind = platform.kind();
        baseUrl = platform.baseUrl();
        e2eeCapable = platform.e2eeCapable();
        onPremiseTurn = platform.onPremiseTurn();
        onPremiseRecordingStore = platform.onPremiseRecordingStore();
    }

    public String getKind() {
        return kind;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public boolean isE2eeCapable() {
        return e2eeCapable;
    }

    public void setE2eeCapable(boolean e2eeCapable) {
        this.e2eeCapable = e2eeCapable;
    }

    public boolean isOnPremiseTurn() {
        return onPremiseTurn;
    }

    public void setOnPremiseTurn(boolean onPremiseTurn) {
        this.onPremiseTurn = onPremiseTurn;
    }

    public boolean isOnPremiseRecordingStore() {
        return onPremiseRecordingStore;
    }

    public void setOnPremiseRecordingStore(boolean onPremiseRecordingStore) {
        this.onPremiseRecordingStore = onPremiseRecordingStore;
    }
}
