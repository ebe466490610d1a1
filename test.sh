#!/usr/bin/env bash
# Runs every test of the solution. Starts a throwaway PostgreSQL on a loopback port unless
# KPIBOT_TEST_POSTGRES already names one, and ends with a "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")"

pg_started=""
work=$(mktemp -d /tmp/kpibot-test.XXXXXX)
cleanup() {
  if [ -n "$pg_started" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -z "${KPIBOT_TEST_POSTGRES:-}" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL is not installed: apt-get install -y postgresql, or set KPIBOT_TEST_POSTGRES." >&2
    exit 1
  fi
  port=${KPIBOT_TEST_PG_PORT:-55432}
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  mkdir -p "$work/pg"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$work" "$work/pg"
  as_pg "$PGBIN/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log"
  as_pg "$PGBIN/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $work/pg -c fsync=off -c max_connections=200" start >/dev/null
  pg_started=1
  export KPIBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
  echo "PostgreSQL for tests on 127.0.0.1:$port"
fi

status=0
dotnet test KpiBot.sln --logger "trx" --results-directory "$work/results" "$@" || status=$?

passed=0; failed=0; skipped=0
for trx in "$work"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o "$1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test failed before tests ran (build error?)." >&2; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
