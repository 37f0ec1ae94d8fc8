package org.conclave.policy.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conclave.policy.entity.Evaluation;
import org.conclave.policy.entity.PolicyException;
import org.conclave.policy.entity.PolicySetting;
import org.conclave.policy.entity.PolicySettings;
import org.conclave.policy.entity.PolicyViolation;

/**
 * Holds a meeting's policy to its classification's baseline: a host may tighten any setting, never weaken one
 * (unless a granted exception, while it lasts, allows that setting down to a given value). Every violation is named
 * at once, in setting order. Stateless.
 *
 * <p>Where recording is not allowed, the retention settings have nothing to govern: they are neither compared with
 * the baseline nor checked against each other.
 */
public class PolicyEvaluator {

    static final String RETENTION_ORDER_RULE =
            "The minimum retention of recordings may not be longer than their maximum retention";

    /**
     * Every setting in which {@code candidate} is weaker than {@code baseline} and no exception active at
     * {@code now} allows the candidate's value. Each violation requires the baseline's value.
     */
    public List<PolicyViolation> weakenings(
            PolicySettings baseline, PolicySettings candidate, Collection<PolicyException> exceptions, Instant now) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(exceptions, "exceptions");
        Objects.requireNonNull(now, "now");
        List<PolicyViolation> violations = new ArrayList<>();
        for (PolicySetting setting : PolicySetting.values()) {
            if (isRetention(setting) && !candidate.recordingAllowed()) {
                continue;
            }
            Object required = baseline.value(setting);
            Object requested = candidate.value(setting);
            if (setting.isStricterOrEqual(requested, required)
                    || exceptions.stream().anyMatch(e -> e.allows(setting, requested, now))) {
                continue;
            }
            violations.add(weakening(setting, required, requested, exceptions, now));
        }
        return List.copyOf(violations);
    }

    private static PolicyViolation weakening(
            PolicySetting setting,
            Object required,
            Object requested,
            Collection<PolicyException> exceptions,
            Instant now) {
        PolicyException loosest = null;
        for (PolicyException exception : exceptions) {
            if (exception.setting() == setting
                    && exception.activeAt(now)
                    && (loosest == null
                            || !setting.isStricterOrEqual(exception.allowedValue(), loosest.allowedValue()))) {
                loosest = exception;
            }
        }
        if (loosest == null) {
            return PolicyViolation.weakening(setting, required, requested);
        }
        String rule = setting.rule() + "; the exception granted until " + loosest.expiresAt()
                + " allows no weaker value than " + setting.toWire(loosest.allowedValue());
        return new PolicyViolation(setting, required, requested, rule, setting.controls());
    }

    /**
     * The baseline with the host's typed {@code requested} values (unrequested settings keep the baseline's):
     * accepted if nothing is weakened and the result is consistent, otherwise refused naming every violation.
     *
     * @throws org.conclave.policy.entity.InvalidPolicyInput if a requested value has the wrong type or range
     */
    public Evaluation tighten(
            PolicySettings baseline,
            Map<PolicySetting, ?> requested,
            Collection<PolicyException> exceptions,
            Instant now) {
        Objects.requireNonNull(baseline, "baseline");
        PolicySettings candidate = baseline.with(requested);
        List<PolicyViolation> violations = new ArrayList<>(weakenings(baseline, candidate, exceptions, now));
        violations.addAll(inconsistencies(candidate));
        if (violations.isEmpty()) {
            return new Evaluation.Accepted(candidate);
        }
        violations.sort(Comparator.comparing(PolicyViolation::setting));
        return new Evaluation.Refused(violations);
    }

    /**
     * What a scheduled meeting's policy violates once {@code newBaseline} is in force: the same comparison as
     * {@link #weakenings}.
     */
    public List<PolicyViolation> drift(
            PolicySettings newBaseline,
            PolicySettings meetingPolicy,
            Collection<PolicyException> exceptions,
            Instant now) {
        return weakenings(newBaseline, meetingPolicy, exceptions, now);
    }

    /**
     * Settings that contradict each other, whatever the baseline (check an edited baseline with this too): where
     * recording is allowed, the minimum retention may not exceed the maximum. The violation is reported on
     * {@code recording-retention-min-days}, requiring at most the maximum.
     */
    public List<PolicyViolation> inconsistencies(PolicySettings settings) {
        if (settings.recordingAllowed()
                && settings.recordingRetentionMinDays() > settings.recordingRetentionMaxDays()) {
            return List.of(new PolicyViolation(
                    PolicySetting.RECORDING_RETENTION_MIN_DAYS,
                    settings.recordingRetentionMaxDays(),
                    settings.recordingRetentionMinDays(),
                    RETENTION_ORDER_RULE,
                    PolicySetting.RECORDING_RETENTION_MIN_DAYS.controls()));
        }
        return List.of();
    }

    private static boolean isRetention(PolicySetting setting) {
        return setting == PolicySetting.RECORDING_RETENTION_MIN_DAYS
                || setting == PolicySetting.RECORDING_RETENTION_MAX_DAYS;
    }
}
