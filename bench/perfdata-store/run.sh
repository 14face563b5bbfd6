#!/usr/bin/env bash
# The round-robin store of perfdata (bench/README.md, "perfdata-store"): SERVICES services x 3 metrics, one result
# a minute for MINUTES minutes (held as flush_seconds holds them): the engine-side cost of handing a result over, values written per second (first
# minute: every file made; then updates), disk per metric. Prints figures only.
# Usage: bench/perfdata-store/run.sh [SERVICES] [MINUTES] [DIR] [FLUSH_SECONDS] [paged|file|nio]
#        default 2000 8, a temporary directory, 300 (0: each value written at once), paged (the store's; file, nio: rrd4j's)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -q -B test -pl perfdata ${MVN_OPTS:-} -Dtest=PerfdataStoreBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false -Dbench.services="${1:-2000}" -Dbench.minutes="${2:-8}" -Dbench.dir="${3:-}" \
  -Dbench.flush="${4:-300}" -Dbench.backend="${5:-paged}" 2>&1 \
  | grep -E "perfdata store:|minute [0-9]|needed at|disk:"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
