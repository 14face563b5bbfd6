#!/bin/sh
# A sweep of SERVICES services on HOSTS hosts running a mix of real plugins, through `bin/vigil sweep` against a
# running `bin/vigil run`, next to `xargs -P 4 env` and a bare C fork/exec loop (xrun.c, 4 at once) running the same
# expanded command lines, one after the other, for the whole config and for each kind of plugin; with Vigil's
# built-in checks off (every plugin forked) and on. See bench/README.md.
# Usage: bench/sweep/run.sh [HOSTS] [SERVICES] [RUNS]      # default 129 1736 3
# Environment: KINDS (dummy,tcp,http,disk,load; "dummy" alone is issue 8's check_dummy sweep), BUILTIN (both: off
#   then on; or off, or on), XARGS_P (4), BACKLOG (511: the local HTTP server's listen backlog), VIGIL_JAVA_OPTS.
set -e
cd "$(dirname "$0")/../.."
HOSTS=${1:-129}
SERVICES=${2:-1736}
RUNS=${3:-3}
KINDS=${KINDS:-dummy,tcp,http,disk,load}
BUILTIN=${BUILTIN:-both}
OUT=$(pwd)/bench/out/sweep-${HOSTS}x${SERVICES}
[ -x /usr/lib/nagios/plugins/check_dummy ] || { echo "needs monitoring-plugins-basic (apt-get install -y monitoring-plugins-basic)"; exit 2; }
[ -f vigil-app/target/vigil.jar ] || { echo "build first: mvn -q -B package -DskipTests"; exit 2; }
command -v gcc >/dev/null 2>&1 || { echo "needs gcc for the bare floor (bench/sweep/xrun.c)"; exit 2; }
case "$BUILTIN" in both) MODES="off on" ;; on|off) MODES=$BUILTIN ;; *) echo "BUILTIN is on, off or both"; exit 2 ;; esac
rm -rf "$OUT"
mkdir -p "$OUT"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# the builtin bench's non-blocking Java target (a Python server measured Python: 1,400 requests a second at most)
java -Xmx64m bench/builtin/Target.java "$PORT" "${BACKLOG:-511}" > "$OUT/http.log" 2>&1 &
SERVER_PID=$!
python3 -c 'import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close(); sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("the target did not start")' "$PORT"
VIGIL_PID=
trap 'kill $SERVER_PID $VIGIL_PID 2>/dev/null; wait 2>/dev/null' EXIT
python3 bench/sweep/generate.py "$OUT" "$HOSTS" "$SERVICES" "$KINDS" "$PORT"
gcc -O2 -o "$OUT/xrun" bench/sweep/xrun.c
printf 'builtin_checks:\n  enabled: false\n' > "$OUT/off.yml"
printf 'builtin_checks:\n  enabled: true\n' > "$OUT/on.yml"
echo "sweep bench: $(nproc) cores, $(date -u +%FT%TZ), Vigil $(git rev-parse --short HEAD), $HOSTS hosts," \
  "$SERVICES services of kinds $KINDS, $(wc -l < "$OUT/lines.txt") checks, local HTTP server on 127.0.0.1:$PORT (backlog ${BACKLOG:-511})"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in $MODES; do
  rm -rf "$OUT/var" && mkdir -p "$OUT/var"
  bin/vigil run --no-web --web-config "$OUT/$mode.yml" "$OUT/nagios.cfg" > "$OUT/run-$mode.out" 2>&1 &
  VIGIL_PID=$!
  i=0
  while [ ! -S "$OUT/var/nagios.lock.sock" ]; do
    sleep 0.1; i=$((i+1))
    [ $i -lt 1200 ] || { echo "vigil run did not open its control socket in 120 s:"; cat "$OUT/run-$mode.out"; exit 1; }
  done
  echo "warm-up sweeps (JIT):"
  for w in 1 2; do bin/vigil sweep "$OUT/nagios.cfg" --json > /dev/null || true; done
  echo "vigil run says: $(grep -m1 -o 'Built-in checks[^(]*' "$OUT/run-$mode.out")"
  echo "timed sweeps, built-in checks $mode (load $(cut -d' ' -f1 /proc/loadavg)):"
  # VIGIL_PID is the JVM's: bin/vigil execs java
  # shellcheck disable=SC2046
  MODE=$mode BENCH_MODE="built-in checks $mode" python3 bench/sweep/measure.py bin/vigil "$OUT/nagios.cfg" "$VIGIL_PID" \
    "$OUT" "$OUT/xrun" "$RUNS" $(echo "$KINDS" | tr ',' ' ')
  kill "$VIGIL_PID"; wait "$VIGIL_PID" 2>/dev/null || true; VIGIL_PID=
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
