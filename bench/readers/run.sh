#!/bin/sh
# Pages and API lists under 20 concurrent clients at 100,000 services (issue 16): answers per second, p50/p99/max
# per URL, and the live heap. Prints figures only.
# Usage: bench/readers/run.sh [CLIENTS] [SECONDS]    # default 20 clients, 15 s per URL
#        needs the restart bench's 100,000-service config and seed: SIZES=100000 bench/restart/run.sh 1 makes them
set -e
cd "$(dirname "$0")/../.."
OUT=${OUT:-$(pwd)/bench/out/restart-100000}
[ -f "$OUT/seed.mv.db" ] || { echo "no seed in $OUT: run SIZES=100000 KINDS=clean bench/restart/run.sh 1 first"; exit 2; }
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
python3 bench/readers/readers.py "$OUT" "${VIGIL:-$(pwd)/bin/vigil}" "${1:-20}" "${2:-15}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
