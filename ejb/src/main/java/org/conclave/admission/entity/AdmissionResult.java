package org.conclave.admission.entity;

import java.util.Optional;

/** An admission and, once it is admitted, a fresh join token. */
public record AdmissionResult(Admission admission, Optional<JoinToken> token) {}
