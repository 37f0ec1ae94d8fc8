package org.conclave.meeting.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conclave.audit.control.AuditTrail;
import org.conclave.audit.entity.AuditEntry;
import org.conclave.identity.control.Access;
import org.conclave.identity.control.Directory;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Person;
import org.conclave.meeting.entity.Invitee;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.MeetingAnnounced;
import org.conclave.meeting.entity.MeetingDraft;
import org.conclave.meeting.entity.MeetingRules;
import org.conclave.meeting.entity.PasscodeIssued;
import org.conclave.meeting.entity.RecurrenceCheck;
import org.conclave.meeting.entity.ScheduledMeetings;
import org.conclave.platform.control.Ids;
import org.conclave.platform.entity.Refusal;
import org.conclave.policy.control.PolicyEvaluator;
import org.conclave.policy.control.PolicyExceptions;
import org.conclave.policy.entity.Baseline;
import org.conclave.policy.entity.Evaluation;
import org.conclave.policy.entity.InvalidPolicyInput;
import org.conclave.policy.entity.PolicySetting;
import org.conclave.policy.entity.PolicySettings;
import org.conclave.policy.entity.PolicyViolation;

/**
 * Scheduling and changing meetings under the classification's baseline: the host can only tighten it; every
 * weakening is refused with all its violations; people from other organisations only where the sharing label and
 * the policy allow. Every step is audited in its own transaction; every refusal too.
 */
@Stateless
public class MeetingScheduler {

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    @PersistenceContext(unitName = "conclave")
    EntityManager em;

    @Inject
    AuditTrail trail;

    @Inject
    Access access;

    @Inject
    Directory directory;

    @Inject
    PasscodeHasher hasher;

    @Inject
    Meetings meetings;

    @Inject
    PolicyExceptions exceptions;

    @Inject
    Clock clock;

    @Inject
    Event<MeetingAnnounced> news;

    @Inject
    Event<PasscodeIssued> passcodes;

    public ScheduledMeetings schedule(Caller host, MeetingDraft draft) {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>(draft.problems(now));
        Map<PolicySetting, Object> changes = Map.of();
        try {
            changes = PolicySettings.changesFromWire(draft.tightenings());
        } catch (InvalidPolicyInput invalid) {
            problems.addAll(invalid.problems());
        }
        List<ZonedDateTime> starts = List.of(draft.start());
        if (draft.recurrence().isPresent()) {
            RecurrenceCheck recurrence = MeetingSeries.check(draft.recurrence().get(), draft.start());
            recurrence.problem().ifPresent(p -> problems.add("'recurrence': " + p));
            if (recurrence.valid()) {
                starts = recurrence.occurrences();
            }
        }
        if (!problems.isEmpty()) {
            throw refuse(AuditEntry.refused("meeting.schedule", "invalid-input"), new InvalidPolicyInput(problems));
        }
        Baseline baseline = em.find(Baseline.class, draft.classification());
        Evaluation evaluation = EVALUATOR.tighten(baseline.settings(), changes, List.of(), now);
        if (evaluation instanceof Evaluation.Refused refused) {
            throw refuse(
                    AuditEntry.refused("meeting.schedule", Evaluation.WEAKENS_BASELINE.name())
                            .detail("classification", draft.classification().name())
                            .detail("violations", settingsOf(refused.violations())),
                    refused.toRefusal());
        }
        PolicySettings policy = ((Evaluation.Accepted) evaluation).effective();
        Set<Invitee> invitees = people(draft.invitees(), "invitees");
        Set<Invitee> cohosts = people(draft.cohosts(), "cohosts");
        checkParticipants(host, draft, policy, invitees);

        Optional<String> passcode = policy.passcodeRequired()
                ? Optional.of(PasscodeGenerator.generate(policy.passcodeMinLength()))
                : Optional.empty();
        Optional<String> hash = passcode.map(hasher::hash);
        String seriesId = Ids.random();
        List<Meeting> created = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Meeting meeting = new Meeting(
                    Ids.random(),
                    seriesId,
                    i + 1,
                    draft,
                    starts.get(i),
                    host.subject(),
                    host.username(),
                    host.organisation().orElse(null),
                    policy,
                    baseline.version(),
                    now);
            meeting.invite(invitees);
            meeting.addCohosts(cohosts.stream().map(Invitee::subject).collect(java.util.stream.Collectors.toSet()));
            hash.ifPresent(h -> meeting.protectWith(h, now));
            em.persist(meeting);
            created.add(meeting);
            trail.record(AuditEntry.allowed("meeting.schedule")
                    .target("meeting", meeting.id())
                    .detail("series", seriesId)
                    .detail("occurrence", i + 1)
                    .detail("classification", draft.classification().name())
                    .detail("sharingLabel", draft.sharingLabel().wireName())
                    .detail("baselineVersion", baseline.version())
                    .detail("tightened", new ArrayList<>(draft.tightenings().keySet()))
                    .detail(
                            "invitees",
                            invitees.stream().map(Invitee::subject).sorted().toList())
                    .detail("passcode", passcode.isPresent()));
        }
        em.flush();
        news.fire(new MeetingAnnounced(created.get(0), MeetingAnnounced.Change.SCHEDULED));
        passcode.ifPresent(p -> passcodes.fire(new PasscodeIssued(created.get(0), p)));
        return new ScheduledMeetings(created, passcode);
    }

    /** Tightens further, or (within an approved exception) weakens one setting; title and description may change. */
    public Meeting change(
            Caller caller, String id, Map<String, ?> settings, Optional<String> title, Optional<String> description) {
        Meeting meeting = meetings.open(caller, id, "meeting.change");
        Map<String, Object> merged = new LinkedHashMap<>(meeting.tightenings());
        merged.putAll(settings);
        Map<PolicySetting, Object> allChanges;
        try {
            allChanges = PolicySettings.changesFromWire(merged);
        } catch (InvalidPolicyInput invalid) {
            throw refuse(AuditEntry.refused("meeting.change", "invalid-input").target("meeting", id), invalid);
        }
        Baseline baseline = em.find(Baseline.class, meeting.classification());
        Instant now = clock.instant();
        Evaluation evaluation =
                EVALUATOR.tighten(baseline.settings(), allChanges, exceptions.activeFor(meeting.id()), now);
        if (evaluation instanceof Evaluation.Refused refused) {
            throw refuse(
                    AuditEntry.refused("meeting.change", Evaluation.WEAKENS_BASELINE.name())
                            .target("meeting", id)
                            .detail("violations", settingsOf(refused.violations())),
                    refused.toRefusal());
        }
        List<String> problems = new ArrayList<>();
        title.filter(t -> t.isBlank() || t.length() > MeetingDraft.MAX_TITLE)
                .ifPresent(t -> problems.add("'title' must have 1 to " + MeetingDraft.MAX_TITLE + " characters"));
        description
                .filter(d -> d.length() > MeetingDraft.MAX_DESCRIPTION)
                .ifPresent(d -> problems.add("'description' is too long"));
        if (!problems.isEmpty()) {
            throw refuse(
                    AuditEntry.refused("meeting.change", "invalid-input").target("meeting", id),
                    new InvalidPolicyInput(problems));
        }
        meeting.applyPolicy(((Evaluation.Accepted) evaluation).effective(), merged, baseline.version(), now);
        if (title.isPresent() || description.isPresent()) {
            meeting.retitle(title.orElse(meeting.title()), description.orElse(meeting.description()), now);
        }
        trail.record(AuditEntry.allowed("meeting.change")
                .target("meeting", id)
                .detail("settings", new ArrayList<>(settings.keySet()))
                .detail("baselineVersion", baseline.version()));
        em.flush();
        news.fire(new MeetingAnnounced(meeting, MeetingAnnounced.Change.CHANGED));
        return meeting;
    }

    /** Brings a meeting back in line with its (tightened) baseline: every drifting setting takes the baseline value. */
    public Meeting realign(Caller caller, String id) {
        Meeting meeting = caller.has(org.conclave.identity.entity.Role.ADMIN)
                ? meetings.anyForAdmin(id)
                : meetings.managed(caller, id, "policy.drift-realign");
        Baseline baseline = em.find(Baseline.class, meeting.classification());
        Instant now = clock.instant();
        List<PolicyViolation> drift =
                EVALUATOR.drift(baseline.settings(), meeting.policy(), exceptions.activeFor(meeting.id()), now);
        Map<PolicySetting, Object> fixes = new LinkedHashMap<>();
        drift.forEach(v -> fixes.put(v.setting(), v.required()));
        Map<String, Object> tightenings = new LinkedHashMap<>(meeting.tightenings());
        fixes.forEach((setting, value) -> tightenings.put(setting.wireKey(), setting.toWire(value)));
        meeting.applyPolicy(meeting.policy().with(fixes), tightenings, baseline.version(), now);
        trail.record(AuditEntry.allowed("policy.drift-realign")
                .target("meeting", meeting.id())
                .detail("settings", settingsOf(drift))
                .detail("baselineVersion", baseline.version()));
        return meeting;
    }

    public Meeting cancel(Caller caller, String id) {
        Meeting meeting = meetings.open(caller, id, "meeting.cancel");
        meeting.cancel(clock.instant());
        trail.record(AuditEntry.allowed("meeting.cancel").target("meeting", id));
        em.flush();
        news.fire(new MeetingAnnounced(meeting, MeetingAnnounced.Change.CANCELLED));
        return meeting;
    }

    /** A new passcode for this meeting, returned once. */
    public String rotatePasscode(Caller caller, String id) {
        Meeting meeting = meetings.open(caller, id, "meeting.passcode-rotate");
        em.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        if (!meeting.policy().passcodeRequired()) {
            throw refuse(
                    AuditEntry.refused("meeting.passcode-rotate", MeetingRules.NO_PASSCODE.name())
                            .target("meeting", id),
                    new Refusal(MeetingRules.NO_PASSCODE, "this meeting has no passcode to rotate"));
        }
        String passcode = PasscodeGenerator.generate(meeting.policy().passcodeMinLength());
        meeting.protectWith(hasher.hash(passcode), clock.instant());
        trail.record(AuditEntry.allowed("meeting.passcode-rotate").target("meeting", id));
        passcodes.fire(new PasscodeIssued(meeting, passcode));
        return passcode;
    }

    private void checkParticipants(Caller host, MeetingDraft draft, PolicySettings policy, Set<Invitee> invitees) {
        if (invitees.size() + 1 > policy.maxParticipants()) {
            throw refuse(
                    AuditEntry.refused("meeting.schedule", MeetingRules.TOO_MANY_PARTICIPANTS.name())
                            .detail("invitees", invitees.size())
                            .detail("maxParticipants", policy.maxParticipants()),
                    new Refusal(
                            MeetingRules.TOO_MANY_PARTICIPANTS,
                            (invitees.size() + 1) + " people (host included) exceed the maximum of "
                                    + policy.maxParticipants(),
                            Map.of(
                                    "setting",
                                    PolicySetting.MAX_PARTICIPANTS.wireKey(),
                                    "controls",
                                    PolicySetting.MAX_PARTICIPANTS.controls())));
        }
        String home = host.organisation().orElse("");
        List<Invitee> foreign = invitees.stream()
                .filter(i -> !home.equals(Optional.ofNullable(i.organisation()).orElse("")))
                .toList();
        boolean allowed = draft.sharingLabel().allowsOtherOrganisations() && policy.otherOrganisationsAllowed();
        if (!foreign.isEmpty() && !allowed) {
            throw refuse(
                    AuditEntry.refused("meeting.schedule", MeetingRules.OTHER_ORGANISATIONS_NOT_ALLOWED.name())
                            .detail("sharingLabel", draft.sharingLabel().wireName())
                            .detail(
                                    "invitees",
                                    foreign.stream()
                                            .map(Invitee::subject)
                                            .sorted()
                                            .toList()),
                    new Refusal(
                            MeetingRules.OTHER_ORGANISATIONS_NOT_ALLOWED,
                            "TLP:" + draft.sharingLabel().wireName() + " and the " + draft.classification()
                                    + " policy keep this meeting inside "
                                    + (home.isEmpty() ? "your organisation" : home),
                            Map.of(
                                    "invitees",
                                    foreign.stream()
                                            .map(Invitee::username)
                                            .sorted()
                                            .toList(),
                                    "sharingLabel",
                                    draft.sharingLabel().wireName(),
                                    "controls",
                                    PolicySetting.OTHER_ORGANISATIONS_ALLOWED.controls())));
        }
    }

    private Set<Invitee> people(List<String> usernames, String field) {
        Set<Invitee> people = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String username : usernames) {
            Optional<Person> person = directory.byUsername(username);
            person.ifPresentOrElse(
                    p -> people.add(new Invitee(
                            p.subject(), p.username(), p.organisation().orElse(null))),
                    () -> unknown.add(username));
        }
        if (!unknown.isEmpty()) {
            throw refuse(
                    AuditEntry.refused("meeting.schedule", MeetingRules.UNKNOWN_PERSON.name())
                            .detail("field", field),
                    new Refusal(
                            MeetingRules.UNKNOWN_PERSON,
                            "'" + field + "' names people who are not in the realm",
                            Map.of(
                                    "unknown",
                                    unknown.stream()
                                            .map(u -> u.length() > 60 ? u.substring(0, 60) : u)
                                            .toList())));
        }
        return people;
    }

    private Refusal refuse(AuditEntry entry, Refusal refusal) {
        return access.refuse(entry, refusal);
    }

    private static List<String> settingsOf(List<PolicyViolation> violations) {
        return violations.stream().map(v -> v.setting().wireKey()).distinct().toList();
    }
}
