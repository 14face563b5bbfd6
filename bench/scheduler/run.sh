#!/usr/bin/env bash
# Quartz as the clock for every check: how many fires per second, and how late, at a given load.
# Usage: bench/scheduler/run.sh [TRIGGERS] [INTERVAL_SECONDS] [DURATION_SECONDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="${M2_REPO:-$HOME/.m2/repository}"
quartz="$repo/org/quartz-scheduler/quartz/2.5.2/quartz-2.5.2.jar"
slf4j="$repo/org/slf4j/slf4j-api/2.0.16/slf4j-api-2.0.16.jar"
if [ ! -f "$quartz" ] || [ ! -f "$slf4j" ]; then
  echo "Quartz or SLF4J not in $repo; build once with: mvn -q -B package -DskipTests" >&2
  exit 2
fi
exec java -Xmx1g -cp "$quartz:$slf4j" "$here/QuartzProbe.java" "$@"
