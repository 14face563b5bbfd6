#!/bin/sh
# CPU per plugin run through the direct runner (java.lang.Process) and through long-lived perl workers
# (WorkerRunner), K runs in flight, interleaved rounds, medians. CPU from /proc: the JVM's own, the workers' own,
# and the plugins' (reaped children of the JVM or of the workers).
# Usage: bench/plugins/workers.sh [RUNS PER BATCH] [ROUNDS] [IN FLIGHT LIST] [WORKERS] [PLUGIN COMMAND LINE]
set -e
cd "$(dirname "$0")/../.."
N=${1:-5000}
ROUNDS=${2:-5}
K=${3:-4,16,64}
W=${4:-2}
PLUGIN=${5:-/usr/lib/nagios/plugins/check_dummy 0 ok}
mvn -q -B -o -pl checks-compat -am test-compile >/dev/null 2>&1 || mvn -q -B -pl checks-compat -am test-compile >/dev/null
EXEC_JAR=$(find "${HOME}/.m2/repository/org/apache/commons/commons-exec/1.5.0" -name 'commons-exec-1.5.0.jar' | head -1)
CP=checks-compat/target/classes:checks-compat/target/test-classes:config-parser/target/classes:$EXEC_JAR
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the floors, one process in a loop: C fork+exec, C posix_spawn (a vfork-like clone, as the JVM's VFORK), perl fork
if command -v gcc >/dev/null 2>&1; then
  mkdir -p bench/out/plugins
  gcc -O2 -o bench/out/plugins/spawncost bench/plugins/spawncost.c
  bench/out/plugins/spawncost fork 2000
  bench/out/plugins/spawncost spawn 2000
fi
perl bench/plugins/perlfork.pl 2000
# the launch mechanism bin/vigil uses
java -Djdk.lang.Process.launchMechanism=VFORK -Xmx256m -cp "$CP" org.vigil.checks.exec.WorkerBench \
  "$N" "$ROUNDS" "$K" "$W" "$PLUGIN"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
