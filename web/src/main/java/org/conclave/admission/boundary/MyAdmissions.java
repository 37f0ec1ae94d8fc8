package org.conclave.admission.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The admissions this session is waiting on, by meeting: kept here, never in a URL. */
@SessionScoped
public class MyAdmissions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> waiting = new ConcurrentHashMap<>();

    public void waitFor(String meetingId, String admissionId) {
        waiting.put(meetingId, admissionId);
    }

    public Optional<String> of(String meetingId) {
        return Optional.ofNullable(meetingId).map(waiting::get);
    }

    public void forget(String meetingId) {
        waiting.remove(meetingId);
    }
}
