package org.conclave.recording.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Someone the host named on a recording's access list. */
@Embeddable
public class AccessGrant {

    @Column(name = "subject")
    private String subject;

    @Column(name = "username")
    private String username;

    protected AccessGrant() {}

    public AccessGrant(String subject, String username) {
        this.subject = subject;
        this.username = username;
    }

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessGrant g && Objects.equals(g.subject, subject);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(subject);
    }
}
