-- The naive design: each writer takes the chain lock, reads the head, hashes and inserts, holding the lock to commit.
BEGIN;
SELECT pg_advisory_xact_lock(7);
INSERT INTO bench_naive_chain (seq, prev_hash, hash, event)
SELECT h.seq + 1, h.hash, sha256(h.hash || convert_to(e::text, 'UTF8')), e
  FROM (SELECT coalesce(max(seq), 0) AS seq,
               coalesce((SELECT hash FROM bench_naive_chain ORDER BY seq DESC LIMIT 1), '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) AS hash
          FROM bench_naive_chain) h,
       (SELECT jsonb_build_object('action', 'bench.append', 'outcome', 'allowed', 'at', now()) AS e) ev(e);
COMMIT;
