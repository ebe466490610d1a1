#!/usr/bin/env bash
# The fault suite (docs/reliability.md): the real host on its own throwaway PostgreSQL against a fake Slack, a
# fan-out of prompts, one fault per case — SIGKILL of one of two hosts, PostgreSQL stopped for 30 s, the platform
# answering 429 then 500/503 for two minutes, the platform answering after 31 s — each ending with an accounting
# (due, sent once, lost, duplicated, time to recover). About 10 minutes on 2 cores. Usage:
#   ./bench/faults.sh                 # every case
#   ./bench/faults.sh Kill9           # the cases whose name contains Kill9
# KPIBOT_FAULTS_PEOPLE=N caps each case's fan-out (default 20,000 for the kill, 5,000 for PostgreSQL, fewer for
# the platform cases). Results are printed at the end and written to bench/faults-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
unset KPIBOT_TEST_POSTGRES   # the PostgreSQL case stops the server: never a shared one
. scripts/test-postgres.sh
# Hosts a failed or cancelled case left running (this checkout's test binaries only), then the server.
faults_cleanup() {
  for pid in $(pgrep -f -- "$PWD/tests/KpiBot.Host.Tests/bin/.*/kpibot.dll" || true); do kill -9 "$pid" 2>/dev/null || true; done
  kpibot_stop_postgres
}
trap faults_cleanup EXIT
kpibot_start_postgres
port=$(echo "$KPIBOT_TEST_POSTGRES" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')
as_pg=""; [ "$(id -u)" = "0" ] && as_pg="runuser -u postgres --"
export KPIBOT_FAULTS=1
export KPIBOT_FAULTS_PG_STOP="$as_pg $KPIBOT_PGBIN/pg_ctl -D $kpibot_pg_work/data -m immediate -w stop"
export KPIBOT_FAULTS_PG_START="$as_pg $KPIBOT_PGBIN/pg_ctl -D $kpibot_pg_work/data -l $kpibot_pg_work/server.log -w -t 60 -o '-p $port -c listen_addresses=127.0.0.1 -k $kpibot_pg_work -c fsync=off -c max_connections=300' start"
export KPIBOT_FAULTS_RESULTS=$PWD/bench/faults-results.md
: > "$KPIBOT_FAULTS_RESULTS"
dotnet build tests/KpiBot.Host.Tests -v q -nologo >/dev/null
status=0
dotnet test tests/KpiBot.Host.Tests --no-build --filter "FullyQualifiedName~KpiBot.Host.Tests.Faults.FaultTests${1:+&FullyQualifiedName~$1}" \
  --logger "console;verbosity=normal" || status=$?
echo; echo "Fault suite results ($(date -u '+%Y-%m-%d %H:%M UTC')):"; cat "$KPIBOT_FAULTS_RESULTS"
exit "$status"
