package org.conclave.admission.entity;

import java.time.Duration;
import java.util.Optional;
import org.conclave.platform.entity.Rule;

/** The outcome of an admission request: admitted, sent to the waiting room, or refused for one named reason. */
public sealed interface AdmissionDecision {

    record Admit() implements AdmissionDecision {}

    record Wait() implements AdmissionDecision {}

    record Refuse(Rule rule, String detail, Optional<Duration> retryAfter) implements AdmissionDecision {}
}
