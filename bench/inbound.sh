#!/usr/bin/env bash
# Inbound load measurement: a real KpiBot host on Kestrel (127.0.0.1) with Slack and Teams configured against
# the fakes, and in the same run the official-SDK peers of ../shared/peers (bolt, botbuilder; Node), all hit by
# wrk -t2 -c10 (15 s after a 5 s warm-up) with the same signed `/kpi help` slash command (from a linked rep and
# from a sender not in the goals file) and the same authenticated adaptiveCard/action check-in invoke; plus
# verification-only and read-only endpoints of KpiBot for comparison. Prints each run, the median req/s and p99
# per scenario, the ratios KpiBot ÷ peer against the targets, and the load average. Results: docs/performance.md.
#   ./bench/inbound.sh               # SQLite, 3 runs
#   ./bench/inbound.sh postgres 3    # PostgreSQL (KPIBOT_TEST_POSTGRES, or a throwaway one started here)
#   NO_PEERS=1 ./bench/inbound.sh    # KpiBot alone
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
if [ -z "${NO_PEERS:-}" ]; then
  command -v node >/dev/null || { echo "Node.js is needed for the peers (or NO_PEERS=1)" >&2; exit 1; }
  # The peers' folder is read-only under ../shared: install a copy (exact versions from its lock file) once.
  peers=${PEERS_DIR:-${TMPDIR:-/tmp}/kpibot-peers}
  if [ ! -d "$peers/node_modules" ]; then
    rm -rf "$peers" && cp -r ../shared/peers "$peers" && chmod -R u+w "$peers"
    (cd "$peers" && npm ci --no-audit --no-fund >/dev/null)
  fi
  export KPIBOT_PEERS="$peers"
fi
echo "load before: $(uptime)"
dotnet build -c Release tests/KpiBot.Benchmarks -v q -nologo >/dev/null
# The real host runs with Server GC (the Web SDK default); the console would not.
DOTNET_gcServer=1 dotnet tests/KpiBot.Benchmarks/bin/Release/net10.0/KpiBot.Benchmarks.dll inbound "$store" "$runs" "${SECONDS_PER_RUN:-15}" "${WARMUP_SECONDS:-5}"
echo "load after: $(uptime)"
