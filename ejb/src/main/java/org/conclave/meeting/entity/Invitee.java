package org.conclave.meeting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A person invited to a meeting, as Keycloak knows them. */
@Embeddable
public class Invitee {

    @Column(name = "subject")
    private String subject;

    @Column(name = "username")
    private String username;

    @Column(name = "organisation")
    private String organisation;

    protected Invitee() {}

    public Invitee(String subject, String username, String organisation) {
        this.subject = subject;
        this.username = username;
        this.organisation = organisation;
    }

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public String organisation() {
        return organisation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Invitee i && Objects.equals(i.subject, subject);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(subject);
    }
}
