#!/usr/bin/env bash
# Audit append rate (benchmark P2) against pgbench's single-row INSERT on the same PostgreSQL, same run.
# Starts its own durable stack (fsync and synchronous commit on) in .conclave-bench/ on other ports, measures
#   reference : pgbench, N clients, single-row INSERT into a copy of audit_event's structure (same columns, indexes)
#   naive     : pgbench, N clients, each writer locks the chain head, hashes and inserts (lock held to commit)
#   conclave  : pgbench, N clients, Conclave's own append statement as the application role, while the portal's
#               sealer chains the events; the rate counts until the last event is sealed
# and writes bench/results/<date>-audit-append.md. Loopback only; each run is bounded in time.
# bench/run calls it as benchmark P2 against the stack it started (BENCH_STACK_RUNNING=1): then it starts nothing and
# appends its figures to $BENCH_RESULTS (key=value) instead of writing its own results file.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-32}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}

if ! command -v pgbench >/dev/null 2>&1; then
  echo "installing pgbench (Debian package postgresql-client)"
  apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null
fi

if [ "${BENCH_STACK_RUNNING:-0}" != 1 ]; then
  export CONCLAVE_STACK_DATA="$PWD/.conclave-bench" CONCLAVE_PORT=18080 CONCLAVE_KEYCLOAK_PORT=18180 \
    CONCLAVE_KEYCLOAK_MANAGEMENT_PORT=19180 CONCLAVE_DB_PORT=25432 CONCLAVE_MAIL_PORT=12525 CONCLAVE_MAIL_VIEWER_PORT=18025
  mkdir -p "$CONCLAVE_STACK_DATA"
  LOG="$CONCLAVE_STACK_DATA/stack.log"
  setsid ./conclave run > "$LOG" 2>&1 &
  STACK=$!
  stop() { kill -TERM -- -"$STACK" 2>/dev/null || true; wait "$STACK" 2>/dev/null || true; }
  trap stop EXIT
  for _ in $(seq 1 600); do
    grep -q "Conclave is ready" "$LOG" && break
    kill -0 "$STACK" 2>/dev/null || { tail -30 "$LOG"; exit 1; }
    sleep 1
  done
  grep -q "Conclave is ready" "$LOG" || { echo "the stack did not start"; exit 1; }
fi
DB_PORT=${CONCLAVE_DB_PORT:-25432}

secret() { grep "^$1=" "$CONCLAVE_STACK_DATA/dev-secrets.properties" | cut -d= -f2-; }
SU=(env PGPASSWORD="$(secret postgres.superuser.password)" psql -qAt -h 127.0.0.1 -p "$DB_PORT" -U postgres -d conclave)
APP_PW="$(secret postgres.conclave_app.password)"
UNSEALED="SELECT count(*) FROM audit_event WHERE id > coalesce((SELECT event_id FROM audit_chain ORDER BY seq DESC LIMIT 1), 0)"
"${SU[@]}" -c "SHOW fsync" | grep -q on
"${SU[@]}" -c "SHOW synchronous_commit" | grep -q on
"${SU[@]}" <<'SQL'
DROP TABLE IF EXISTS bench_plain, bench_naive_chain;
-- The comparable table: audit_event's columns, defaults, constraints and indexes (no triggers, no chain).
CREATE TABLE bench_plain (LIKE audit_event INCLUDING ALL);
CREATE TABLE bench_naive_chain (seq bigint PRIMARY KEY, prev_hash bytea NOT NULL, hash bytea NOT NULL, event jsonb NOT NULL);
SQL

# Each measured run starts right after a CHECKPOINT, so that none of them pays for the WAL another one wrote; the
# reference and Conclave's append are measured in ROUNDS interleaved rounds (reference, Conclave, reference, ...) and
# each rate is the mean of its rounds, so that a slow minute of the machine weighs on both alike.
ROUNDS=${ROUNDS:-2}
SU_PW="$(secret postgres.superuser.password)"
pgbench_tps() { # user password script seconds
  PGPASSWORD="$2" pgbench -n -h 127.0.0.1 -p "$DB_PORT" -U "$1" -c "$CLIENTS" -j 2 -T "$4" -f "$3" conclave \
    | awk '/^tps/ && !seen {printf "%.1f\n", $3; seen = 1}'
}
measured() { # user password script: warm-up, checkpoint, measured run; prints its tps
  pgbench_tps "$1" "$2" "$3" "$WARMUP" > /dev/null
  "${SU[@]}" -c CHECKPOINT
  pgbench_tps "$1" "$2" "$3" "$DURATION"
}
sealed_all() { for _ in $(seq 1 600); do [ "$("${SU[@]}" -c "$UNSEALED")" = 0 ] && return; sleep 0.2; done; }
mean() { awk '{s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.1f", s / NF}' <<< "$*"; }

REFS=() APPENDS=() EFFECTIVES=() SEALED=0
for round in $(seq 1 "$ROUNDS"); do
  REFS+=("$(measured postgres "$SU_PW" bench/sql/plain-insert.sql)")
  pgbench_tps conclave_app "$APP_PW" bench/sql/conclave-append.sql "$WARMUP" > /dev/null
  sealed_all
  "${SU[@]}" -c CHECKPOINT
  BEFORE=$("${SU[@]}" -c "SELECT count(*) FROM audit_chain")
  START=$(date +%s.%N)
  APPENDS+=("$(pgbench_tps conclave_app "$APP_PW" bench/sql/conclave-append.sql "$DURATION")")
  sealed_all
  END=$(date +%s.%N)
  AFTER=$("${SU[@]}" -c "SELECT count(*) FROM audit_chain")
  SEALED=$((SEALED + AFTER - BEFORE))
  EFFECTIVES+=("$(awk -v n="$((AFTER - BEFORE))" -v s="$START" -v e="$END" 'BEGIN {printf "%.1f", n / (e - s)}')")
  echo "P2 round $round: reference ${REFS[-1]} inserts/s, Conclave appended and sealed ${EFFECTIVES[-1]}/s"
done
NAIVE=$(measured postgres "$SU_PW" bench/sql/naive-chain.sql)
REF=$(mean "${REFS[@]}")
APPEND=$(mean "${APPENDS[@]}")
EFFECTIVE=$(mean "${EFFECTIVES[@]}")
GAPFREE=$("${SU[@]}" -c "SELECT CASE WHEN count(*) = max(seq) THEN 'yes' ELSE 'NO' END FROM audit_chain")
RATIO=$(awk -v a="$EFFECTIVE" -v b="$REF" 'BEGIN {printf "%.2f", a / b}')
NAIVE_RATIO=$(awk -v a="$NAIVE" -v b="$REF" 'BEGIN {printf "%.2f", a / b}')

if [ -n "${BENCH_RESULTS:-}" ]; then
  cat >> "$BENCH_RESULTS" <<PROPS
p2.clients=$CLIENTS
p2.seconds=$DURATION
p2.rounds=$ROUNDS
p2.reference=$REF
p2.reference_rounds=${REFS[*]}
p2.effective_rounds=${EFFECTIVES[*]}
p2.naive=$NAIVE
p2.naive_ratio=$NAIVE_RATIO
p2.append=$APPEND
p2.effective=$EFFECTIVE
p2.ratio=$RATIO
p2.sealed=$SEALED
p2.gapfree=$GAPFREE
PROPS
  echo "P2: reference $REF inserts/s, naive chain $NAIVE/s ($NAIVE_RATIO), Conclave appended and sealed $EFFECTIVE/s ($RATIO)"
  exit 0
fi
DATE=$(date -u +%Y-%m-%d)
OUT="bench/results/$DATE-audit-append.md"
cat > "$OUT" <<MD
# Audit append rate, $DATE

Command: \`bash bench/audit-append.sh\` (CLIENTS=$CLIENTS, DURATION=${DURATION}s after a ${WARMUP}s warm-up and a
CHECKPOINT, reference and Conclave interleaved in $ROUNDS rounds: ${REFS[*]} and ${EFFECTIVES[*]}), on
$(nproc) cores; PostgreSQL with fsync and synchronous_commit on; loopback only.

| measure | events/s | ratio to reference | goal |
|---|---|---|---|
| reference: pgbench single-row INSERT into a table like audit_event (same columns and indexes), $CLIENTS clients | $REF | 1.00 | |
| naive chain (lock held to commit), $CLIENTS clients | $NAIVE | $NAIVE_RATIO | (rejected design) |
| Conclave append as the application role, $CLIENTS clients (writers only) | $APPEND | | |
| Conclave append, counted until the last event is sealed into the chain | $EFFECTIVE | $RATIO | ≥ 0.75 |

Events sealed in the measured runs: $SEALED; chain gap-free afterwards: $GAPFREE.
MD
cat "$OUT"
