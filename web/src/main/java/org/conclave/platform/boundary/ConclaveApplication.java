package org.conclave.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.conclave.admission.boundary.AdmissionsResource;
import org.conclave.audit.boundary.AuditResource;
import org.conclave.identity.boundary.MeResource;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.boundary.MeetingsResource;
import org.conclave.policy.boundary.PoliciesResource;

/**
 * The REST API under {@code /api}. Resources and providers are listed here explicitly: Payara's Jersey would
 * otherwise scan WEB-INF/lib and pick up the server providers bundled with keycloak-admin-client.
 */
@ApplicationPath("api")
@DeclareRoles({Role.HOST_NAME, Role.PARTICIPANT_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class ConclaveApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ProblemMapper.class,
                MeResource.class,
                AuditResource.class,
                MeetingsResource.class,
                PoliciesResource.class,
                AdmissionsResource.class,
                org.conclave.recording.boundary.MeetingRecordingResource.class,
                org.conclave.recording.boundary.MeetingRecordingsResource.class,
                org.conclave.recording.boundary.RecordingsResource.class,
                org.conclave.compliance.boundary.ReportsResource.class,
                org.conclave.admission.boundary.PlatformResource.class);
    }
}
