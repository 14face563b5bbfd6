#!/usr/bin/env bash
# Moving in (issue 22), in one run: `vigil verify` beside `nagios4 -v` at 1k, 10k and 100k services
# (bench/verify/sizes.sh), then the daemon's own CPU at 500 checks/s beside Nagios's (bench/engine/run.sh's
# rate500 scenario, plugins forked by both), and one table of both with ratios. Figures only.
#
# Usage: sudo bench/moving-in/run.sh     (root: the engine bench counts plugin exits with process accounting)
# Environment: SIZES (sizes.sh's arguments, default "50x20 500x20 5000x20"), OUT (default bench/out/moving-in),
# ENGINE_WARMUP (seconds from the daemons' start to the window, default 60: the JVM's compilers are done by then),
# and what the two benches read (RUNS, VIGIL, NAGIOS, WARMUP (sizes.sh's untimed runs), DURATION, VIGIL_JAVA_OPTS...).
# On a shared machine wrap it in `flock /tmp/bench-heavy.lock`: it runs a 100,000-service verify and 500 checks/s.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[[ ${1:-} == -h || ${1:-} == --help ]] && { sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0; }
OUT="${OUT:-$repo/bench/out/moving-in}"
read -r -a sizes <<<"${SIZES:-50x20 500x20 5000x20}"
mkdir -p "$OUT"
echo "moving-in bench: $(nproc) cores, $(date -u +%FT%TZ), Vigil $(git -C "$repo" rev-parse --short HEAD)," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
OUT_BASE="$OUT" "$repo/bench/verify/sizes.sh" "${sizes[@]}" || status=$?
echo
# a new jar's first `vigil run` trains the daemon's class-data archive (bin/vigil): done here, outside the measured
# window, so the 500 checks/s figure is a warm daemon's (a config that does not exist: trained, then refused at once)
"$repo/bin/vigil" run "$OUT/no-such-nagios.cfg" >/dev/null 2>&1 || true
# the window starts ENGINE_WARMUP s after each daemon's start: a daemon runs for weeks, and a JVM's first minute
# still holds its compilers' work and code not yet compiled by C2 (bench/engine/run.sh alone starts at 10 s)
OUT="$OUT/engine" SCENARIOS=rate500 TOOLS="nagios vigil" WARMUP="${ENGINE_WARMUP:-60}" "$repo/bench/engine/run.sh" \
  || status=$((status > 0 ? status : 2))
echo
echo "=== moving in ($(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg))"
outs=()
for size in "${sizes[@]}"; do outs+=("$OUT/verify-$size"); done
PYTHONDONTWRITEBYTECODE=1 python3 "$here/report.py" "$OUT/engine/runs/rate500" "${outs[@]}" \
  | tee "$OUT/report.md" || status=$((status > 0 ? status : 1))
exit "$status"
