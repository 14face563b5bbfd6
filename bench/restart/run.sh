#!/bin/sh
# Restart time and memory of `vigil run` at SIZES services (issue 15): from launching the process to the API
# answering and to the first check result applied, after a clean stop and after kill -9, with the heap after a
# full GC and the resident memory. Prints figures only.
# Usage: bench/restart/run.sh [RUNS]      # SIZES="10000 100000" by default; 20 services per host
#        NAGIOS=1 bench/restart/run.sh [RUNS]   # then nagios4's restart on the same config, for comparison
set -e
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
SIZES=${SIZES:-"10000 100000"}
PER_HOST=${PER_HOST:-20}
INTERVAL=${INTERVAL:-600}
VIGIL=${VIGIL:-$(pwd)/bin/vigil}
[ -x /usr/lib/nagios/plugins/check_dummy ] || { echo "needs monitoring-plugins-basic (apt-get install -y monitoring-plugins-basic)"; exit 2; }
[ -f vigil-app/target/vigil.jar ] || [ -n "${VIGIL_JAR:-}" ] || { echo "build first: mvn -q -B package -DskipTests"; exit 2; }
command -v jcmd >/dev/null || { echo "needs jcmd (a JDK 17)"; exit 2; }
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
for N in $SIZES; do
  HOSTS=$((N / PER_HOST))
  OUT=${OUT_BASE:-$(pwd)/bench/out}/restart-$N
  if [ ! -f "$OUT/seed.mv.db" ] || [ "${RESEED:-0}" = 1 ]; then
    rm -rf "$OUT"
    python3 bench/restart/generate.py "$OUT" "$HOSTS" "$PER_HOST" "$INTERVAL"
  fi
  echo "== $N services ($HOSTS hosts x $PER_HOST, every $INTERVAL s) + canary"
  python3 bench/restart/measure.py "$OUT" "$VIGIL" "$RUNS"
  if [ "${NAGIOS:-0}" = 1 ]; then
    command -v nagios4 >/dev/null || { echo "NAGIOS=1 needs nagios4 (apt-get install -y nagios4-core)"; exit 2; }
    python3 bench/restart/nagios.py "$OUT" "$RUNS"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
