package org.conclave.meeting.entity;

/** Someone registered, or the host decided on a registration (fired inside that transaction). */
public record RegistrationNews(Meeting meeting, Registration registration) {}
