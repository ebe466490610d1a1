#!/usr/bin/env bash
# Fan-out load measurement: N reps due in the same minute, claimed by the dispatcher and sent by Hangfire's
# workers on a throwaway PostgreSQL. Arguments: people, hosts, workers per host, platform rate per second
# (0 = unlimited). Results: docs/performance.md.
#   ./bench/fanout.sh 50000 2 8 0     # engine + Hangfire + PostgreSQL throughput
#   ./bench/fanout.sh 3000 2 8 40     # against a platform that allows 40 messages a second
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/test-postgres.sh
trap kpibot_stop_postgres EXIT
kpibot_start_postgres
dotnet build -c Release tests/KpiBot.Benchmarks -v q -nologo >/dev/null
dotnet tests/KpiBot.Benchmarks/bin/Release/net10.0/KpiBot.Benchmarks.dll "$@"
