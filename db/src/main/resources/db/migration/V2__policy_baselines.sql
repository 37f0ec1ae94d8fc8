-- Policy baselines: one per meeting classification, the settings a host may only tighten.
-- Every edit bumps the version and appends the new settings to policy_baseline_version, so the
-- baseline in force at any time can be shown (ISO/IEC 27002:2022 5.1, 8.9, 8.32).
CREATE TABLE policy_baseline (
    classification text PRIMARY KEY CHECK (classification IN ('PUBLIC','INTERNAL','CONFIDENTIAL','SECRET')),
    version        integer     NOT NULL,
    settings       jsonb       NOT NULL,
    changed_at     timestamptz NOT NULL,
    changed_by     text        NOT NULL
);
CREATE TABLE policy_baseline_version (
    classification text        NOT NULL REFERENCES policy_baseline (classification),
    version        integer     NOT NULL,
    settings       jsonb       NOT NULL,
    changed_at     timestamptz NOT NULL,
    changed_by     text        NOT NULL,
    PRIMARY KEY (classification, version)
);
GRANT SELECT, INSERT, UPDATE ON policy_baseline TO conclave_app;
GRANT SELECT, INSERT ON policy_baseline_version TO conclave_app;

-- Version 1: the same values as org.conclave.policy.entity.DefaultBaselines (a unit test keeps them equal).
INSERT INTO policy_baseline (classification, version, settings, changed_at, changed_by) VALUES
('PUBLIC', 1, '{
    "passcode-required": false,
    "passcode-min-length": 6,
    "registration-required": false,
    "host-approval-required": false,
    "waiting-room": false,
    "join-before-host": true,
    "auto-lock-minutes": 0,
    "guests-allowed": true,
    "other-organisations-allowed": true,
    "participant-2fa-required": false,
    "screen-sharing": "all",
    "file-transfer-allowed": true,
    "remote-control-allowed": false,
    "recording-allowed": true,
    "recording-consent-required": true,
    "recording-retention-min-days": 1,
    "recording-retention-max-days": 365,
    "max-participants": 1000,
    "ban-scope": "meeting",
    "require-e2ee": false,
    "require-on-premise-turn": false,
    "require-on-premise-recording-store": false,
    "passcode-by-mail-allowed": true,
    "token-lifetime-seconds": 300
}'::jsonb, now(), 'migration'),
('INTERNAL', 1, '{
    "passcode-required": true,
    "passcode-min-length": 8,
    "registration-required": false,
    "host-approval-required": false,
    "waiting-room": true,
    "join-before-host": false,
    "auto-lock-minutes": 30,
    "guests-allowed": false,
    "other-organisations-allowed": true,
    "participant-2fa-required": false,
    "screen-sharing": "all",
    "file-transfer-allowed": true,
    "remote-control-allowed": false,
    "recording-allowed": true,
    "recording-consent-required": true,
    "recording-retention-min-days": 1,
    "recording-retention-max-days": 365,
    "max-participants": 300,
    "ban-scope": "meeting",
    "require-e2ee": false,
    "require-on-premise-turn": false,
    "require-on-premise-recording-store": true,
    "passcode-by-mail-allowed": true,
    "token-lifetime-seconds": 300
}'::jsonb, now(), 'migration'),
('CONFIDENTIAL', 1, '{
    "passcode-required": true,
    "passcode-min-length": 10,
    "registration-required": true,
    "host-approval-required": true,
    "waiting-room": true,
    "join-before-host": false,
    "auto-lock-minutes": 15,
    "guests-allowed": false,
    "other-organisations-allowed": true,
    "participant-2fa-required": true,
    "screen-sharing": "host-only",
    "file-transfer-allowed": false,
    "remote-control-allowed": false,
    "recording-allowed": true,
    "recording-consent-required": true,
    "recording-retention-min-days": 7,
    "recording-retention-max-days": 90,
    "max-participants": 50,
    "ban-scope": "series",
    "require-e2ee": true,
    "require-on-premise-turn": true,
    "require-on-premise-recording-store": true,
    "passcode-by-mail-allowed": true,
    "token-lifetime-seconds": 300
}'::jsonb, now(), 'migration'),
('SECRET', 1, '{
    "passcode-required": true,
    "passcode-min-length": 12,
    "registration-required": true,
    "host-approval-required": true,
    "waiting-room": true,
    "join-before-host": false,
    "auto-lock-minutes": 10,
    "guests-allowed": false,
    "other-organisations-allowed": false,
    "participant-2fa-required": true,
    "screen-sharing": "host-only",
    "file-transfer-allowed": false,
    "remote-control-allowed": false,
    "recording-allowed": false,
    "recording-consent-required": true,
    "recording-retention-min-days": 1,
    "recording-retention-max-days": 30,
    "max-participants": 25,
    "ban-scope": "organisation",
    "require-e2ee": true,
    "require-on-premise-turn": true,
    "require-on-premise-recording-store": true,
    "passcode-by-mail-allowed": false,
    "token-lifetime-seconds": 120
}'::jsonb, now(), 'migration');

INSERT INTO policy_baseline_version (classification, version, settings, changed_at, changed_by)
SELECT classification, version, settings, changed_at, changed_by FROM policy_baseline;
