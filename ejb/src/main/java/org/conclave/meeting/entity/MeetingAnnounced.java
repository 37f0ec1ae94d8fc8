package org.conclave.meeting.entity;

/**
 * A meeting was scheduled, changed or cancelled: fired inside the transaction of the action, so whatever observers
 * write (the invitations in the mail outbox) commits or rolls back with it.
 */
public record MeetingAnnounced(Meeting meeting, Change change) {

    public enum Change {
        SCHEDULED,
        CHANGED,
        CANCELLED
    }
}
