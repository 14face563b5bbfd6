#!/usr/bin/env bash
# Engine bench (issue 4): the same generated check_dummy config run by Nagios 4 and by Vigil, one
# after the other; prints checks/s, scheduling latency, CPU per 1000 checks and memory, with ratios.
# See bench/README.md, section "engine". Figures only: nothing passes or fails on a time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-30}"
COOLDOWN="${COOLDOWN:-15}"
SCENARIOS="${SCENARIOS:-rate500 saturation load100k}"
TOOLS="${TOOLS:-nagios vigil}"
OUT="${OUT:-$repo/bench/out/engine}"
VIGIL="${VIGIL:-$repo/bin/vigil}"
NAGIOS="${NAGIOS:-$(command -v nagios4 || true)}"
VIGIL_JAVA_OPTS="${VIGIL_JAVA_OPTS:-}"
LOAD_XMX="${LOAD_XMX:-512m}"

die() { echo "engine bench: $*" >&2; exit 2; }
[ "$(id -u)" = 0 ] || die "needs root: it counts plugin runs with BSD process accounting (acct(2))"
command -v python3 >/dev/null || die "needs python3"
[ -x /usr/bin/time ] || die "needs GNU time at /usr/bin/time (apt-get install -y time)"
[ -n "$NAGIOS" ] || die "needs nagios4 (apt-get install -y nagios4-core)"
[ -x /usr/lib/nagios/plugins/check_dummy ] || die "needs check_dummy (apt-get install -y monitoring-plugins-basic)"
[ -x "$VIGIL" ] && { [ -n "${VIGIL_JAR:-}" ] || [ -f "$repo/vigil-app/target/vigil.jar" ]; } \
  || die "no Vigil jar: build it with: mvn -q -B package -DskipTests (at $repo)"

# scenario -> "hosts services_per_host check_interval spread offered_rate"
spec() {
  case "$1" in
    rate500)    echo "250 20 10 1 500" ;;      # 5,000 services every 10 s
    saturation) echo "100 20 1 1 2000" ;;      # 2,000 services every second
    load100k)   echo "5000 20 3600 3600 28" ;; # 100,000 services, checks spread over the hour
    rate500-50k) echo "2500 20 100 100 500" ;; # 500/s again, over 50,000 services: does a check cost more?
    *) die "unknown scenario $1 (rate500, saturation, load100k, rate500-50k)" ;;
  esac
}

runs="$OUT/runs"
mkdir -p "$runs"
echo "engine bench: $(nproc) cores, $(date -u +%FT%TZ), Vigil $(git -C "$repo" rev-parse --short HEAD)," \
     "$("$NAGIOS" --version 2>/dev/null | grep -m1 -o 'Nagios Core [0-9.]*')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the floor under any engine: the plugin alone at the offered rate, started by a bare C loop
if command -v gcc >/dev/null 2>&1 && [[ " $SCENARIOS " == *" rate500 "* ]]; then
  mkdir -p "$OUT"
  gcc -O2 -o "$OUT/pacedspawn" "$here/../plugins/pacedspawn.c"
  echo "floor: $("$OUT/pacedspawn" 500 20)"
fi
reports=()
for sc in $SCENARIOS; do
  read -r hosts per interval spread rate <<<"$(spec "$sc")"
  cfg="$OUT/$sc"
  rm -rf "$cfg"
  python3 "$here/generate.py" "$cfg" "$hosts" "$per" "$interval" "$spread"
  extra=()
  opts="$VIGIL_JAVA_OPTS"
  case "$sc" in  # too many services for the sampler to parse status.dat every second
    load100k) extra=(--load-only); opts="$opts -Xmx$LOAD_XMX" ;;
    rate500-50k) extra=(--load-only) ;;
  esac
  # Vigil forks check_dummy as Nagios does (issue 19's built-in check_dummy would run no plugin at all);
  # vigil-builtin runs it built-in
  printf 'builtin_checks:\n  enabled: false\n' >"$cfg/forked.yml"
  printf 'builtin_checks:\n  enabled: true\n' >"$cfg/builtin.yml"
  for tool in $TOOLS; do
    rm -rf "$cfg/var" && mkdir -p "$cfg/var/tmp" "$cfg/var/spool/checkresults" "$cfg/var/rw"
    vigil_run="\"env\", \"VIGIL_JAVA_OPTS=$opts\", \"$VIGIL\", \"run\", \"--web-config\", \"$cfg/forked.yml\""
    case "$tool" in
      nagios) cmd="[\"$NAGIOS\", \"$cfg/nagios.cfg\"]" ;;
      vigil)  cmd="[$vigil_run, \"$cfg/nagios.cfg\"]" ;;
      vigil-builtin)
        cmd="[\"env\", \"VIGIL_JAVA_OPTS=$opts\", \"$VIGIL\", \"run\", \"--web-config\", \"$cfg/builtin.yml\","
        cmd="$cmd \"$cfg/nagios.cfg\"]" ;;
      vigil-mcc[0-9]*)  # Vigil with max_concurrent_checks=N (its pool size; 0 means 256 threads)
        sed "s/^max_concurrent_checks=.*/max_concurrent_checks=${tool#vigil-mcc}/" "$cfg/nagios.cfg" >"$cfg/$tool.cfg"
        cmd="[$vigil_run, \"$cfg/$tool.cfg\"]" ;;
      *) die "unknown tool $tool" ;;
    esac
    echo "$sc: $tool for ${WARMUP} s + ${DURATION} s (load $(cut -d' ' -f1 /proc/loadavg))"
    rm -rf "$runs/$sc-$tool"
    python3 "$here/measure.py" "$tool" "$cmd" "$cfg" "$runs/$sc-$tool" "$WARMUP" "$DURATION" "$interval" \
      "${extra[@]}" || echo "$sc: $tool: measure failed, see $runs/$sc-$tool/out.txt"
    sleep "$COOLDOWN"
  done
  reports+=("$sc:$rate")
done
python3 "$here/report.py" "$runs" "${reports[@]}" | tee "$OUT/report.md"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
