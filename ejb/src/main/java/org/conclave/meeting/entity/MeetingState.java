package org.conclave.meeting.entity;

/** Where a meeting is in its life: scheduled, cancelled (kept for audit, never deleted) or ended. */
public enum MeetingState {
    scheduled,
    cancelled,
    ended
}
