-- Reference: the same row as Conclave's append, as one plain single-row INSERT (autocommit), into a table with
-- audit_event's structure but no chain.
INSERT INTO bench_plain (occurred_at, source, actor_subject, actor_roles, actor_organisation, actor_amr,
                         action, target_type, target_id, outcome, reason, details, request_id,
                         actor_username, client_address)
VALUES (now(), 'conclave', 'bench-subject', '{host}', 'home', '{pwd,otp}',
        'bench.append', 'meeting', 'bench-meeting', 'allowed', NULL, '{"n": 1}'::jsonb, 'bench', 'bench', '127.0.0.1');
