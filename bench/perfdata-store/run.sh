#!/usr/bin/env bash
# The round-robin store of perfdata (bench/README.md, "perfdata-store"): SERVICES services x 3 metrics, one result
# a minute for MINUTES minutes: the engine-side cost of handing a result over, values written per second (first
# minute: every file made; then updates), disk per metric. Prints figures only.
# Usage: bench/perfdata-store/run.sh [SERVICES] [MINUTES] [DIR]     # default 2000 3, a temporary directory
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -q -B test -pl perfdata ${MVN_OPTS:-} -Dtest=PerfdataStoreBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false -Dbench.services="${1:-2000}" -Dbench.minutes="${2:-3}" -Dbench.dir="${3:-}" 2>&1 \
  | grep -E "perfdata store:|minute [0-9]|needed at|disk:"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
