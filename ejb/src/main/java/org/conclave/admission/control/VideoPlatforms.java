package org.conclave.admission.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import org.conclave.admission.entity.VideoPlatform;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.entity.Caller;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * The registered video platform (the {@code VideoPlatform} port has one adapter today: Jitsi Meet) and its posture;
 * admins register it, every change audited.
 */
@Stateless
public class VideoPlatforms {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    public VideoPlatform current() {
        return em.find(VideoPlatform.class, VideoPlatform.JITSI);
    }

    public VideoPlatform register(Caller admin, String baseUrl, boolean e2ee, boolean turn, boolean recordingStore) {
        URI url;
        try {
            url = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null || !"https".equals(url.getScheme()) || url.getHost() == null || url.getQuery() != null) {
            throw new Refusal(Rule.INVALID_INPUT, "'baseUrl' must be an https URL without a query");
        }
        VideoPlatform platform = em.find(VideoPlatform.class, VideoPlatform.JITSI, LockModeType.PESSIMISTIC_WRITE);
        platform.register(baseUrl.replaceAll("/+$", ""), e2ee, turn, recordingStore, admin.username(), clock.instant());
        trail.record(AuditEntry.allowed("platform.register")
                .target("platform", platform.id())
                .detail("e2eeCapable", e2ee)
                .detail("onPremiseTurn", turn)
                .detail("onPremiseRecordingStore", recordingStore));
        return platform;
    }
}
