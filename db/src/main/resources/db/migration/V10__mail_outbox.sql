-- Mail leaves only after the action that caused it committed: it is written here in the same transaction and a
-- worker delivers it with retries. Bodies of sensitive messages (the passcode) are sealed with AES-GCM and wiped once
-- the message is delivered or has finally failed.
CREATE TABLE mail_outbox (
    id                text PRIMARY KEY,
    kind              text        NOT NULL,
    meeting_id        text        REFERENCES meeting (id),
    recipient_subject text        NOT NULL,
    recipient_address text        NOT NULL,
    locale            text        NOT NULL,
    subject           text        NOT NULL,
    text_body         text        NOT NULL,
    html_body         text        NOT NULL,
    calendar          text,
    calendar_method   text CHECK (calendar_method IN ('REQUEST', 'CANCEL')),
    sealed            boolean     NOT NULL,
    created_at        timestamptz NOT NULL,
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    sent_at           timestamptz,
    failed_at         timestamptz,
    last_error        text
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_meeting ON mail_outbox (meeting_id);

GRANT SELECT, INSERT, UPDATE ON mail_outbox TO conclave_app;
