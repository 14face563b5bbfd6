#!/bin/sh
# A sweep of SERVICES check_dummy services on HOSTS hosts, through `bin/vigil sweep` against a running
# `bin/vigil run`, timed from the command to the summary; next to the machine's fork/exec rate measured just before.
# Usage: bench/sweep/run.sh [HOSTS] [SERVICES] [RUNS]      # default 129 1736 5
set -e
cd "$(dirname "$0")/../.."
HOSTS=${1:-129}
SERVICES=${2:-1736}
RUNS=${3:-5}
OUT=$(pwd)/bench/out/sweep-${HOSTS}x${SERVICES}
[ -x /usr/lib/nagios/plugins/check_dummy ] || { echo "needs monitoring-plugins-basic (apt-get install -y monitoring-plugins-basic)"; exit 2; }
[ -f vigil-app/target/vigil.jar ] || { echo "build first: mvn -q -B package -DskipTests"; exit 2; }
rm -rf "$OUT"
python3 bench/sweep/generate.py "$OUT" "$HOSTS" "$SERVICES"
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v gcc >/dev/null 2>&1; then
  gcc -O2 -o "$OUT/forkrate" bench/plugins/forkrate.c
  N=$(nproc); i=0; PIDS=""
  while [ $i -lt "$N" ]; do "$OUT/forkrate" 2 > "$OUT/c.$i" & PIDS="$PIDS $!"; i=$((i+1)); done
  # shellcheck disable=SC2086
  wait $PIDS
  TOTAL=0; for f in "$OUT"/c.*; do TOTAL=$((TOTAL + $(cat "$f"))); done
  RATE=$((TOTAL / 2))
  echo "C fork/exec/read loop of check_dummy on $N processes: $RATE runs/s, so $SERVICES checks need at least" \
    "$(echo "scale=2; $SERVICES / $RATE" | bc) s of forking here"
fi
bin/vigil run "$OUT/nagios.cfg" > "$OUT/run.out" 2>&1 &
VIGIL_PID=$!
trap 'kill $VIGIL_PID 2>/dev/null; wait $VIGIL_PID 2>/dev/null' EXIT
i=0
while [ ! -S "$OUT/var/nagios.lock.sock" ]; do
  sleep 0.1; i=$((i+1))
  [ $i -lt 300 ] || { echo "vigil run did not open its control socket:"; cat "$OUT/run.out"; exit 1; }
done
echo "warm-up sweep (JIT):"
python3 bench/sweep/measure.py bin/vigil "$OUT/nagios.cfg" 2 | tail -n 3
echo "timed sweeps:"
python3 bench/sweep/measure.py bin/vigil "$OUT/nagios.cfg" "$RUNS"
bin/vigil sweep "$OUT/nagios.cfg" > "$OUT/summary.txt" || true
echo "summary of the last sweep: $OUT/summary.txt ($(grep "^Sweep" "$OUT/summary.txt"))"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
