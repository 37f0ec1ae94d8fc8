-- The audit log: append-only events, sealed into one hash chain shortly after they commit.
-- Owned by the NOLOGIN role conclave_audit; the application role may only append and read.
SET ROLE conclave_audit;

-- One row per governed decision, written in the same transaction as the decision itself.
-- Only pseudonymous identifiers live here (Keycloak subject, object ids); they are covered by the hash.
CREATE TABLE audit_event (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at        timestamptz NOT NULL,
    source             text        NOT NULL CHECK (source IN ('conclave', 'keycloak', 'platform')),
    actor_subject      text,
    actor_roles        text[]      NOT NULL DEFAULT '{}',
    actor_organisation text,
    actor_amr          text[]      NOT NULL DEFAULT '{}',
    action             text        NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
    target_type        text,
    target_id          text,
    outcome            text        NOT NULL CHECK (outcome IN ('allowed', 'refused')),
    reason             text,
    details            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    request_id         text
);
CREATE INDEX audit_event_target ON audit_event (target_type, target_id, id);
CREATE INDEX audit_event_actor ON audit_event (actor_subject, id);
CREATE INDEX audit_event_action ON audit_event (action, id);

-- What identifies a person behind an event (name, client address): not hashed, erasable on request.
CREATE TABLE audit_personal_data (
    event_id       bigint PRIMARY KEY REFERENCES audit_event (id),
    subject        text,
    username       text,
    client_address text
);
CREATE INDEX audit_personal_data_subject ON audit_personal_data (subject);

-- Events committed but not yet chained. The sealer drains it in id order.
CREATE TABLE audit_pending (
    event_id bigint PRIMARY KEY REFERENCES audit_event (id)
);

-- The chain: gap-free sequence numbers in sealing order, each hash covering its predecessor.
CREATE TABLE audit_chain (
    seq       bigint PRIMARY KEY CHECK (seq > 0),
    event_id  bigint      NOT NULL UNIQUE REFERENCES audit_event (id),
    prev_hash bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash      bytea       NOT NULL CHECK (length(hash) = 32),
    sealed_at timestamptz NOT NULL
);

-- Signed checkpoints of the chain head (Ed25519), also mirrored to a file outside the database.
CREATE TABLE audit_checkpoint (
    last_seq    bigint PRIMARY KEY,
    head_hash   bytea       NOT NULL CHECK (length(head_hash) = 32),
    event_count bigint      NOT NULL,
    signed_at   timestamptz NOT NULL,
    key_id      text        NOT NULL,
    signature   bytea       NOT NULL
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_immutable BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_immutable BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_immutable BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_immutable;
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_truncate;
ALTER TABLE audit_chain ENABLE ALWAYS TRIGGER audit_chain_immutable;
ALTER TABLE audit_chain ENABLE ALWAYS TRIGGER audit_chain_no_truncate;
ALTER TABLE audit_checkpoint ENABLE ALWAYS TRIGGER audit_checkpoint_immutable;
ALTER TABLE audit_checkpoint ENABLE ALWAYS TRIGGER audit_checkpoint_no_truncate;

-- Each new event is queued for sealing by the database itself, so no writer can forget it.
CREATE FUNCTION audit_queue_for_sealing() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO audit_pending (event_id) VALUES (NEW.id);
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_queue AFTER INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_queue_for_sealing();

-- Erasure of a person (GDPR Art. 17): removes names and addresses, leaves the chain intact.
CREATE FUNCTION audit_erase_person(p_subject text) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
DECLARE
    erased bigint;
BEGIN
    UPDATE audit_personal_data SET username = NULL, client_address = NULL
     WHERE subject = p_subject AND (username IS NOT NULL OR client_address IS NOT NULL);
    GET DIAGNOSTICS erased = ROW_COUNT;
    RETURN erased;
END
$$;

REVOKE ALL ON audit_event, audit_personal_data, audit_pending, audit_chain, audit_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT ON audit_event, audit_personal_data, audit_chain, audit_checkpoint TO conclave_app;
GRANT SELECT, DELETE ON audit_pending TO conclave_app;
REVOKE ALL ON FUNCTION audit_erase_person(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_erase_person(text) TO conclave_app;

RESET ROLE;
