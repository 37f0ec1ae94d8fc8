package org.conclave.admission.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.conclave.policy.entity.PolicySetting;
import org.conclave.policy.entity.PolicySettings;

/**
 * The organisation's video platform and the security posture it declares. A meeting whose policy requires a posture
 * the platform lacks is not admitted.
 */
@Entity
@Table(name = "video_platform")
public class VideoPlatform {

    public static final String JITSI = "jitsi";

    @Id
    private String id;

    private String kind;

    @Column(name = "base_url")
    private String baseUrl;

    @Column(name = "e2ee_capable")
    private boolean e2eeCapable;

    @Column(name = "on_premise_turn")
    private boolean onPremiseTurn;

    @Column(name = "on_premise_recording_store")
    private boolean onPremiseRecordingStore;

    @Column(name = "registered_at")
    private OffsetDateTime registeredAt;

    @Column(name = "registered_by")
    private String registeredBy;

    protected VideoPlatform() {}

    public void register(String baseUrl, boolean e2ee, boolean turn, boolean recordingStore, String by, Instant at) {
        this.baseUrl = baseUrl;
        this.e2eeCapable = e2ee;
        this.onPremiseTurn = turn;
        this.onPremiseRecordingStore = recordingStore;
        this.registeredBy = by;
        this.registeredAt = at.atOffset(ZoneOffset.UTC);
    }

    /** The posture settings the policy requires and this platform lacks (empty when it qualifies). */
    public List<PolicySetting> lacks(PolicySettings policy) {
        List<PolicySetting> missing = new ArrayList<>();
        if (policy.requireE2ee() && !e2eeCapable) {
            missing.add(PolicySetting.REQUIRE_E2EE);
        }
        if (policy.requireOnPremiseTurn() && !onPremiseTurn) {
            missing.add(PolicySetting.REQUIRE_ON_PREMISE_TURN);
        }
        if (policy.requireOnPremiseRecordingStore() && !onPremiseRecordingStore) {
            missing.add(PolicySetting.REQUIRE_ON_PREMISE_RECORDING_STORE);
        }
        return missing;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public boolean e2eeCapable() {
        return e2eeCapable;
    }

    public boolean onPremiseTurn() {
        return onPremiseTurn;
    }

    public boolean onPremiseRecordingStore() {
        return onPremiseRecordingStore;
    }
}
