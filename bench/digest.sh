#!/usr/bin/env bash
# The weekly digest of a big organisation: 1,000 teams × 10 reps, a year of check-ins (≈ 12 million values),
# every team's digest due at once, sent by 2 hosts × 8 Hangfire workers; prints the time until every digest is
# posted, missing and duplicated ones, and the peak memory. The data is loaded once into the database
# kpibot_bench_digest (bulk SQL, ~4 minutes, ~3 GB) on KPIBOT_TEST_POSTGRES, so that the timed run can be repeated.
# Results: docs/performance.md.
#   ./bench/digest.sh seed       # once: create and fill the database
#   ./bench/digest.sh run        # the measurement (repeatable)
#   ./bench/digest.sh drop       # remove the database
#   ./bench/digest.sh seed 100 10   # other sizes: teams, reps per team (then run with the same teams)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${KPIBOT_TEST_POSTGRES:-}" ] || { echo "KPIBOT_TEST_POSTGRES names the PostgreSQL server that keeps the data between seed and run" >&2; exit 1; }
echo "load before: $(uptime)"
dotnet build -c Release tests/KpiBot.Benchmarks -v q -nologo >/dev/null
dotnet tests/KpiBot.Benchmarks/bin/Release/net10.0/KpiBot.Benchmarks.dll digest "${1:-run}" "${@:2}"
echo "load after: $(uptime)"
