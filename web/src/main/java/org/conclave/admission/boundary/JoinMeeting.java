package org.conclave.admission.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.conclave.admission.control.AdmissionDesk;
import org.conclave.admission.control.VideoPlatforms;
import org.conclave.admission.entity.AdmissionResult;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.ContentSecurityPolicy;
import org.conclave.platform.boundary.PageMessages;

/**
 * Joining a meeting: the admission desk decides; admitted people are redirected to the video platform with their
 * join token (the one URL of the portal that carries a secret, and only as the redirect's target), others wait in
 * the waiting room page. The passcode travels only in the form's body.
 */
@Named
@RequestScoped
public class JoinMeeting {

    static final String WAITING_VIEW = "/app/participant/waiting.xhtml";

    @Inject
    Access access;

    @Inject
    AdmissionDesk desk;

    @Inject
    VideoPlatforms platforms;

    @Inject
    MyAdmissions admissions;

    @Inject
    ContentSecurityPolicy contentSecurityPolicy;

    private String passcode;

    /**
     * Before a page with a join form renders: its form may lead on to the video platform (the browser applies the
     * page's {@code form-action} to the redirect that follows the form).
     */
    public void allowPlatformRedirect() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getExternalContext().getResponse() instanceof HttpServletResponse response
                && !response.isCommitted()) {
            response.setHeader(
                    "Content-Security-Policy",
                    contentSecurityPolicy.header(platforms.current().baseUrl()));
        }
    }

    public String join(String meetingId) {
        Caller caller = access.require("admission.request", Role.PARTICIPANT, Role.HOST);
        Optional<String> given =
                Optional.ofNullable(passcode).map(String::strip).filter(p -> !p.isEmpty());
        passcode = null;
        Optional<AdmissionResult> result = PageMessages.attempt(() -> desk.admit(caller, meetingId, given));
        if (result.isEmpty()) {
            return null;
        }
        if (result.get().token().isPresent()) {
            admissions.forget(meetingId);
            PageMessages.redirect(result.get().token().get().joinUrl());
            return null;
        }
        admissions.waitFor(meetingId, result.get().admission().id());
        return WAITING_VIEW + "?faces-redirect=true&meeting=" + meetingId;
    }

    public String getPasscode() {
        return passcode;
    }

    public void setPasscode(String passcode) {
        this.passcode = passcode;
    }
}
