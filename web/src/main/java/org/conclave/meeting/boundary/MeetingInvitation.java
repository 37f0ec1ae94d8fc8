package org.conclave.meeting.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.control.Registrations;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.platform.entity.Refusal;

/**
 * A participant's page of one meeting (where the invitation's link leads): what it is and how it is governed,
 * registering, and where the registration stands. Joining and the recording notice are on the same page
 * ({@code JoinMeeting}, {@code RecordingConsent}).
 */
@Named
@ViewScoped
public class MeetingInvitation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Access access;

    @Inject
    Meetings meetings;

    @Inject
    Registrations registrations;

    private String id;
    private MeetingSummary meeting;
    private String registration = "none";
    private boolean registrationRequired;
    private boolean approvalRequired;
    private boolean secondFactorRequired;

    public void load() {
        try {
            Caller caller = access.require("meeting.read", Role.PARTICIPANT, Role.HOST);
            Meeting m = meetings.visible(caller, id);
            meeting = MeetingSummary.of(m, caller.subject());
            registration =
                    registrations.mine(caller, id).map(r -> r.state().name()).orElse("none");
            registrationRequired = m.policy().registrationRequired();
            approvalRequired = m.policy().hostApprovalRequired();
            secondFactorRequired = m.policy().participant2faRequired();
        } catch (Refusal refusal) {
            PageMessages.refusedLoading(refusal);
        }
    }

    public void register() {
        Caller caller = access.require("registration.create", Role.PARTICIPANT, Role.HOST);
        if (PageMessages.attempt(() -> registrations.register(caller, id)).isPresent()) {
            PageMessages.info("registration.done");
        }
        load();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public MeetingSummary getMeeting() {
        return meeting;
    }

    public String getRegistration() {
        return registration;
    }

    public boolean isRegistered() {
        return !"none".equals(registration);
    }

    public boolean isMayJoin() {
        return meeting != null
                && meeting.scheduled()
                && (meeting.managed() || !registrationRequired || "approved".equals(registration));
    }

    public boolean isRegistrationRequired() {
        return registrationRequired;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public boolean isSecondFactorRequired() {
        return secondFactorRequired;
    }
}
