-- Admission: who was let into which meeting, waiting rooms, locks, removals with bans, passcode throttling.
ALTER TABLE meeting ADD COLUMN locked boolean NOT NULL DEFAULT false,
                    ADD COLUMN host_joined_at timestamptz,
                    ADD COLUMN ended_at timestamptz;

CREATE TABLE admission (
    id          text PRIMARY KEY,
    meeting_id  text        NOT NULL REFERENCES meeting (id),
    subject     text        NOT NULL,
    username    text        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('waiting', 'admitted', 'denied', 'revoked')),
    second_factor boolean   NOT NULL,
    created_at  timestamptz NOT NULL,
    decided_at  timestamptz,
    decided_by  text
);
CREATE INDEX admission_meeting ON admission (meeting_id, subject);

CREATE TABLE ban (
    id           text PRIMARY KEY,
    scope        text        NOT NULL CHECK (scope IN ('meeting', 'series', 'organisation')),
    meeting_id   text        NOT NULL REFERENCES meeting (id),
    series_id    text        NOT NULL,
    organisation text,
    subject      text        NOT NULL,
    banned_by    text        NOT NULL,
    created_at   timestamptz NOT NULL,
    lifted_at    timestamptz,
    lifted_by    text
);
CREATE INDEX ban_subject ON ban (subject) WHERE lifted_at IS NULL;

CREATE TABLE passcode_attempt (
    meeting_id text        NOT NULL,
    subject    text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX passcode_attempt_recent ON passcode_attempt (meeting_id, at);

GRANT SELECT, INSERT, UPDATE ON admission, ban TO conclave_app;
GRANT SELECT, INSERT, DELETE ON passcode_attempt TO conclave_app;
