#!/usr/bin/env bash
# Built-in checks bench (issue 19): checks/s and CPU per 1,000 checks at saturation for each command line given,
# run by Vigil built-in, by Vigil forking the real plugin (builtin_checks: enabled: false) and by Nagios 4 with the
# real plugin, one after the other in one run. Figures only: nothing passes or fails on a time.
#
# usage: bench/builtin/run.sh [NAME='COMMAND LINE' ...]
#   default: dummy='$USER1$/check_dummy 0 ok'. @PORT@ in a line is the port of a local HTTP server the bench starts
#   (Target.java here: one non-blocking thread, a backlog of 4,096, a fixed 200 answer), e.g.
#   tcp='$USER1$/check_tcp -H 127.0.0.1 -p @PORT@'
#   http='$USER1$/check_http -H 127.0.0.1 -p @PORT@ -u /'. The plugin is the line's program's file name.
# environment: HOSTS (250) x SERVICES (20) services every INTERVAL (1) seconds; WARMUP (10), DURATION (30), COOLDOWN
#   (10) seconds (with a long INTERVAL, a WARMUP longer than it: first checks spread over one interval);
#   TOOLS ("vigil-builtin vigil-forked nagios"); OUT (bench/out/builtin); VIGIL_JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
engine="$repo/bench/engine"
HOSTS="${HOSTS:-250}"
SERVICES="${SERVICES:-20}"
INTERVAL="${INTERVAL:-1}"
WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-30}"
COOLDOWN="${COOLDOWN:-10}"
TOOLS="${TOOLS:-vigil-builtin vigil-forked nagios}"
OUT="${OUT:-$repo/bench/out/builtin}"
VIGIL="${VIGIL:-$repo/bin/vigil}"
NAGIOS="${NAGIOS:-$(command -v nagios4 || true)}"
VIGIL_JAVA_OPTS="${VIGIL_JAVA_OPTS:-}"

die() { echo "builtin bench: $*" >&2; exit 2; }
[ "$(id -u)" = 0 ] || die "needs root: it counts plugin runs with BSD process accounting (acct(2))"
command -v python3 >/dev/null || die "needs python3"
[ -x /usr/bin/time ] || die "needs GNU time at /usr/bin/time (apt-get install -y time)"
[ -n "$NAGIOS" ] || die "needs nagios4 (apt-get install -y nagios4-core)"
[ -f "$repo/vigil-app/target/vigil.jar" ] || die "no Vigil jar: build it with: mvn -q -B package -DskipTests"
[ $# -gt 0 ] || set -- 'dummy=$USER1$/check_dummy 0 ok'

mkdir -p "$OUT/runs"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# not python3 -m http.server (the first bench's target): it listens with a backlog of 5, and at thousands of
# connections a second a full backlog makes the kernel drop SYNs, each costing the client a 1 s retry
java -Xmx64m "$here/Target.java" "$port" >"$OUT/http.log" 2>&1 &
server=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
trap 'kill "$server" 2>/dev/null || true' EXIT
echo "builtin bench: $(nproc) cores, $(date -u +%FT%TZ), Vigil $(git -C "$repo" rev-parse --short HEAD)," \
     "$("$NAGIOS" --version 2>/dev/null | grep -m1 -o 'Nagios Core [0-9.]*'), $HOSTS x $SERVICES services every" \
     "$INTERVAL s ($((HOSTS * SERVICES / INTERVAL)) checks/s offered), local HTTP server on 127.0.0.1:$port"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
names=()
for spec in "$@"; do
  name="${spec%%=*}"
  line="${spec#*=}"
  line="${line//@PORT@/$port}"
  [ -n "$name" ] && [ "$name" != "$spec" ] || die "expected NAME='COMMAND LINE', got: $spec"
  program="${line%% *}"
  plugin="${program##*/}"
  cfg="$OUT/$name"
  rm -rf "$cfg"
  python3 "$engine/generate.py" "$cfg" "$HOSTS" "$SERVICES" "$INTERVAL" 1 >/dev/null
  # every host and service runs the command named check_dummy: give it this line
  python3 - "$cfg/objects/fixed.cfg" "$line" <<'PY'
import sys
path, line = sys.argv[1], sys.argv[2]
text = open(path).read()
old = "command_line    $USER1$/check_dummy $ARG1$ $ARG2$"
assert old in text
open(path, "w").write(text.replace(old, "command_line    " + line, 1))
PY
  printf 'builtin_checks:\n  enabled: false\n' >"$cfg/forked.yml"
  printf 'builtin_checks:\n  enabled: true\n' >"$cfg/builtin.yml"
  echo "$name: $line"
  "$VIGIL" verify --explain-checks "$cfg/nagios.cfg" | sed -n '/^Checks:/,$p' | sed 's/^/  /' | head -4
  for tool in $TOOLS; do
    rm -rf "$cfg/var" && mkdir -p "$cfg/var/tmp" "$cfg/var/spool/checkresults" "$cfg/var/rw"
    case "$tool" in
      nagios) cmd="[\"$NAGIOS\", \"$cfg/nagios.cfg\"]" ;;
      vigil-builtin|vigil-forked)
        cmd="[\"env\", \"VIGIL_JAVA_OPTS=$VIGIL_JAVA_OPTS\", \"$VIGIL\", \"run\", \"--web-config\","
        cmd="$cmd \"$cfg/${tool#vigil-}.yml\", \"$cfg/nagios.cfg\"]" ;;
      *) die "unknown tool $tool (vigil-builtin, vigil-forked, nagios)" ;;
    esac
    echo "$name: $tool for ${WARMUP} s + ${DURATION} s (load $(cut -d' ' -f1 /proc/loadavg))"
    rm -rf "$OUT/runs/$name-$tool"
    BENCH_PLUGIN="$plugin" python3 "$engine/measure.py" "$tool" "$cmd" "$cfg" "$OUT/runs/$name-$tool" \
      "$WARMUP" "$DURATION" "$INTERVAL" || echo "$name: $tool: measure failed, see $OUT/runs/$name-$tool/out.txt"
    sleep "$COOLDOWN"
  done
  names+=("$name")
done
python3 "$here/report.py" "$OUT/runs" "$((HOSTS * SERVICES / INTERVAL))" "$TOOLS" "${names[@]}" | tee "$OUT/report.md"
