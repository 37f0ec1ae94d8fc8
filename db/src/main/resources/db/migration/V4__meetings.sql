-- Meetings, their invitees and co-hosts, registrations, and time-limited policy exceptions.
-- Ids are 128-bit random values (base64url, 22 characters): unguessable, never sequential.
CREATE TABLE meeting (
    id                text PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    series_id         text        NOT NULL,
    occurrence        integer     NOT NULL DEFAULT 1,
    host_subject      text        NOT NULL,
    host_username     text        NOT NULL,
    host_organisation text,
    title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description       text        NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    classification    text        NOT NULL REFERENCES policy_baseline (classification),
    sharing_label     text        NOT NULL CHECK (sharing_label IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    starts_at         timestamptz NOT NULL,
    duration_minutes  integer     NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
    time_zone         text        NOT NULL,
    recurrence        text,
    tightenings       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    policy            jsonb       NOT NULL,
    baseline_version  integer     NOT NULL,
    passcode_hash     text,
    passcode_rotated_at timestamptz,
    state             text        NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'cancelled', 'ended')),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           integer     NOT NULL DEFAULT 1
);
CREATE INDEX meeting_host ON meeting (host_subject, starts_at);
CREATE INDEX meeting_series ON meeting (series_id, occurrence);
CREATE INDEX meeting_classification ON meeting (classification, state);

CREATE TABLE meeting_cohost (
    meeting_id text NOT NULL REFERENCES meeting (id),
    subject    text NOT NULL,
    PRIMARY KEY (meeting_id, subject)
);

CREATE TABLE meeting_invitation (
    meeting_id   text NOT NULL REFERENCES meeting (id),
    subject      text NOT NULL,
    username     text NOT NULL,
    organisation text,
    PRIMARY KEY (meeting_id, subject)
);
CREATE INDEX meeting_invitation_subject ON meeting_invitation (subject);

CREATE TABLE registration (
    id           text PRIMARY KEY,
    meeting_id   text        NOT NULL REFERENCES meeting (id),
    subject      text        NOT NULL,
    username     text        NOT NULL,
    organisation text,
    state        text        NOT NULL CHECK (state IN ('pending', 'approved', 'denied')),
    created_at   timestamptz NOT NULL,
    decided_at   timestamptz,
    decided_by   text,
    UNIQUE (meeting_id, subject)
);

CREATE TABLE policy_exception (
    id            text PRIMARY KEY,
    meeting_id    text        NOT NULL REFERENCES meeting (id),
    setting       text        NOT NULL,
    allowed_value jsonb       NOT NULL,
    justification text        NOT NULL CHECK (length(justification) BETWEEN 10 AND 2000),
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    state         text        NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'expired')),
    decided_by    text,
    decided_at    timestamptz
);
CREATE INDEX policy_exception_meeting ON policy_exception (meeting_id, state);

GRANT SELECT, INSERT, UPDATE ON meeting, registration, policy_exception TO conclave_app;
GRANT SELECT, INSERT, DELETE ON meeting_cohost, meeting_invitation TO conclave_app;
