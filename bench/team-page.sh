#!/usr/bin/env bash
# A big team: the sample goals with N more reps in 営業部 (default 500) and a year of their check-ins (two daily
# KDIs on ~85 % of working days, skips, time off, open blockers) in a throwaway database on PostgreSQL
# (KPIBOT_TEST_POSTGRES, or a server started here), served by the Release host. Signs in to the dashboard as the
# team's lead and requests each page R times one after another (default 200, after 20 to warm up) and R times
# from 4 clients at once; then the lead asks `/kpi status` over Slack R times the same ways (StatusBenchmark).
# Prints p50 / p95 / max and drops the database at the end. Results: docs/performance.md.
#   ./bench/team-page.sh            # 500 reps, 200 requests per page
#   ./bench/team-page.sh 500 100
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500}
R=${2:-200}
. scripts/test-postgres.sh
WORK=$(mktemp -d /tmp/kpibot-teampage.XXXXXX)
HOST_PID=
DB="kpibot_teampage_$$"
cleanup() {  # the database is dropped too: a year of a big team's check-ins must not stay on a shared server
  if [ -n "$HOST_PID" ]; then kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; fi
  psql -q -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true
  kpibot_stop_postgres; rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
kpibot_start_postgres
export PGHOST=127.0.0.1 PGPORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$KPIBOT_TEST_POSTGRES")
psql -q -U postgres -d postgres -c "CREATE DATABASE $DB"
PORT=$((20000 + $$ % 20000))
SITE="http://localhost:$PORT"
export Storage__Provider=Postgres ConnectionStrings__KpiBot="$KPIBOT_TEST_POSTGRES;Database=$DB" KpiBot__ImportSampleWhenEmpty=false
export Jobs__RunServer=false Logging__LogLevel__Default=Warning KpiBot__PublicBaseUrl="$SITE" ASPNETCORE_URLS="http://127.0.0.1:$PORT"
dotnet build -c Release tests/KpiBot.Benchmarks -v q -nologo >/dev/null   # the host and the status client
KPIBOT="dotnet src/KpiBot.Host/bin/Release/net10.0/kpibot.dll"
$KPIBOT db migrate >/dev/null

# The sample with N more reps in sales (ids rep0001…).
awk -v n="$N" '/^kgis:/ { for (i = 1; i <= n; i++) printf "  - { id: rep%04d, name: 担当 %04d, email: rep%04d@example.com, role: rep, team: sales }\n", i, i, i; print "" } { print }' \
  samples/goals.yaml >"$WORK/goals.yaml"
$KPIBOT goals import "$WORK/goals.yaml" >/dev/null

echo "Seeding a year of check-ins for $(psql -tA -U postgres -d "$DB" -c "SELECT count(*) FROM people WHERE team_id = 'sales' AND role = 'Rep'") reps…"
psql -q -U postgres -d "$DB" <<SQL
INSERT INTO checkin_entries (person_id, node_id, day, value_scaled, note, blocker, source, revision, created_at, updated_at)
SELECT p.id, k.id, d.day, (10 + (hashtext(p.id || d.day) & 15)) * 10000, NULL, false, 'import', 1, now(), now()
FROM people p
CROSS JOIN (VALUES ('daily-calls'), ('intro-emails')) AS k(id)
CROSS JOIN generate_series(current_date - 365, current_date - 1, interval '1 day') AS g(ts)
CROSS JOIN LATERAL (SELECT g.ts::date AS day) d
WHERE p.team_id = 'sales' AND p.role = 'Rep' AND extract(isodow FROM d.day) < 6
  AND (hashtext(p.id || d.day || 'a') & 255) < 218;           -- ~85 % of working days answered
INSERT INTO day_skips (person_id, day, reason, created_at)
SELECT p.id, d.day, 'visit', now()
FROM people p CROSS JOIN LATERAL (SELECT generate_series(current_date - 365, current_date - 1, interval '1 day')::date AS day) d
WHERE p.team_id = 'sales' AND p.role = 'Rep' AND extract(isodow FROM d.day) < 6
  AND (hashtext(p.id || d.day || 'a') & 255) BETWEEN 218 AND 230
ON CONFLICT DO NOTHING;
INSERT INTO time_off (person_id, first_day, last_day, reason, created_at)
SELECT p.id, current_date - (hashtext(p.id) & 300) - 10, current_date - (hashtext(p.id) & 300) - 6, NULL, now()
FROM people p WHERE p.team_id = 'sales' AND p.role = 'Rep';
INSERT INTO blockers (person_id, day, note, raised_at)
SELECT p.id, current_date - 2, '顧客リストが古い', now() FROM people p WHERE p.team_id = 'sales' AND p.role = 'Rep' AND p.id LIKE 'rep00%';
ANALYZE;
SQL
echo "$(psql -tA -U postgres -d "$DB" -c "SELECT count(*) FROM checkin_entries") check-ins, $(psql -tA -U postgres -d "$DB" -c "SELECT count(*) FROM day_skips") skips, $(psql -tA -U postgres -d "$DB" -c "SELECT count(*) FROM blockers") open blockers."

$KPIBOT >"$WORK/host.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 120); do curl -fs "$SITE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

# Sign in as the lead (佐藤) with a one-time link made the way the chat command makes it: only its hash is stored.
TOKEN=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-43)
psql -q -U postgres -d "$DB" -c "INSERT INTO sign_in_links (token_hash, person_id, created_at, expires_at) VALUES ('$(printf %s "$TOKEN" | sha256sum | cut -c1-64)', 'sato', now(), now() + interval '15 minutes')"
curl -s -c "$WORK/jar" "$SITE/dashboard/signin/sato?t=$TOKEN" >"$WORK/signin.html"
FORM=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$WORK/signin.html" | sed 's/.*value="//; s/"$//')
COOKIE=$(curl -s -b "$WORK/jar" -D - -o /dev/null --data-urlencode "t=$TOKEN" --data-urlencode "__RequestVerificationToken=$FORM" \
  "$SITE/dashboard/signin/sato" | grep -i '^set-cookie: kpibot.dashboard=' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
[ -n "$COOKIE" ] || { echo "sign-in failed"; exit 1; }

measure() {  # $1 label, $2 path, $3 parallel clients: prints p50 / p95 / max over R requests
  for _ in $(seq 1 20); do curl -s -o /dev/null -H "Cookie: $COOKIE" "$SITE$2"; done
  seq 1 "$R" | xargs -P "$3" -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $COOKIE" "$SITE$2" >"$WORK/times"
  local bad; bad=$(grep -vc '^200 ' "$WORK/times" || true)
  sort -k2 -n "$WORK/times" | awk -v label="$1" -v c="$3" -v bad="$bad" '{ t[NR] = $2 * 1000 } END {
    printf "%-34s %d client(s)  %d requests  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  non-200: %d\n",
      label, c, NR, t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR], bad }'
}

echo "Pages for 営業部 ($N + 3 reps), $R requests each:"
for clients in 1 4; do
  measure "team page (heat map, blockers, behind)" "/dashboard/teams/sales/people" $clients
  measure "goal tree" "/dashboard/teams/sales" $clients
  measure "person page" "/dashboard/people/rep0001" $clients
done
measure "goal page (month chart)" "/dashboard/teams/sales/goals/daily-calls?period=month" 1
kill $HOST_PID; wait $HOST_PID 2>/dev/null || true; HOST_PID=

echo "The lead's status over Slack, $R requests each:"
dotnet tests/KpiBot.Benchmarks/bin/Release/net10.0/KpiBot.Benchmarks.dll status "$ConnectionStrings__KpiBot" sato "$R"
echo "load at the end: $(uptime)"
