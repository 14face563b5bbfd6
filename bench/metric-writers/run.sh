#!/bin/sh
# The metric writers' cost per result (bench/README.md, "metric-writers"): passive results through vigil run's
# command file with no writers, with writers to a real carbon-cache and influxd, and with their receivers away.
# Usage: bench/metric-writers/run.sh [SERVICES] [RESULTS] [RUNS]      # default 1000 50000 3
set -e
cd "$(dirname "$0")/../.."
SERVICES=${1:-1000}
RESULTS=${2:-50000}
RUNS=${3:-3}
OUT=$(pwd)/bench/out/metric-writers
for tool in carbon-cache influxd; do
  command -v $tool >/dev/null 2>&1 || { echo "needs $tool (apt-get install -y graphite-carbon influxdb)"; exit 2; }
done
[ -f vigil-app/target/vigil.jar ] || { echo "build first: mvn -q -B package -DskipTests"; exit 2; }
rm -rf "$OUT"
mkdir -p "$OUT"
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/metric-writers/bench.py "$OUT" "$SERVICES" "$RESULTS" "$RUNS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
