-- Faster appends (measured by bench/audit-append.sh): one row per event instead of three.
--  * The erasable personal data (username, client address) moves into two columns of audit_event that the hash does
--    not cover; the immutability trigger lets exactly one kind of update through: erasing them.
--  * The sealing queue becomes UNLOGGED (no WAL per event); after a crash it is rebuilt from the events not yet
--    chained (audit_requeue_unsealed, called by the sealer at start).
--  * Secondary indexes that only served rare filters are dropped (listing walks the primary key backwards).
SET ROLE conclave_audit;

ALTER TABLE audit_event ADD COLUMN actor_username text, ADD COLUMN client_address text;

ALTER TABLE audit_event DISABLE TRIGGER audit_event_immutable;
UPDATE audit_event e SET actor_username = p.username, client_address = p.client_address
  FROM audit_personal_data p WHERE p.event_id = e.id;
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_immutable;
DROP FUNCTION audit_erase_person(text);
DROP TABLE audit_personal_data;

CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_event'
       AND NEW.actor_username IS NULL AND NEW.client_address IS NULL
       AND (NEW.id, NEW.occurred_at, NEW.source, NEW.actor_subject, NEW.actor_roles, NEW.actor_organisation,
            NEW.actor_amr, NEW.action, NEW.target_type, NEW.target_id, NEW.outcome, NEW.reason, NEW.details,
            NEW.request_id)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.occurred_at, OLD.source, OLD.actor_subject, OLD.actor_roles, OLD.actor_organisation,
            OLD.actor_amr, OLD.action, OLD.target_type, OLD.target_id, OLD.outcome, OLD.reason, OLD.details,
            OLD.request_id) THEN
        RETURN NEW; -- erasure of personal data: nothing the chain covers changes
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Erasure of a person (GDPR Art. 17): removes names and addresses, leaves the chain intact.
CREATE FUNCTION audit_erase_person(p_subject text) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
DECLARE
    erased bigint;
BEGIN
    UPDATE audit_event SET actor_username = NULL, client_address = NULL
     WHERE actor_subject = p_subject AND (actor_username IS NOT NULL OR client_address IS NOT NULL);
    GET DIAGNOSTICS erased = ROW_COUNT;
    RETURN erased;
END
$$;
REVOKE ALL ON FUNCTION audit_erase_person(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_erase_person(text) TO conclave_app;

ALTER TABLE audit_pending SET UNLOGGED;

CREATE FUNCTION audit_requeue_unsealed() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
DECLARE
    queued bigint;
BEGIN
    INSERT INTO audit_pending (event_id)
    SELECT e.id FROM audit_event e
     WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS queued = ROW_COUNT;
    RETURN queued;
END
$$;
REVOKE ALL ON FUNCTION audit_requeue_unsealed() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_requeue_unsealed() TO conclave_app;

DROP INDEX audit_event_actor;
DROP INDEX audit_event_action;

RESET ROLE;
