-- The video platform Conclave hands tokens for (Jitsi Meet first), its declared security posture, the occupant
-- events it reports (each event id once: replays are refused), and the attendance reconciled from them.
CREATE TABLE video_platform (
    id                         text PRIMARY KEY,
    kind                       text        NOT NULL CHECK (kind IN ('jitsi')),
    base_url                   text        NOT NULL,
    e2ee_capable               boolean     NOT NULL,
    on_premise_turn            boolean     NOT NULL,
    on_premise_recording_store boolean     NOT NULL,
    registered_at              timestamptz NOT NULL,
    registered_by              text        NOT NULL
);
-- The development platform of the local stack; admins register the real one with its real posture.
INSERT INTO video_platform VALUES ('jitsi', 'jitsi', 'https://meet.conclave.test', true, true, true, now(), 'migration');

CREATE TABLE platform_event (
    event_id    text PRIMARY KEY CHECK (length(event_id) BETWEEN 8 AND 100),
    kind        text        NOT NULL,
    room        text        NOT NULL,
    subject     text,
    received_at timestamptz NOT NULL
);

CREATE TABLE attendance (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  text        NOT NULL REFERENCES meeting (id),
    subject     text        NOT NULL,
    display_name text,
    admitted    boolean     NOT NULL,
    joined_at   timestamptz NOT NULL,
    left_at     timestamptz
);
CREATE INDEX attendance_meeting ON attendance (meeting_id, subject);

GRANT SELECT, UPDATE ON video_platform TO conclave_app;
GRANT SELECT, INSERT ON platform_event TO conclave_app;
GRANT SELECT, INSERT, UPDATE ON attendance TO conclave_app;
