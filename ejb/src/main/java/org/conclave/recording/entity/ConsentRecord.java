package org.conclave.recording.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A stored line of the append-only consent ledger (the table grants no update or delete). */
@Entity
@Table(name = "recording_consent")
@NamedQuery(
        name = ConsentRecord.OF_MEETING,
        query = "SELECT c FROM ConsentRecord c WHERE c.meetingId = :meeting ORDER BY c.id")
public class ConsentRecord {

    public static final String OF_MEETING = "ConsentRecord.ofMeeting";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id")
    private String meetingId;

    private String subject;

    private String username;

    @Column(name = "notice_hash")
    private String noticeHash;

    private boolean consent;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    protected ConsentRecord() {}

    public ConsentRecord(String meetingId, ConsentAnswer answer) {
        this.meetingId = meetingId;
        this.subject = answer.subject();
        this.username = answer.username();
        this.noticeHash = answer.noticeHash();
        this.consent = answer.consent();
        this.answeredAt = answer.answeredAt().atOffset(ZoneOffset.UTC);
    }

    public ConsentAnswer answer() {
        return new ConsentAnswer(subject, username, noticeHash, consent, answeredAt.toInstant());
    }
}
