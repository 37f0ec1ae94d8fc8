package org.conclave.compliance.entity;

import static org.conclave.compliance.entity.AuditTally.Outcome.ALLOWED;
import static org.conclave.compliance.entity.AuditTally.Outcome.ANY;
import static org.conclave.compliance.entity.AuditTally.Outcome.REFUSED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Which records evidence which control: for every in-scope ISO/IEC 27002:2022 control and ISO/IEC 27010 clause, the
 * figures read from the period's audit tally and the portal's facts. A control's evidence count is the number of
 * audit events its figures count (or, for controls evidenced by the portal's state, the records of that state).
 * Rows whose promised evidence Conclave does not collect are reported as not collected, never padded.
 */
public final class EvidenceMap {

    /** Catalog rows whose evidence Conclave does not collect yet (reported as not evidenced). */
    public static final List<String> NOT_COLLECTED = List.of("8.11", "8.17");

    private final AuditTally tally;
    private final PortalFacts facts;

    public EvidenceMap(AuditTally tally, PortalFacts facts) {
        this.tally = tally;
        this.facts = facts;
    }

    public List<Evidence> controls() {
        List<Evidence> all = new ArrayList<>();
        all.add(control("5.1")
                .events("Baseline changes", "policy.baseline-change", ALLOWED)
                .fact("Baselines in force", facts.baselinesInForce(), true)
                .done());
        all.add(control("5.2")
                .fact("Hosts", facts.roleHolders().getOrDefault("host", 0L), true)
                .fact("Auditors", facts.roleHolders().getOrDefault("auditor", 0L), true)
                .fact("Admins", facts.roleHolders().getOrDefault("admin", 0L), true)
                .done());
        all.add(control("5.3")
                .fact(
                        "Users holding admin and auditor",
                        facts.conflictingRoles().size(),
                        false)
                .events("Refused decisions on one's own request", r -> r.reason()
                        .equals("segregation-of-duties"))
                .events(
                        "Role refusals (forbidden)",
                        r -> r.outcome().equals("refused") && r.reason().equals("forbidden"))
                .examples(facts.conflictingRoles())
                .done());
        all.add(control("5.9")
                .fact("Meetings in the period", facts.meetings(), true)
                .fact("Recordings kept", facts.recordingsFinished(), true)
                .done());
        all.add(control("5.10")
                .events("Refused weakenings of a baseline", r -> r.reason().equals("policy-weakens-baseline"))
                .events("Recordings refused by policy", r -> r.reason().equals("recording-forbidden"))
                .events("Meetings scheduled under the limits", "meeting.schedule", ALLOWED)
                .done());
        all.add(control("5.12")
                .perKey("Meetings classified", facts.meetingsByClassification(), true)
                .events("Refused attempts to weaken a classification's baseline", r -> r.reason()
                        .equals("weakens-baseline"))
                .done());
        all.add(control("5.13")
                .perKey("Meetings labelled TLP:", facts.meetingsByLabel(), true)
                .done());
        all.add(control("5.14")
                .events("Join tokens issued (admissions)", "admission.request", ALLOWED)
                .events("Join tokens renewed", "admission.renew", ALLOWED)
                .events("Recording downloads", "recording.download", ALLOWED)
                .done());
        all.add(control("5.15")
                .events("Admissions granted", "admission.request", ALLOWED)
                .events("Admissions refused", "admission.request", REFUSED)
                .byReason("Admissions refused: ", "admission.request")
                .events("Lobby decisions", "admission.decide", ALLOWED)
                .events("Registration decisions", "registration.decide", ALLOWED)
                .events("Object-level refusals", EvidenceMap::objectRefusal)
                .done());
        all.add(control("5.16")
                .events("Account administration (Keycloak)", "keycloak.admin.user.*", ANY)
                .done());
        all.add(control("5.17")
                .events("Credential and TOTP updates (Keycloak)", r -> r.action()
                        .startsWith("keycloak.update-"))
                .events("Passcodes issued or rotated", "meeting.passcode-rotate", ALLOWED)
                .fact("Passcode hashing", facts.cryptography().getOrDefault("passcodes", "-"))
                .done());
        all.add(control("5.18")
                .events("Role grants and revocations (Keycloak)", "keycloak.admin.realm-role-mapping.*", ANY)
                .events("Registration approvals", "registration.decide", ALLOWED)
                .events("Removals with a ban", "meeting.remove", ALLOWED)
                .events("Bans lifted", "ban.lift", ALLOWED)
                .done());
        all.add(control("5.24")
                .fact(
                        "Event types recorded in the period",
                        tally.rows().stream()
                                .map(AuditTally.Row::action)
                                .distinct()
                                .count(),
                        true)
                .fact("Auditors receiving them", facts.roleHolders().getOrDefault("auditor", 0L), false)
                .done());
        all.add(control("5.25")
                .events(
                        "Refused actions",
                        r -> r.outcome().equals("refused") && !r.action().startsWith("alert."))
                .events("Failed sign-ins (Keycloak)", "keycloak.login-error", ANY)
                .events("Alerts raised", "alert.*", ANY)
                .done());
        all.add(control("5.26")
                .events("Participants removed and banned", "meeting.remove", ALLOWED)
                .events("Rooms locked", "meeting.lock", ALLOWED)
                .events("Meetings ended", "meeting.end", ALLOWED)
                .events(
                        "Accounts disabled or deleted (Keycloak)",
                        r -> r.action().startsWith("keycloak.admin.user.")
                                && (r.action().endsWith(".update") || r.action().endsWith(".delete")))
                .done());
        all.add(control("5.27")
                .events("Baseline changes", "policy.baseline-change", ALLOWED)
                .done());
        all.add(control("5.28")
                .events("Audit extracts exported", "audit.export", ALLOWED)
                .events("Reports issued", "report.issue", ALLOWED)
                .fact("Signed checkpoints", facts.checkpointsSigned(), false)
                .done());
        all.add(control("5.31")
                .events("Consent answers", r -> r.action().startsWith("recording.consent"))
                .events("Recordings authorised with consent", "recording.authorise", ALLOWED)
                .fact("Consent ledger entries", facts.consentAnswers(), false)
                .done());
        all.add(control("5.33")
                .events("Deletion certificates", "recording.deletion-certificate", ALLOWED)
                .events("Legal holds placed", "recording.legal-hold", ALLOWED)
                .events("Legal holds lifted", "recording.legal-hold-lift", ALLOWED)
                .fact("Legal holds in force", facts.legalHoldsActive(), false)
                .fact("Recordings awaiting their deletion date", facts.recordingsPendingDeletion(), false)
                .done());
        all.add(control("5.34")
                .events("Consent answers", r -> r.action().startsWith("recording.consent"))
                .events("Recordings deleted at expiry", "recording.deletion-certificate", ALLOWED)
                .events("Personal data erased from the audit log", "audit.personal-data-erase", ALLOWED)
                .events("Consent breaches", "alert.consent-breach", ANY)
                .done());
        all.add(control("5.35")
                .events("Audit extracts exported", "audit.export", ALLOWED)
                .fact("Signed checkpoints", facts.checkpointsSigned(), true)
                .done());
        all.add(control("5.36")
                .events("Refused deviations from a baseline", r -> r.reason().equals("policy-weakens-baseline"))
                .events("Exceptions decided", "policy.exception-decide", ALLOWED)
                .events("Meetings realigned with their baseline", "policy.drift-realign", ALLOWED)
                .done());
        all.add(control("6.7")
                .events("Sign-ins (Keycloak)", "keycloak.login", ALLOWED)
                .fact("Join token lifetime", facts.cryptography().getOrDefault("join-token-lifetime", "-"))
                .done());
        all.add(control("6.8")
                .events("Alerts raised by the system", "alert.*", ANY)
                .done());
        all.add(control("8.2")
                .fact("Admins", facts.roleHolders().getOrDefault("admin", 0L), true)
                .events("Role grants and revocations (Keycloak)", "keycloak.admin.realm-role-mapping.*", ANY)
                .events("Baseline changes by admins", "policy.baseline-change", ALLOWED)
                .events("Platform registrations", "platform.register", ALLOWED)
                .done());
        all.add(control("8.3")
                .events("Object-level refusals", EvidenceMap::objectRefusal)
                .events(
                        "Role refusals",
                        r -> r.outcome().equals("refused") && r.reason().equals("forbidden"))
                .events("Recording downloads allowed", "recording.download", ALLOWED)
                .done());
        all.add(control("8.5")
                .events("Sign-ins (Keycloak)", "keycloak.login", ALLOWED)
                .events("Failed sign-ins (Keycloak)", "keycloak.login-error", ANY)
                .events("Refused for a missing second factor", r -> r.reason().equals("second-factor-required"))
                .fact("Hosts, auditors and admins with TOTP configured", share())
                .done());
        all.add(control("8.9")
                .events("Baseline versions created", "policy.baseline-change", ALLOWED)
                .fact("Baselines in force", facts.baselinesInForce(), true)
                .done());
        all.add(control("8.10")
                .events("Recordings deleted at expiry (certificates)", "recording.deletion-certificate", ALLOWED)
                .fact("Legal holds in force", facts.legalHoldsActive(), false)
                .fact("Recordings awaiting their deletion date", facts.recordingsPendingDeletion(), false)
                .done());
        all.add(Evidence.notCollected("8.11"));
        all.add(control("8.12")
                .events("Recordings refused without full consent", r -> r.reason()
                        .equals("recording-consent-missing"))
                .events("Recordings refused by policy", r -> r.reason().equals("recording-forbidden"))
                .events("Refused weakenings of sharing limits", r -> r.reason().equals("policy-weakens-baseline"))
                .done());
        all.add(control("8.15")
                .perSource()
                .fact(
                        "Event types",
                        tally.rows().stream()
                                .map(AuditTally.Row::action)
                                .distinct()
                                .count(),
                        false)
                .done());
        all.add(control("8.16")
                .events("Alerts raised", "alert.*", ANY)
                .events("Failed sign-ins (Keycloak)", "keycloak.login-error", ANY)
                .done());
        all.add(Evidence.notCollected("8.17"));
        all.add(control("8.18")
                .events("Keycloak admin operations", "keycloak.admin.*", ANY)
                .events("Legal holds", "recording.legal-hold*", ALLOWED)
                .events("Exceptions decided", "policy.exception-decide", ALLOWED)
                .done());
        all.add(control("8.24")
                .events(
                        "Join tokens signed",
                        r -> r.outcome().equals("allowed")
                                && (r.action().equals("admission.request")
                                        || r.action().equals("admission.renew")))
                .fact("Join tokens", facts.cryptography().getOrDefault("join-tokens", "-"))
                .fact("Passcodes", facts.cryptography().getOrDefault("passcodes", "-"))
                .fact("Audit checkpoints", facts.cryptography().getOrDefault("checkpoints", "-"))
                .done());
        all.add(control("8.32")
                .events("Baseline changes", "policy.baseline-change", ALLOWED)
                .events("Platform posture changes", "platform.register", ALLOWED)
                .done());
        all.add(control("8.34")
                .events("Reports requested", "report.request", ALLOWED)
                .events("Reports issued", "report.issue", ALLOWED)
                .events("Audit extracts exported", "audit.export", ALLOWED)
                .done());
        return all;
    }

    public List<Evidence> sharingClauses() {
        List<Evidence> all = new ArrayList<>();
        all.add(control("4.2")
                .events("Registrations", "registration.create", ALLOWED)
                .done());
        all.add(control("4.3")
                .fact("Baselines in force", facts.baselinesInForce(), true)
                .events("Baseline changes", "policy.baseline-change", ALLOWED)
                .done());
        all.add(control("4.4")
                .events("Keycloak admin operations", "keycloak.admin.*", ANY)
                .events("Baseline changes", "policy.baseline-change", ALLOWED)
                .done());
        all.add(control("5.1.1")
                .fact("Baselines in force", facts.baselinesInForce(), true)
                .done());
        all.add(control("8.1.3")
                .events("Refused weakenings of sharing limits", r -> r.reason().equals("policy-weakens-baseline"))
                .events(
                        "Recordings refused",
                        r -> r.action().equals("recording.request")
                                && r.outcome().equals("refused"))
                .done());
        all.add(control("8.2.1")
                .perKey("Meetings classified", facts.meetingsByClassification(), true)
                .done());
        all.add(control("8.4.1")
                .events("Registration approvals", "registration.decide", ALLOWED)
                .events("Join tokens issued", "admission.request", ALLOWED)
                .events("Rooms locked", "meeting.lock", ALLOWED)
                .events("Removals with a ban", "meeting.remove", ALLOWED)
                .done());
        all.add(control("8.4.2")
                .events("Registrations with the handling notice shown", "registration.create", ALLOWED)
                .done());
        all.add(control("8.4.4")
                .events("Recordings deleted at expiry", "recording.deletion-certificate", ALLOWED)
                .events("Meeting changes", "meeting.change", ALLOWED)
                .done());
        all.add(control("8.4.7")
                .events("Recording downloads", "recording.download", ANY)
                .done());
        all.add(control("10.1.1")
                .events("Join tokens signed", "admission.request", ALLOWED)
                .fact("Signed checkpoints", facts.checkpointsSigned(), true)
                .done());
        all.add(control("12.4.1").perSource().done());
        all.add(control("12.7.2")
                .events("Audit extracts exported", "audit.export", ALLOWED)
                .fact("Signed checkpoints", facts.checkpointsSigned(), true)
                .done());
        all.add(control("16.1.2")
                .events("Removals", "meeting.remove", ALLOWED)
                .events("Refused admissions", "admission.request", REFUSED)
                .events("Alerts", "alert.*", ANY)
                .done());
        all.add(control("18.1.1")
                .events("Consent answers", r -> r.action().startsWith("recording.consent"))
                .events("Legal holds", "recording.legal-hold", ALLOWED)
                .fact("Recordings awaiting their deletion date", facts.recordingsPendingDeletion(), true)
                .done());
        all.add(control("18.1.6")
                .events("Admissions", "admission.request", ALLOWED)
                .events("Removals", "meeting.remove", ALLOWED)
                .events("Recordings authorised", "recording.authorise", ALLOWED)
                .done());
        return all;
    }

    private static boolean objectRefusal(AuditTally.Row r) {
        return r.outcome().equals("refused")
                && (r.reason().equals("not-found") || r.reason().equals("not-meeting-manager"));
    }

    private String share() {
        long holders = facts.privilegedUsers();
        long configured = facts.secondFactorConfigured().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return holders == 0
                ? "no privileged users"
                : configured + " of " + holders + " (" + (100 * configured / holders) + " %)";
    }

    private Builder control(String ref) {
        return new Builder(ref);
    }

    private final class Builder {
        private final String ref;
        private final List<Figure> figures = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private long count;

        Builder(String ref) {
            this.ref = ref;
        }

        Builder events(String label, String action, AuditTally.Outcome outcome) {
            return events(label, AuditTally.matching(action, outcome));
        }

        Builder events(String label, Predicate<AuditTally.Row> which) {
            long n = tally.count(which);
            figures.add(Figure.count(label, n));
            count += n;
            return this;
        }

        Builder byReason(String prefix, String action) {
            Map<String, Long> reasons = new TreeMap<>();
            tally.rows().stream()
                    .filter(r -> r.action().equals(action) && r.outcome().equals("refused"))
                    .forEach(r ->
                            reasons.merge(r.reason().isEmpty() ? "unspecified" : r.reason(), r.count(), Long::sum));
            reasons.forEach((reason, n) -> figures.add(Figure.count(prefix + reason, n)));
            return this;
        }

        Builder perSource() {
            Map<String, Long> sources = new TreeMap<>();
            tally.rows().forEach(r -> sources.merge(r.source(), r.count(), Long::sum));
            sources.forEach((source, n) -> figures.add(Figure.count("Events from " + source, n)));
            count += tally.total();
            Map<String, Long> actions = new LinkedHashMap<>();
            tally.rows().stream()
                    .sorted((a, b) -> Long.compare(b.count(), a.count()))
                    .forEach(r -> actions.merge(r.action(), r.count(), Long::sum));
            actions.entrySet().stream().limit(5).forEach(e -> examples.add(e.getKey() + ": " + e.getValue()));
            return this;
        }

        Builder perKey(String prefix, Map<String, Long> values, boolean counted) {
            new TreeMap<>(values).forEach((key, n) -> figures.add(Figure.count(prefix + " " + key, n)));
            if (counted) {
                count += values.values().stream().mapToLong(Long::longValue).sum();
            }
            return this;
        }

        Builder fact(String label, long value, boolean counted) {
            figures.add(Figure.count(label, value));
            if (counted) {
                count += value;
            }
            return this;
        }

        Builder fact(String label, String value) {
            figures.add(new Figure(label, value));
            return this;
        }

        Builder examples(List<String> lines) {
            examples.addAll(lines.stream().limit(5).toList());
            return this;
        }

        Evidence done() {
            return Evidence.of(ref, count, figures, examples);
        }
    }
}
