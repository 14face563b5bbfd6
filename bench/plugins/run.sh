#!/bin/sh
# Fork-and-exec rate of a plugin through Vigil's plugin runners (checks-compat), and through a plain shell loop
# for scale. Usage: bench/plugins/run.sh [THREADS] [SECONDS] [PLUGIN COMMAND LINE]
set -e
cd "$(dirname "$0")/../.."
THREADS=${1:-2}
SECONDS_PER_CASE=${2:-5}
PLUGIN=${3:-/usr/lib/nagios/plugins/check_dummy 0 ok}
mvn -q -B -pl checks-compat -am test-compile -DskipTests >/dev/null
EXEC_JAR=$(find "${HOME}/.m2/repository/org/apache/commons/commons-exec/1.5.0" -name 'commons-exec-1.5.0.jar' | head -1)
CP=checks-compat/target/classes:checks-compat/target/test-classes:config-parser/target/classes:$EXEC_JAR
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" org.vigil.checks.exec.ForkRate "$THREADS" "$SECONDS_PER_CASE" "$PLUGIN"
# shellcheck disable=SC2086
N=2000; START=$(date +%s.%N); i=0; while [ $i -lt $N ]; do $PLUGIN >/dev/null; i=$((i+1)); done; END=$(date +%s.%N)
echo "sh loop, 1 thread: $(echo "$N / ($END - $START)" | bc -l | cut -d. -f1) runs/s"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
