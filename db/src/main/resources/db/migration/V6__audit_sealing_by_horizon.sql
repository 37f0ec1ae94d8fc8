-- Sealing without a queue (measured by bench/audit-append.sh): writers insert one row and nothing else.
-- The sealer chains events in id order up to a horizon below which every transaction that took an event id has
-- finished (see docs/audit-chain.md). Writers take their transaction id before their event id, which makes the
-- horizon exact.
SET ROLE conclave_audit;

DROP TRIGGER audit_event_queue ON audit_event;
DROP FUNCTION audit_queue_for_sealing();
DROP FUNCTION audit_requeue_unsealed();
DROP TABLE audit_pending;

GRANT SELECT ON SEQUENCE audit_event_id_seq TO conclave_app;

RESET ROLE;
