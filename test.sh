#!/usr/bin/env bash
# Runs every test of the solution. Starts a throwaway PostgreSQL on a loopback port unless
# KPIBOT_TEST_POSTGRES already names one, and ends with a "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/test-postgres.sh
results=$(mktemp -d /tmp/kpibot-results.XXXXXX)
trap 'kpibot_stop_postgres; rm -rf "$results"' EXIT
kpibot_start_postgres

status=0
dotnet test KpiBot.sln --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o "$1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  # xunit's skipped tests are counted in total but not in executed (notExecuted stays 0).
  skipped=$((skipped + $(get total) - $(get executed)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test failed before tests ran (build error?)." >&2; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
