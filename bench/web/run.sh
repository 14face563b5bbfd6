#!/usr/bin/env bash
# The tactical overview (GET /) rendered by a real daemon and web server with 10,000 hosts and 100,000
# services (active checks off, states mixed by passive results, acknowledgements and downtimes): the snapshot
# copy on the engine thread, the counts (over that copy, and straight from the engine), and whole requests over loopback (p50/p99/max of 50 after a warm-up).
# Prints figures only. Usage: bench/web/run.sh [HOSTS] [SERVICES_PER_HOST] [REQUESTS]   # default 10000 10 50
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
HOSTS=${1:-10000}
PER_HOST=${2:-10}
REQUESTS=${3:-50}
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); Vigil $(git rev-parse --short HEAD)"
mvn -q -B -Dstyle.color=never test -pl web-status -am -Dtest=OverviewBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false -Dvigil.bench.hosts="$HOSTS" -Dvigil.bench.per_host="$PER_HOST" \
  -Dvigil.bench.requests="$REQUESTS" 2>&1 \
  | grep -E "web bench:|^(states|counts|snapshot|an empty|GET)" | sed "s/^.*web bench:/web bench:/"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
