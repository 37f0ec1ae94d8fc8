package org.conclave.meeting.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.PolicySettings;
import org.conclave.policy.entity.PolicySettingsConverter;
import org.conclave.policy.entity.SharingLabel;

/**
 * A scheduled meeting (one occurrence of a series): its classification and sharing label, its effective policy
 * (the baseline tightened by the host, never weaker), who hosts it and who is invited.
 */
@Entity
@Table(name = "meeting")
@NamedQuery(
        name = Meeting.VISIBLE_TO,
        query = "SELECT DISTINCT m FROM Meeting m LEFT JOIN m.invitees i LEFT JOIN m.cohosts c"
                + " WHERE m.hostSubject = :subject OR i.subject = :subject OR c = :subject ORDER BY m.startsAt")
@NamedQuery(name = Meeting.ALL, query = "SELECT m FROM Meeting m ORDER BY m.startsAt")
@NamedQuery(
        name = Meeting.SCHEDULED_FROM,
        query = "SELECT m FROM Meeting m WHERE m.state = org.conclave.meeting.entity.MeetingState.scheduled"
                + " AND m.startsAt >= :from ORDER BY m.startsAt")
@NamedQuery(
        name = Meeting.HOSTED_BY,
        query = "SELECT m.id FROM Meeting m LEFT JOIN m.cohosts c" + " WHERE m.hostSubject = :subject OR c = :subject")
public class Meeting {

    public static final String VISIBLE_TO = "Meeting.visibleTo";
    public static final String ALL = "Meeting.all";
    public static final String SCHEDULED_FROM = "Meeting.scheduledFrom";
    public static final String HOSTED_BY = "Meeting.hostedBy";

    @Id
    private String id;

    @Column(name = "series_id")
    private String seriesId;

    private int occurrence;

    @Column(name = "host_subject")
    private String hostSubject;

    @Column(name = "host_username")
    private String hostUsername;

    @Column(name = "host_organisation")
    private String hostOrganisation;

    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    private Classification classification;

    @Column(name = "sharing_label")
    @Convert(converter = TagConverters.SharingLabelColumn.class)
    private SharingLabel sharingLabel;

    @Column(name = "starts_at")
    private OffsetDateTime startsAt;

    @Column(name = "duration_minutes")
    private int durationMinutes;

    @Column(name = "time_zone")
    private String timeZone;

    private String recurrence;

    @Convert(converter = TagConverters.JsonObjectColumn.class)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> tightenings;

    @Convert(converter = PolicySettingsConverter.class)
    @Column(columnDefinition = "jsonb")
    private PolicySettings policy;

    @Column(name = "baseline_version")
    private int baselineVersion;

    @Column(name = "passcode_hash")
    private String passcodeHash;

    @Column(name = "passcode_rotated_at")
    private OffsetDateTime passcodeRotatedAt;

    @Enumerated(EnumType.STRING)
    private MeetingState state;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    private int version;

    private boolean locked;

    @Column(name = "host_joined_at")
    private OffsetDateTime hostJoinedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "recording_feature")
    private boolean recordingFeature;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "meeting_invitation", joinColumns = @JoinColumn(name = "meeting_id"))
    private Set<Invitee> invitees = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "meeting_cohost", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "subject")
    private Set<String> cohosts = new HashSet<>();

    protected Meeting() {}

    public Meeting(
            String id,
            String seriesId,
            int occurrence,
            MeetingDraft draft,
            ZonedDateTime start,
            String hostSubject,
            String hostUsername,
            String hostOrganisation,
            PolicySettings policy,
            int baselineVersion,
            Instant now) {
        this.id = id;
        this.seriesId = seriesId;
        this.occurrence = occurrence;
        this.title = draft.title();
        this.description = draft.description();
        this.classification = draft.classification();
        this.sharingLabel = draft.sharingLabel();
        this.startsAt = start.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        this.durationMinutes = draft.durationMinutes();
        this.timeZone = start.getZone().getId();
        this.recurrence = draft.recurrence().orElse(null);
        this.tightenings = new LinkedHashMap<>(draft.tightenings());
        this.hostSubject = hostSubject;
        this.hostUsername = hostUsername;
        this.hostOrganisation = hostOrganisation;
        this.policy = policy;
        this.baselineVersion = baselineVersion;
        this.state = MeetingState.scheduled;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        this.updatedAt = this.createdAt;
    }

    public boolean isManagedBy(String subject) {
        return hostSubject.equals(subject) || cohosts.contains(subject);
    }

    public boolean isInvited(String subject) {
        return invitees.stream().anyMatch(i -> i.subject().equals(subject));
    }

    public void invite(Set<Invitee> people) {
        people.forEach(p -> invitees.add(new Invitee(p.subject(), p.username(), p.organisation())));
    }

    public void addCohosts(Set<String> subjects) {
        cohosts.addAll(subjects);
    }

    public void protectWith(String passcodeHash, Instant at) {
        this.passcodeHash = passcodeHash;
        this.passcodeRotatedAt = at.atOffset(ZoneOffset.UTC);
        touch(at);
    }

    /** The host tightened (or an exception allowed) the policy further. */
    public void applyPolicy(
            PolicySettings effective, Map<String, Object> newTightenings, int baselineVersion, Instant at) {
        this.policy = effective;
        this.tightenings = new LinkedHashMap<>(newTightenings);
        this.baselineVersion = baselineVersion;
        touch(at);
    }

    public void retitle(String title, String description, Instant at) {
        this.title = title;
        this.description = description;
        touch(at);
    }

    public void cancel(Instant at) {
        this.state = MeetingState.cancelled;
        touch(at);
    }

    /** No new admissions while locked; people already inside keep renewing. */
    public void lock(boolean locked, Instant at) {
        this.locked = locked;
        touch(at);
    }

    public boolean isLocked() {
        return locked;
    }

    public void hostJoined(Instant at) {
        if (hostJoinedAt == null) {
            this.hostJoinedAt = at.atOffset(ZoneOffset.UTC);
        }
    }

    public boolean hostPresent() {
        return hostJoinedAt != null;
    }

    /** The host ended the meeting: no new tokens, no renewals. */
    public void end(Instant at) {
        this.state = MeetingState.ended;
        this.endedAt = at.atOffset(ZoneOffset.UTC);
        touch(at);
    }

    /**
     * Whether the host's join tokens carry the platform's recording feature: on while an authorised recording runs
     * with everyone's consent, off again after a consent breach or when the recording finishes.
     */
    public void recordingFeature(boolean on, Instant at) {
        this.recordingFeature = on;
        touch(at);
    }

    public boolean recordingFeature() {
        return recordingFeature;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public boolean isScheduled() {
        return state == MeetingState.scheduled;
    }

    private void touch(Instant at) {
        this.updatedAt = at.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public String seriesId() {
        return seriesId;
    }

    public int occurrence() {
        return occurrence;
    }

    public String hostSubject() {
        return hostSubject;
    }

    public String hostUsername() {
        return hostUsername;
    }

    public Optional<String> hostOrganisation() {
        return Optional.ofNullable(hostOrganisation);
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Classification classification() {
        return classification;
    }

    public SharingLabel sharingLabel() {
        return sharingLabel;
    }

    public ZonedDateTime start() {
        return startsAt.atZoneSameInstant(ZoneId.of(timeZone));
    }

    public Instant end() {
        return startsAt.toInstant().plus(Duration.ofMinutes(durationMinutes));
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public Optional<String> recurrence() {
        return Optional.ofNullable(recurrence);
    }

    public Map<String, Object> tightenings() {
        return tightenings;
    }

    public PolicySettings policy() {
        return policy;
    }

    public int baselineVersion() {
        return baselineVersion;
    }

    public Optional<String> passcodeHash() {
        return Optional.ofNullable(passcodeHash);
    }

    public MeetingState state() {
        return state;
    }

    public Set<Invitee> invitees() {
        return invitees;
    }

    public Set<String> cohosts() {
        return cohosts;
    }

    public int version() {
        return version;
    }
}
