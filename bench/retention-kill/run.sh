#!/bin/sh
# Does the embedded retention database keep, across kill -9, every change the write-behind reported as written?
# A writer (core-scheduler's test class ChangeWriterMain) saves changed records as a busy engine does; it is killed at random instants; the file is opened again
# and its highest version compared with the highest the writer had reported. Prints figures only.
# Usage: bench/retention-kill/run.sh [KILLS]      (default 12)
#   SEED: a retention database to start from (default: the 100,000-object seed of bench/restart, which
#         bench/restart/run.sh writes); H2_JAR: another H2 jar to run both halves with (to compare versions).
set -e
cd "$(dirname "$0")/../.."
KILLS=${1:-12}
SEED=${SEED:-$(pwd)/bench/out/restart-100000/seed.mv.db}
[ -f "$SEED" ] || { echo "no seed database $SEED: run SIZES=100000 KINDS=clean bench/restart/run.sh 1 first"; exit 2; }
[ -d core-scheduler/target/test-classes ] || { echo "build first: mvn -q -B install -DskipTests"; exit 2; }
OUT=$(pwd)/bench/out/retention-kill
mkdir -p "$OUT/classes"
mvn -q -B -ntp dependency:build-classpath -pl core-scheduler -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="$OUT/classes:$(pwd)/core-scheduler/target/classes:$(pwd)/core-scheduler/target/test-classes:$(cat "$OUT/cp.txt")"
if [ -n "${H2_JAR:-}" ]; then
  CP=$(echo "$CP" | tr ':' '\n' | grep -v '/h2-[0-9.]*\.jar$' | tr '\n' ':')$H2_JAR
fi
javac -cp "$CP" -d "$OUT/classes" bench/retention-kill/MaxVersion.java
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); H2: $(echo "$CP" | tr ':' '\n' | grep '/h2-[0-9.]*\.jar$')"
python3 bench/retention-kill/kill.py "$CP" "$SEED" "$OUT/run" "$KILLS"
