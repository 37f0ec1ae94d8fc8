package org.conclave.notification.entity;

/** The messages Conclave sends; the wire name is the key of its texts in the {@code mail} resource bundle. */
public enum MailKind {
    INVITATION("invitation"),
    UPDATE("update"),
    CANCELLATION("cancellation"),
    REGISTRATION_RECEIVED("registration-received"),
    REGISTRATION_APPROVED("registration-approved"),
    REGISTRATION_DENIED("registration-denied"),
    RECORDING_NOTICE("recording-notice"),
    PASSCODE("passcode");

    private final String wireName;

    MailKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
