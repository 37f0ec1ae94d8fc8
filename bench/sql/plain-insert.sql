-- Reference: one single-row INSERT into a table shaped like audit_event, autocommit.
INSERT INTO bench_plain (occurred_at, source, actor_subject, actor_roles, action, target_type, target_id, outcome, details)
VALUES (now(), 'conclave', 'bench-subject', '{host}', 'bench.append', 'meeting', 'bench-meeting', 'allowed', '{"n": 1}');
