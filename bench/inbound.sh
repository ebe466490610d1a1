#!/usr/bin/env bash
# Inbound load measurement: a real KpiBot host on Kestrel (127.0.0.1) with Slack and Teams configured against
# the fakes, hit by wrk -t2 -c10 (15 s after a 5 s warm-up) with a signed `/kpi help` slash command and an
# authenticated adaptiveCard/action check-in invoke; plus verification-only and read-only endpoints for
# comparison. Prints each run, the median req/s and p99 per scenario, and the RSS of the process.
# Results: docs/performance.md.
#   ./bench/inbound.sh               # SQLite, 3 runs
#   ./bench/inbound.sh postgres 3    # PostgreSQL (KPIBOT_TEST_POSTGRES, or a throwaway one started here)
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-sqlite}
runs=${2:-3}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
if [ "$store" = "postgres" ]; then
  . scripts/test-postgres.sh
  trap kpibot_stop_postgres EXIT
  kpibot_start_postgres
fi
echo "load before: $(uptime)"
dotnet build -c Release tests/KpiBot.Benchmarks -v q -nologo >/dev/null
# The real host runs with Server GC (the Web SDK default); the console would not.
DOTNET_gcServer=1 dotnet tests/KpiBot.Benchmarks/bin/Release/net10.0/KpiBot.Benchmarks.dll inbound "$store" "$runs" "${SECONDS_PER_RUN:-15}" "${WARMUP_SECONDS:-5}"
echo "load after: $(uptime)"
