#!/bin/sh
# Fork-and-exec rate of a plugin through Vigil's plugin runners (checks-compat), next to a C fork/exec/read loop
# on as many processes as the runners get threads, measured just before on the same machine.
# Usage: bench/plugins/run.sh [THREADS] [SECONDS] [PLUGIN COMMAND LINE]
set -e
cd "$(dirname "$0")/../.."
THREADS=${1:-2}
SECS=${2:-5}
PLUGIN=${3:-/usr/lib/nagios/plugins/check_dummy 0 ok}
OUT=bench/out/plugins
mkdir -p "$OUT"
mvn -q -B -pl checks-compat -am test-compile >/dev/null
EXEC_JAR=$(find "${HOME}/.m2/repository/org/apache/commons/commons-exec/1.5.0" -name 'commons-exec-1.5.0.jar' | head -1)
CP=checks-compat/target/classes:checks-compat/target/test-classes:config-parser/target/classes:$EXEC_JAR
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v gcc >/dev/null 2>&1 && [ "$PLUGIN" = "/usr/lib/nagios/plugins/check_dummy 0 ok" ]; then
  gcc -O2 -o "$OUT/forkrate" bench/plugins/forkrate.c
  TOTAL=0; i=0; PIDS=""
  while [ $i -lt "$THREADS" ]; do "$OUT/forkrate" "$SECS" > "$OUT/c.$i" & PIDS="$PIDS $!"; i=$((i+1)); done
  # shellcheck disable=SC2086
  wait $PIDS
  for f in "$OUT"/c.*; do TOTAL=$((TOTAL + $(cat "$f"))); done
  echo "C fork/exec/read loop, $THREADS processes: $(echo "$TOTAL / $SECS" | bc) runs/s"
fi
java -cp "$CP" org.vigil.checks.exec.ForkRate "$THREADS" "$SECS" "$PLUGIN"
echo "with -Djdk.lang.Process.launchMechanism=VFORK:"
java -Djdk.lang.Process.launchMechanism=VFORK -cp "$CP" org.vigil.checks.exec.ForkRate "$THREADS" "$SECS" "$PLUGIN" \
  | tail -n +3
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
