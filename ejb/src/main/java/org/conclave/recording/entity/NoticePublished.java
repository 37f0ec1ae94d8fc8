package org.conclave.recording.entity;

/** A new recording notice was published for a meeting (fired inside the transaction that published it). */
public record NoticePublished(RecordingNotice notice) {}
