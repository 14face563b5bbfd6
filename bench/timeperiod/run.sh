#!/usr/bin/env bash
# Times 100,000 timeperiod contains() calls on a period with exclusions (and next inside/outside).
# Prints figures only; it passes or fails nothing. Usage: bench/timeperiod/run.sh [ZoneId]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -q -B -pl config-parser test-compile
cp="config-parser/target/classes:config-parser/target/test-classes"
java -cp "$cp" org.vigil.config.timeperiod.TimeperiodBench "$@"
