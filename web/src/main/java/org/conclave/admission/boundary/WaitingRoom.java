package org.conclave.admission.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.admission.control.AdmissionDesk;
import org.conclave.admission.entity.AdmissionResult;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.platform.entity.Refusal;

/**
 * The waiting room page: it reloads itself every few seconds (a meta refresh, no script); once the host lets the
 * person in, the reload redirects them to the video platform with a fresh token. A protected view: its address
 * carries the session's anti-forgery token, so no other site can make a browser poll it.
 */
@Named
@RequestScoped
public class WaitingRoom {

    static final int REFRESH_SECONDS = 3;

    @Inject
    Access access;

    @Inject
    AdmissionDesk desk;

    @Inject
    Meetings meetings;

    @Inject
    MyAdmissions admissions;

    private String meeting;
    private String title;
    private String state = "none";

    public void check() {
        Caller caller = access.require("admission.read", Role.PARTICIPANT, Role.HOST);
        try {
            title = meetings.visible(caller, meeting).title();
        } catch (Refusal refusal) {
            PageMessages.refusedLoading(refusal);
            return;
        }
        Optional<String> admission = admissions.of(meeting);
        if (admission.isEmpty()) {
            return;
        }
        Optional<AdmissionResult> result = PageMessages.attempt(() -> desk.status(caller, meeting, admission.get()));
        if (result.isEmpty()) {
            state = "refused";
            admissions.forget(meeting);
            return;
        }
        if (result.get().token().isPresent()) {
            admissions.forget(meeting);
            PageMessages.redirect(result.get().token().get().joinUrl());
            return;
        }
        state = result.get().admission().state();
        if (!"waiting".equals(state)) {
            admissions.forget(meeting);
        }
    }

    /** This page's own address (with the anti-forgery token), for the refresh. */
    public String getRefresh() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String url = faces.getApplication()
                .getViewHandler()
                .getBookmarkableURL(faces, JoinMeeting.WAITING_VIEW, Map.of("meeting", List.of(meeting)), false);
        return REFRESH_SECONDS + ";url=" + faces.getExternalContext().encodeBookmarkableURL(url, Map.of());
    }

    public boolean isWaiting() {
        return "waiting".equals(state);
    }

    public String getMeeting() {
        return meeting;
    }

    public void setMeeting(String meeting) {
        this.meeting = meeting;
    }

    public String getTitle() {
        return title;
    }

    public String getState() {
        return state;
    }
}
