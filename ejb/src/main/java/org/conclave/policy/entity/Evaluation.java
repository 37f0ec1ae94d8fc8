package org.conclave.policy.entity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/** The outcome of a host's request to tighten a baseline: the effective policy, or every violation at once. */
public sealed interface Evaluation permits Evaluation.Accepted, Evaluation.Refused {

    /** Refusing a meeting policy that weakens its baseline (answered 422 with a {@code violations} member). */
    Rule WEAKENS_BASELINE = new Rule("policy-weakens-baseline", 422, "The meeting would weaken its policy baseline");

    boolean accepted();

    /** Empty when accepted. */
    List<PolicyViolation> violations();

    /** The request only tightens the baseline: this is the meeting's effective policy. */
    record Accepted(PolicySettings effective) implements Evaluation {

        public Accepted {
            Objects.requireNonNull(effective, "effective");
        }

        @Override
        public boolean accepted() {
            return true;
        }

        @Override
        public List<PolicyViolation> violations() {
            return List.of();
        }
    }

    /** The request weakens the baseline or is inconsistent: every violation, in setting order. */
    record Refused(List<PolicyViolation> violations) implements Evaluation {

        public Refused {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one violation");
            }
        }

        @Override
        public boolean accepted() {
            return false;
        }

        /** The refusal to answer with: {@link #WEAKENS_BASELINE}, with {@code violations} in wire form. */
        public Refusal toRefusal() {
            List<String> settings = violations.stream()
                    .map(v -> v.setting().wireKey())
                    .distinct()
                    .toList();
            return new Refusal(
                    WEAKENS_BASELINE,
                    "Not allowed by the classification's baseline: " + String.join(", ", settings),
                    Map.of(
                            "violations",
                            violations.stream().map(PolicyViolation::toWire).toList()));
        }
    }
}
