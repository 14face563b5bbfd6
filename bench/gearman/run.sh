#!/usr/bin/env bash
# Scale-out bench (issue 20): checks/s at saturation with local execution and through gearmand with 1, 2 and 4
# `vigil worker` processes on this machine, and the CPU per 1,000 checks of the central `vigil run` alone, of gearmand
# and of the workers, with what the central figure projects for 20,000 checks/s. One setup after the other in one run,
# each on a fresh gearmand. Figures only: nothing passes or fails on a time.
#
# usage: bench/gearman/run.sh [SETUP ...]      SETUP: local, w1, w2, w4 (wN: N workers); default: local w1 w2 w4
# environment: HOSTS (2000) x SERVICES (20) services every INTERVAL (1) seconds (40,000 checks/s offered: more than
#   local execution of the built-in does on 2 cores); STATUS_INTERVAL (10: status_update_interval, Nagios's default); CHECK
#   (dummy: the built-in check_dummy; forked: the real plugin, forked by the workers through `--no-builtins`, and
#   locally with builtin_checks off); WARMUP (60), DURATION (30), COOLDOWN (5) seconds; OUT (bench/out/gearman);
#   VIGIL (bin/vigil); VIGIL_JAVA_OPTS; WORKER_ARGS (more `vigil worker` options); GEARMAN_YML (more keys of
#   vigil.yml's gearman: section, `;`-separated, e.g. "result_workers: 4").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
HOSTS="${HOSTS:-2000}"
SERVICES="${SERVICES:-20}"
INTERVAL="${INTERVAL:-1}"
CHECK="${CHECK:-dummy}"
WARMUP="${WARMUP:-60}"
export STATUS_INTERVAL="${STATUS_INTERVAL:-10}"
DURATION="${DURATION:-30}"
COOLDOWN="${COOLDOWN:-5}"
OUT="${OUT:-$repo/bench/out/gearman}"
export VIGIL="${VIGIL:-$repo/bin/vigil}"
export GEARMAND="${GEARMAND:-$(command -v gearmand || echo /usr/sbin/gearmand)}"
export VIGIL_JAVA_OPTS="${VIGIL_JAVA_OPTS:-}"
export WORKER_ARGS="${WORKER_ARGS:-}"
export GEARMAN_YML="${GEARMAN_YML:-}"

die() { echo "gearman bench: $*" >&2; exit 2; }
command -v python3 >/dev/null || die "needs python3"
[ -x "$GEARMAND" ] || die "needs gearmand (apt-get install -y gearman-job-server)"
[ -f "$repo/vigil-app/target/vigil.jar" ] || die "no Vigil jar: build it with: mvn -q -B package -DskipTests"
[ $# -gt 0 ] || set -- local w1 w2 w4
case "$CHECK" in
  dummy) ;;
  forked) WORKER_ARGS="--no-builtins $WORKER_ARGS" ;;
  *) die "CHECK is dummy or forked, not $CHECK" ;;
esac

offered=$((HOSTS * SERVICES / INTERVAL))
cfg="$OUT/$CHECK-${HOSTS}x${SERVICES}-${INTERVAL}s"
rm -rf "$cfg"
python3 "$repo/bench/engine/generate.py" "$cfg" "$HOSTS" "$SERVICES" "$INTERVAL" 1 >/dev/null
sed -i "s/^status_update_interval=.*/status_update_interval=$STATUS_INTERVAL/" "$cfg/nagios.cfg"
# the shared key, as mod_gearman's key files hold it: one line
python3 -c 'import secrets; print(secrets.token_hex(16))' >"$cfg/key"
if [ "$CHECK" = forked ]; then
  # local runs fork the plugin too (the workers do, through --no-builtins)
  printf 'builtin_checks:\n  enabled: false\n' >"$cfg/local.yml"
  export BENCH_LOCAL_YML="$cfg/local.yml"
fi
echo "gearman bench: $(nproc) cores, $(date -u +%FT%TZ), Vigil $(git -C "$repo" rev-parse --short HEAD)," \
     "$("$GEARMAND" --version 2>&1 | grep -m1 -o 'gearmand [0-9.+a-z]*'), $HOSTS x $SERVICES services of check_dummy ($CHECK) every" \
     "$INTERVAL s: $offered checks/s offered; ${WARMUP} s warm-up, ${DURATION} s measured"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$OUT/runs"
runs=()
for setup in "$@"; do
  case "$setup" in
    local) workers=0 ;;
    w[0-9]*) workers="${setup#w}" ;;
    *) die "unknown setup $setup (local, w1, w2, w4...)" ;;
  esac
  run="$OUT/runs/$CHECK-$setup"
  rm -rf "$run" "$cfg/var" && mkdir -p "$cfg/var/tmp" "$cfg/var/spool/checkresults" "$cfg/var/rw"
  echo "$setup: $workers workers (load $(cut -d' ' -f1 /proc/loadavg))"
  python3 "$here/measure.py" "$setup" "$workers" "$cfg" "$run" "$WARMUP" "$DURATION" >/dev/null \
    || echo "$setup: measure failed, see $run"
  runs+=("$run")
  sleep "$COOLDOWN"
done
python3 "$here/report.py" "$offered" "${runs[@]}" | tee "$OUT/report-$CHECK.md"
