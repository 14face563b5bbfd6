#!/bin/sh
# Time and memory of `vigil import-nagios-state` and `vigil export-nagios-state` at SIZES services (issue 22): a
# retention.dat in nagios4's format (retention.py) for the restart bench's config, imported into a new H2 store, then
# exported. No daemon runs. Prints figures only.
# Usage: bench/takeover/run.sh            # SIZES="10000 100000" by default; 20 services per host
set -e
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"10000 100000"}
PER_HOST=${PER_HOST:-20}
VIGIL=${VIGIL:-$(pwd)/bin/vigil}
[ -f vigil-app/target/vigil.jar ] || { echo "build first: mvn -q -B package -DskipTests"; exit 2; }
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
for N in $SIZES; do
  HOSTS=$((N / PER_HOST))
  OUT=${OUT_BASE:-$(pwd)/bench/out}/takeover-$N
  rm -rf "$OUT"
  python3 bench/restart/generate.py "$OUT" "$HOSTS" "$PER_HOST" >/dev/null
  python3 bench/takeover/retention.py "$OUT/nagios-retention.dat" "$HOSTS" "$PER_HOST"
  echo "== $N services: retention.dat $(du -h "$OUT/nagios-retention.dat" | cut -f1)"
  /usr/bin/time -f "import: %e s wall, %U s user, %S s sys, %M KB max resident" \
    "$VIGIL" import-nagios-state "$OUT/nagios-retention.dat" "$OUT/nagios.cfg" | head -1
  /usr/bin/time -f "export: %e s wall, %U s user, %S s sys, %M KB max resident" \
    "$VIGIL" export-nagios-state "$OUT/exported.dat" "$OUT/nagios.cfg"
  echo "store: $(du -h "$OUT"/var/vigil-retention.mv.db | cut -f1); exported: $(du -h "$OUT/exported.dat" | cut -f1)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
