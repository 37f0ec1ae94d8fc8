-- The reviewed control catalogs (ISO/IEC 27002:2022 controls, ISO/IEC 27010:2015 sharing clauses) as loaded at
-- start from the reports module, one copy per catalog version; and the reports Conclave issued, with the SHA-256 of
-- every file so a printed report can be checked later.
CREATE TABLE catalog_version (
    version   text PRIMARY KEY,
    loaded_at timestamptz NOT NULL
);

CREATE TABLE catalog_control (
    catalog_version text NOT NULL REFERENCES catalog_version (version),
    control_id      text NOT NULL,
    title           text NOT NULL,
    theme           text NOT NULL,
    iso27002_2013   text NOT NULL,
    scope           text NOT NULL CHECK (scope IN ('automated', 'partial', 'out-of-scope')),
    evidence        text NOT NULL,
    PRIMARY KEY (catalog_version, control_id)
);

CREATE TABLE catalog_sharing_clause (
    catalog_version text NOT NULL REFERENCES catalog_version (version),
    clause          text NOT NULL,
    topic           text NOT NULL,
    scope           text NOT NULL CHECK (scope IN ('automated', 'partial', 'out-of-scope')),
    evidence        text NOT NULL,
    PRIMARY KEY (catalog_version, clause)
);

CREATE TABLE report_job (
    id                 text PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('compliance-pack', 'sharing-report', 'meeting-dossier')),
    format             text        NOT NULL CHECK (format IN ('pdf', 'csv')),
    period_from        date        NOT NULL,
    period_to          date        NOT NULL,
    meeting_id         text REFERENCES meeting (id),
    requested_by       text        NOT NULL,
    requested_by_name  text        NOT NULL,
    requested_at       timestamptz NOT NULL,
    state              text        NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    progress           integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    started_at         timestamptz,
    finished_at        timestamptz,
    file_name          text,
    size_bytes         bigint,
    sha256             text,
    data_sha256        text,
    catalog_version    text,
    error              text,
    CHECK (period_from <= period_to)
);
CREATE INDEX report_job_queue ON report_job (requested_at) WHERE state IN ('queued', 'running');
CREATE INDEX report_job_sha256 ON report_job (sha256);
CREATE INDEX report_job_requester ON report_job (requested_by, requested_at);

GRANT SELECT, INSERT ON catalog_version, catalog_control, catalog_sharing_clause TO conclave_app;
GRANT SELECT, INSERT, UPDATE ON report_job TO conclave_app;
