#!/bin/sh
# Livestatus at 100,000 services (issue 18): the tactical overview's stats query, a 100-row sorted service page and
# a filtered problems query, p50/p99 over 1,000 queries from 10 concurrent clients, beside the JSON API's answers to
# the same questions. Prints figures only.
# Usage: bench/livestatus/run.sh [CLIENTS] [QUERIES]    # default 10 clients, 1,000 queries per query
#        needs the restart bench's 100,000-service config and seed: SIZES=100000 KINDS=clean bench/restart/run.sh 1
set -e
cd "$(dirname "$0")/../.."
OUT=${OUT:-$(pwd)/bench/out/restart-100000}
[ -f "$OUT/seed.mv.db" ] || { echo "no seed in $OUT: run SIZES=100000 KINDS=clean bench/restart/run.sh 1 first"; exit 2; }
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
python3 bench/livestatus/livestatus.py "$OUT" "${VIGIL:-$(pwd)/bin/vigil}" "${1:-10}" "${2:-1000}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
