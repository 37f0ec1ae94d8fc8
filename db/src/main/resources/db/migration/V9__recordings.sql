-- Recording: the notice participants answer, the append-only consent ledger, the recordings authorised under a
-- notice, the files the platform reported, their deletion date, and legal holds that keep them past it.
ALTER TABLE meeting ADD COLUMN recording_feature boolean NOT NULL DEFAULT false;

CREATE TABLE recording_notice (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash         text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    meeting_id   text        NOT NULL REFERENCES meeting (id),
    notice       text        NOT NULL,
    published_at timestamptz NOT NULL,
    published_by text        NOT NULL
);
CREATE INDEX recording_notice_meeting ON recording_notice (meeting_id, id);

-- Append-only: an answer is never changed, a later answer (or a withdrawal) is a new row.
CREATE TABLE recording_consent (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  text        NOT NULL REFERENCES meeting (id),
    subject     text        NOT NULL,
    username    text        NOT NULL,
    notice_hash text        NOT NULL,
    consent     boolean     NOT NULL,
    answered_at timestamptz NOT NULL
);
CREATE INDEX recording_consent_meeting ON recording_consent (meeting_id, id);

CREATE TABLE recording (
    id             text PRIMARY KEY,
    meeting_id     text        NOT NULL REFERENCES meeting (id),
    notice_hash    text        NOT NULL,
    purpose        text        NOT NULL,
    location       text        NOT NULL,
    retention_days integer     NOT NULL CHECK (retention_days > 0),
    requested_by   text        NOT NULL,
    authorised_at  timestamptz NOT NULL,
    state          text        NOT NULL CHECK (state IN ('authorised', 'finished', 'deleted')),
    consent_breach boolean     NOT NULL DEFAULT false,
    file_path      text,
    size_bytes     bigint,
    sha256         text,
    finished_at    timestamptz,
    delete_after   timestamptz,
    deleted_at     timestamptz
);
CREATE INDEX recording_meeting ON recording (meeting_id);
CREATE INDEX recording_due ON recording (delete_after) WHERE state = 'finished';
-- One running recording per meeting.
CREATE UNIQUE INDEX recording_one_running ON recording (meeting_id) WHERE state = 'authorised';

CREATE TABLE recording_access (
    recording_id text NOT NULL REFERENCES recording (id),
    subject      text NOT NULL,
    username     text NOT NULL,
    PRIMARY KEY (recording_id, subject)
);

CREATE TABLE legal_hold (
    id             text PRIMARY KEY,
    recording_id   text REFERENCES recording (id),
    meeting_id     text REFERENCES meeting (id),
    reason         text        NOT NULL,
    case_reference text        NOT NULL,
    placed_by      text        NOT NULL,
    placed_at      timestamptz NOT NULL,
    lifted_by      text,
    lifted_at      timestamptz,
    CHECK (num_nonnulls(recording_id, meeting_id) = 1)
);
CREATE INDEX legal_hold_active ON legal_hold (recording_id, meeting_id) WHERE lifted_at IS NULL;

GRANT SELECT, INSERT ON recording_notice, recording_consent, recording_access TO conclave_app;
GRANT SELECT, INSERT, UPDATE ON recording, legal_hold TO conclave_app;
-- EclipseLink reads generated ids with lastval(), which needs the sequence.
GRANT USAGE ON SEQUENCE recording_notice_id_seq, recording_consent_id_seq TO conclave_app;
