-- Keycloak user and admin events copied into the audit chain: each Keycloak event id at most once, however many
-- instances poll and however often they restart; the high-water mark says where the next poll starts.
CREATE TABLE keycloak_event_ingested (
    event_id    text PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('user', 'admin')),
    ingested_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE keycloak_ingestion_mark (
    kind      text PRIMARY KEY CHECK (kind IN ('user', 'admin')),
    last_time bigint NOT NULL
);
INSERT INTO keycloak_ingestion_mark (kind, last_time) VALUES ('user', 0), ('admin', 0);

GRANT SELECT, INSERT ON keycloak_event_ingested TO conclave_app;
GRANT SELECT, UPDATE ON keycloak_ingestion_mark TO conclave_app;
