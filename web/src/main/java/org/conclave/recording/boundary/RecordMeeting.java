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
import org.conclave.meeting.boundary.ManageMeeting;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.platform.entity.Refusal;
import org.conclave.recording.control.RecordingRequests;
import org.conclave.recording.control.RecordingStatus;
import org.conclave.recording.entity.RecordingPlan;

/**
 * The host asking to record: the plan (purpose, access list, retention) becomes the notice participants answer;
 * the page shows each participant's consent state (present or not) and the recordings. Whether recording is
 * allowed and whether everyone present consented is the recording service's decision, shown as its refusal.
 */
@Named
@ViewScoped
public class RecordMeeting implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One person and where they stand on the current notice. */
    public record ConsentRow(String username, boolean present, String consent) implements Serializable {}

    /** A recording of the meeting. */
    public record RecordingRow(String id, String state, String purpose, String authorisedAt, boolean consentBreach)
            implements Serializable {}

    @Inject
    Access access;

    @Inject
    RecordingStatus status;

    @Inject
    RecordingRequests requests;

    @Inject
    ManageMeeting page;

    private boolean loaded;
    private boolean allowed;
    private boolean consentRequired;
    private int minDays;
    private int maxDays;
    private String noticeHash;
    private List<ConsentRow> consents = List.of();
    private List<RecordingRow> recordings = List.of();

    private String purpose;
    private String accessList;
    private Integer retentionDays;

    private void load() {
        if (loaded || page.getMeeting() == null) {
            return;
        }
        loaded = true;
        try {
            Caller host = access.require("recording.read", Role.HOST);
            Map<String, Object> view = status.of(host, page.getId());
            allowed = Boolean.TRUE.equals(view.get("recordingAllowed"));
            consentRequired = Boolean.TRUE.equals(view.get("consentRequired"));
            if (view.get("retentionDays") instanceof Map<?, ?> days) {
                minDays = ((Number) days.get("min")).intValue();
                maxDays = ((Number) days.get("max")).intValue();
            }
            if (retentionDays == null) {
                retentionDays = minDays;
            }
            noticeHash = view.get("notice") instanceof Map<?, ?> notice ? (String) notice.get("hash") : null;
            if (view.get("notice") instanceof Map<?, ?> notice && purpose == null) {
                purpose = (String) notice.get("purpose");
            }
            consents = rows(view.get("participants")).stream()
                    .map(p -> new ConsentRow(
                            String.valueOf(p.get("username")),
                            Boolean.TRUE.equals(p.get("present")),
                            String.valueOf(p.get("consent"))))
                    .toList();
            recordings = rows(view.get("recordings")).stream()
                    .map(r -> new RecordingRow(
                            String.valueOf(r.get("id")),
                            String.valueOf(r.get("state")),
                            String.valueOf(r.get("purpose")),
                            String.valueOf(r.get("authorisedAt")),
                            Boolean.TRUE.equals(r.get("consentBreach"))))
                    .toList();
        } catch (Refusal refusal) {
            PageMessages.refused(refusal);
        }
    }

    public void publishNotice() {
        Caller host = access.requireWithSecondFactor("recording.notice-publish", "meeting", page.getId(), Role.HOST);
        plan().flatMap(plan -> PageMessages.attempt(() -> requests.announce(host, page.getId(), plan)))
                .ifPresent(n -> PageMessages.info("recording.noticePublished"));
        loaded = false;
    }

    public void request() {
        Caller host = access.requireWithSecondFactor("recording.request", "meeting", page.getId(), Role.HOST);
        plan().flatMap(plan -> PageMessages.attempt(() -> requests.request(host, page.getId(), plan)))
                .ifPresent(r -> PageMessages.info("recording.authorised"));
        loaded = false;
    }

    private java.util.Optional<RecordingPlan> plan() {
        if (purpose == null || purpose.isBlank() || retentionDays == null) {
            PageMessages.warn("recording.problem.plan");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RecordingPlan(
                purpose.strip(), org.conclave.meeting.boundary.Usernames.of(accessList), retentionDays));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public boolean isAllowed() {
        load();
        return allowed;
    }

    public boolean isConsentRequired() {
        load();
        return consentRequired;
    }

    public int getMinDays() {
        load();
        return minDays;
    }

    public int getMaxDays() {
        load();
        return maxDays;
    }

    public String getNoticeHash() {
        load();
        return noticeHash;
    }

    public List<ConsentRow> getConsents() {
        load();
        return consents;
    }

    public List<RecordingRow> getRecordings() {
        load();
        return recordings;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getAccessList() {
        return accessList;
    }

    public void setAccessList(String accessList) {
        this.accessList = accessList;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }
}
