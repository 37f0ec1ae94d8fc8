package org.conclave.recording.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.boundary.MeetingInvitation;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.platform.entity.Refusal;
import org.conclave.recording.control.Consents;
import org.conclave.recording.control.RecordingStatus;

/**
 * The recording notice as a participant reads it (why, what, where it is kept, who may see it, for how long) and
 * their answer to that exact notice: consent, refusal, or withdrawing a consent given earlier.
 */
@Named
@ViewScoped
public class RecordingConsent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Access access;

    @Inject
    RecordingStatus status;

    @Inject
    Consents consents;

    @Inject
    MeetingInvitation page;

    private boolean loaded;
    private boolean allowed;
    private String noticeHash;
    private String purpose;
    private String recorded;
    private String location;
    private List<String> accessList = List.of();
    private int retentionDays;
    private String publishedAt;
    private String myConsent = "unanswered";

    private void load() {
        if (loaded || page.getMeeting() == null) {
            return;
        }
        loaded = true;
        try {
            Caller caller = access.require("recording.read", Role.PARTICIPANT, Role.HOST);
            Map<String, Object> view = status.of(caller, page.getId());
            allowed = Boolean.TRUE.equals(view.get("recordingAllowed"));
            if (view.get("notice") instanceof Map<?, ?> notice) {
                noticeHash = String.valueOf(notice.get("hash"));
                purpose = String.valueOf(notice.get("purpose"));
                recorded = String.valueOf(notice.get("recorded"));
                location = String.valueOf(notice.get("location"));
                accessList = notice.get("accessList") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of();
                retentionDays = notice.get("retentionDays") instanceof Number n ? n.intValue() : 0;
                publishedAt = String.valueOf(notice.get("publishedAt"));
                myConsent = String.valueOf(view.getOrDefault("myConsent", "unanswered"));
            } else {
                noticeHash = null;
            }
        } catch (Refusal refusal) {
            PageMessages.refused(refusal);
        }
    }

    public void consent() {
        answer(true, "consent.given");
    }

    public void refuse() {
        answer(false, "consent.refused");
    }

    public void withdraw() {
        answer(false, "consent.withdrawn");
    }

    private void answer(boolean consent, String done) {
        Caller caller = access.require("recording.consent", Role.PARTICIPANT, Role.HOST);
        String hash = noticeHash;
        if (PageMessages.attempt(() -> consents.answer(caller, page.getId(), consent, hash))
                .isPresent()) {
            PageMessages.info(done);
        }
        loaded = false;
    }

    public boolean isAllowed() {
        load();
        return allowed;
    }

    public boolean isNotice() {
        load();
        return noticeHash != null;
    }

    public String getNoticeHash() {
        load();
        return noticeHash;
    }

    public String getPurpose() {
        load();
        return purpose;
    }

    public String getRecorded() {
        load();
        return recorded;
    }

    public String getLocation() {
        load();
        return location;
    }

    public String getAccessList() {
        load();
        return accessList.isEmpty() ? PageMessages.text("recording.accessNone") : String.join(", ", accessList);
    }

    public int getRetentionDays() {
        load();
        return retentionDays;
    }

    public String getPublishedAt() {
        load();
        return publishedAt;
    }

    public String getMyConsent() {
        load();
        return myConsent;
    }
}
