#!/usr/bin/env bash
# CSV export of N check-ins (default 1,000,000) on a throwaway PostgreSQL: time and peak memory of
# `kpibot export checkins` (command line) and of GET /api/v1/export/checkins.csv (a running host), each
# streaming from the store. Also N/10, to show that memory does not grow with the rows. Results: docs/performance.md.
#   ./bench/export.sh            # 1,000,000 check-ins
#   ./bench/export.sh 200000
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
. scripts/test-postgres.sh
HOST_PID=
DB="kpibot_export_$$"
cleanup() {  # the database is dropped too: on a shared server a million rows must not stay behind
  if [ -n "$HOST_PID" ]; then kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; fi
  psql -q -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
  kpibot_stop_postgres
}
trap cleanup EXIT
trap 'exit 143' TERM INT
kpibot_start_postgres
export PGHOST=127.0.0.1 PGPORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$KPIBOT_TEST_POSTGRES")
psql -q -U postgres -d postgres -c "CREATE DATABASE $DB"
export Storage__Provider=Postgres ConnectionStrings__KpiBot="$KPIBOT_TEST_POSTGRES;Database=$DB" KpiBot__ImportSampleWhenEmpty=false
export Jobs__RunServer=false Logging__LogLevel__Default=Warning
dotnet build -c Release src/KpiBot.Host -v q -nologo >/dev/null
KPIBOT="dotnet src/KpiBot.Host/bin/Release/net10.0/kpibot.dll"
$KPIBOT db migrate >/dev/null
$KPIBOT goals import samples/goals.yaml >/dev/null

seed() {  # $1 rows: 9 people × 5 KDIs a day from 1970-01-01, one statement
  psql -q -U postgres -d "$DB" -c "TRUNCATE checkin_audit, checkin_entries" -c "
    INSERT INTO checkin_entries (person_id, node_id, day, value_scaled, note, blocker, source, revision, created_at, updated_at)
    SELECT p.id, k.id, DATE '1970-01-01' + d.n, (d.n % 50) * 10000, CASE WHEN d.n % 7 = 0 THEN '顧客A, \"至急\"' END,
           false, 'import', 1, now(), now()
    FROM generate_series(0, $1 / 45 + 1) AS d(n) CROSS JOIN people p CROSS JOIN goal_nodes k
    WHERE k.kind = 'Kdi' ORDER BY d.n, p.id, k.id LIMIT $1" -c "ANALYZE checkin_entries"
}

cli() {  # prints rows, seconds, peak RSS (MB), file size (MB)
  /usr/bin/time -f "%e %M" -o /tmp/export-time.$$ $KPIBOT export checkins --from 1900-01-01 --to 2199-12-31 --lang en \
    >/tmp/export.$$.csv 2>/dev/null
  read -r secs kb </tmp/export-time.$$
  echo "$(($(wc -l </tmp/export.$$.csv) - 1)) rows  ${secs} s  peak RSS $((kb / 1024)) MB  $(($(stat -c %s /tmp/export.$$.csv) / 1048576)) MB file"
}

api() {  # a running host: seconds for the download, and the host's peak RSS before and after
  local port=$((PGPORT + 1000))
  $KPIBOT serve --urls "http://127.0.0.1:$port" >/dev/null 2>&1 & HOST_PID=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.5; done
  local key; key=$($KPIBOT apikey create --name "bench-$1" --scope read 2>/dev/null)
  curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/tree" >/dev/null
  local before; before=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$HOST_PID/status)
  local secs; secs=$(curl -sf -o /tmp/export-api.$$.csv -w '%{time_total}' -H "Authorization: Bearer $key" \
    "http://127.0.0.1:$port/api/v1/export/checkins.csv?from=1900-01-01&to=2199-12-31")
  local after; after=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$HOST_PID/status)
  echo "$(($(wc -l </tmp/export-api.$$.csv) - 1)) rows  ${secs} s  host peak RSS ${before} MB before, ${after} MB after"
  kill $HOST_PID; wait $HOST_PID 2>/dev/null || true; HOST_PID=
}

for rows in $((N / 10)) "$N"; do
  seed "$rows"
  echo "== $rows check-ins"
  echo "cli: $(cli)"
  echo "api: $(api "$rows")"
done
rm -f /tmp/export.$$.csv /tmp/export-api.$$.csv /tmp/export-time.$$
