package org.conclave.admission.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.conclave.admission.entity.Admission;
import org.conclave.admission.entity.AdmissionDecision;
import org.conclave.admission.entity.AdmissionFacts;
import org.conclave.admission.entity.AdmissionFacts.PasscodeCheck;
import org.conclave.admission.entity.AdmissionFacts.RegistrationStatus;
import org.conclave.admission.entity.AdmissionResult;
import org.conclave.admission.entity.AdmissionRules;
import org.conclave.admission.entity.Ban;
import org.conclave.admission.entity.RenewalFacts;
import org.conclave.admission.entity.VideoPlatform;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.control.PasscodeHasher;
import org.conclave.meeting.control.Registrations;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.MeetingRules;
import org.conclave.meeting.entity.Registration;
import org.conclave.platform.control.Ids;
import org.conclave.platform.control.JsonText;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.conclave.policy.control.PolicyDrift;
import org.conclave.policy.entity.PolicySettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The front desk of every meeting: gathers the facts, lets {@link AdmissionPolicy} decide, records the admission
 * and its audit event in one transaction, and hands out join tokens; renews them for people already inside.
 */
@Stateless
public class AdmissionDesk {

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    Registrations registrations;

    @Inject
    PolicyDrift drift;

    @Inject
    PasscodeHasher hasher;

    @Inject
    PasscodeThrottle throttle;

    @Inject
    JitsiTokens tokens;

    @Inject
    VideoPlatforms platforms;

    @Inject
    AuditTrail trail;

    @Inject
    Access access;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "conclave.admission.join-window-minutes", defaultValue = "15")
    long joinWindowMinutes;

    public AdmissionResult admit(Caller caller, String meetingId, Optional<String> passcode) {
        Meeting meeting = meetings.visible(caller, meetingId);
        boolean host = meeting.isManagedBy(caller.subject());
        Instant now = clock.instant();
        PasscodeCheck passcodeCheck = PasscodeCheck.NOT_REQUIRED;
        Duration wait = Duration.ZERO;
        if (!host && meeting.policy().passcodeRequired()) {
            PasscodeThrottle.Try attempt = throttle.take(meeting.id(), caller.subject());
            wait = attempt.waitFor();
            passcodeCheck = PasscodeCheck.NOT_CHECKED;
            if (attempt.allowed()) {
                passcodeCheck = passcodeCheck(meeting, passcode);
                if (passcodeCheck != PasscodeCheck.WRONG) {
                    throttle.giveBack(meeting.id(), caller.subject(), attempt.at());
                }
            }
        }
        VideoPlatform platform = platforms.current();
        java.util.List<org.conclave.policy.entity.PolicySetting> lacking = platform.lacks(meeting.policy());
        AdmissionFacts facts = new AdmissionFacts(
                meeting.isScheduled(),
                !drift.of(meeting).isEmpty(),
                lacking.isEmpty(),
                now,
                meeting.start().toInstant(),
                meeting.end(),
                Duration.ofMinutes(joinWindowMinutes),
                banned(meeting, caller.subject()),
                host,
                meeting.policy().registrationRequired(),
                registration(caller, meeting),
                organisationAllowed(meeting, caller),
                meeting.policy().participant2faRequired(),
                caller.usedSecondFactor(),
                passcodeCheck,
                wait,
                meeting.isLocked(),
                meeting.hostPresent(),
                meeting.policy().joinBeforeHost(),
                meeting.policy().waitingRoom());
        AdmissionDecision decision = AdmissionPolicy.decide(facts);
        if (decision instanceof AdmissionDecision.Refuse refuse) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            refuse.retryAfter().ifPresent(d -> extensions.put("retryAfterSeconds", Math.max(1, d.toSeconds())));
            if (refuse.rule() == AdmissionRules.SECOND_FACTOR_REQUIRED) {
                extensions.put("requiredAuthentication", "otp");
            }
            if (refuse.rule() == AdmissionRules.PLATFORM_POSTURE) {
                extensions.put(
                        "settings", lacking.stream().map(p -> p.wireKey()).toList());
                extensions.put(
                        "controls",
                        lacking.stream()
                                .flatMap(p -> p.controls().stream())
                                .distinct()
                                .toList());
            }
            throw access.refuse(
                    AuditEntry.refused("admission.request", refuse.rule().name())
                            .target("meeting", meeting.id()),
                    new Refusal(refuse.rule(), refuse.detail(), extensions));
        }
        boolean waiting = decision instanceof AdmissionDecision.Wait;
        Admission admission = new Admission(
                Ids.random(),
                meeting.id(),
                caller.subject(),
                caller.username(),
                waiting,
                caller.usedSecondFactor(),
                now);
        em.persist(admission);
        if (host) {
            meeting.hostJoined(now);
        }
        trail.record(AuditEntry.allowed("admission.request")
                .target("meeting", meeting.id())
                .detail("admission", admission.id())
                .detail("state", admission.state())
                .detail("host", host)
                .detail("secondFactor", caller.usedSecondFactor()));
        return new AdmissionResult(
                admission,
                waiting ? Optional.empty() : Optional.of(tokens.issue(meeting, caller, host, platform.baseUrl())));
    }

    /** Who is waiting in the meeting's lobby, for its host (anyone else's refusal is audited). */
    public java.util.List<Admission> waiting(Caller host, String meetingId) {
        Meeting meeting = meetings.managed(host, meetingId, "admission.list");
        return em.createNamedQuery(Admission.WAITING, Admission.class)
                .setParameter("meeting", meeting.id())
                .getResultList();
    }

    /** The host lets someone in from the waiting room, or turns them away. */
    public Admission decide(Caller host, String meetingId, String admissionId, boolean admit) {
        Meeting meeting = meetings.managed(host, meetingId, "admission.decide");
        Admission admission = find(meeting, admissionId);
        em.lock(admission, LockModeType.PESSIMISTIC_WRITE);
        if (!admission.isWaiting()) {
            throw access.refuse(
                    AuditEntry.refused("admission.decide", MeetingRules.ALREADY_DECIDED.name())
                            .target("meeting", meeting.id()),
                    new Refusal(MeetingRules.ALREADY_DECIDED, "this admission is " + admission.state()));
        }
        admission.decide(admit, host.subject(), clock.instant());
        trail.record(AuditEntry.allowed("admission.decide")
                .target("meeting", meeting.id())
                .detail("admission", admission.id())
                .detail("participant", admission.subject())
                .detail("decision", admission.state()));
        return admission;
    }

    /** Where the caller's own admission stands; once admitted, with a token (which is a renewal). */
    public AdmissionResult status(Caller caller, String meetingId, String admissionId) {
        Meeting meeting = meetings.visible(caller, meetingId);
        Admission admission = find(meeting, admissionId);
        if (!admission.subject().equals(caller.subject())) {
            throw new Refusal(Rule.NOT_FOUND, "no such admission");
        }
        return admission.isAdmitted()
                ? new AdmissionResult(admission, Optional.of(renew(caller, meetingId, admissionId)))
                : new AdmissionResult(admission, Optional.empty());
    }

    /**
     * A fresh token for someone already admitted, without the passcode: while the admission stands (not removed or
     * banned since), the meeting has not ended, and the sign-in has the same second-factor state (the rule:
     * {@link AdmissionPolicy#refuseRenewal}). A lock does not stop renewals. The hot path: one statement reads
     * everything the rule needs ({@link Admission#RENEWAL_FACTS}), one audit row, one signature.
     */
    public org.conclave.admission.entity.JoinToken renew(Caller caller, String meetingId, String admissionId) {
        RenewalFacts facts = renewalFacts(caller, meetingId, admissionId)
                .orElseThrow(() -> new Refusal(Rule.NOT_FOUND, "no such admission"));
        Optional<Rule> refused = AdmissionPolicy.refuseRenewal(facts, caller.usedSecondFactor());
        if (refused.isPresent()) {
            throw access.refuse(
                    AuditEntry.refused("admission.renew", refused.get().name()).target("meeting", facts.meetingId()),
                    new Refusal(
                            refused.get(),
                            "this admission no longer stands: "
                                    + refused.get().title().toLowerCase(java.util.Locale.ROOT)));
        }
        trail.record(AuditEntry.allowed("admission.renew")
                .target("meeting", facts.meetingId())
                .detail("admission", facts.admissionId()));
        return tokens.issue(
                facts.meetingId(),
                facts.policy(),
                facts.recordingFeature(),
                caller,
                facts.host(),
                facts.platformBaseUrl());
    }

    private Optional<RenewalFacts> renewalFacts(Caller caller, String meetingId, String admissionId) {
        if (!Ids.plausible(meetingId) || !Ids.plausible(admissionId)) {
            return Optional.empty();
        }
        java.util.List<?> rows = em.createNamedQuery(Admission.RENEWAL_FACTS)
                .setParameter(1, admissionId)
                .setParameter(2, meetingId)
                .setParameter(3, caller.subject())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new RenewalFacts(
                meetingId,
                admissionId,
                (Boolean) row[0],
                (Boolean) row[1],
                (Boolean) row[3],
                (Boolean) row[2],
                (Boolean) row[4],
                PolicySettings.fromWire(JsonText.read((String) row[5])),
                (Boolean) row[6],
                Objects.requireNonNull((String) row[7], "no video platform is registered")));
    }

    private Admission find(Meeting meeting, String admissionId) {
        Admission admission = Ids.plausible(admissionId) ? em.find(Admission.class, admissionId) : null;
        if (admission == null || !admission.meetingId().equals(meeting.id())) {
            throw new Refusal(Rule.NOT_FOUND, "no such admission");
        }
        return admission;
    }

    private PasscodeCheck passcodeCheck(Meeting meeting, Optional<String> passcode) {
        if (passcode.isEmpty() || passcode.get().isBlank()) {
            return PasscodeCheck.MISSING;
        }
        String given = passcode.get().strip().toUpperCase(java.util.Locale.ROOT);
        boolean right = given.length() <= 64
                && meeting.passcodeHash().map(h -> hasher.matches(given, h)).orElse(false);
        return right ? PasscodeCheck.RIGHT : PasscodeCheck.WRONG;
    }

    boolean banned(Meeting meeting, String subject) {
        return !em.createNamedQuery(Ban.IN_FORCE, Ban.class)
                .setParameter("subject", subject)
                .setParameter("meeting", meeting.id())
                .setParameter("series", meeting.seriesId())
                .setParameter("organisation", meeting.hostOrganisation().orElse(""))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private RegistrationStatus registration(Caller caller, Meeting meeting) {
        return registrations
                .mine(caller, meeting.id())
                .map(Registration::state)
                .map(state -> switch (state) {
                    case pending -> RegistrationStatus.PENDING;
                    case approved -> RegistrationStatus.APPROVED;
                    case denied -> RegistrationStatus.DENIED;
                })
                .orElse(RegistrationStatus.NONE);
    }

    private static boolean organisationAllowed(Meeting meeting, Caller caller) {
        boolean sameOrganisation = meeting.hostOrganisation()
                .orElse("")
                .equals(caller.organisation().orElse(""));
        return sameOrganisation
                || (meeting.sharingLabel().allowsOtherOrganisations()
                        && meeting.policy().otherOrganisationsAllowed());
    }
}
