#!/usr/bin/env bash
# Times `nagios4 -v` against `bin/vigil verify` on one generated Nagios config.
#
# Usage: bench/verify/run.sh [HOSTS] [SERVICES_PER_HOST]     (default 5000 20)
#
# Environment:
#   RUNS=3                        runs per tool, interleaved
#   WARMUP=1                      untimed runs per tool first (Vigil's first verify after a build writes its class
#                                 data sharing archive; both tools' files then sit in the page cache)
#   VIGIL=<repo>/bin/vigil        the Vigil launcher to time
#   NAGIOS=nagios4                the Nagios binary to time
#   OUT=<repo>/bench/out/verify-HOSTSxSERVICES   where the config and outputs go
#   LARGE_INSTALLATION_TWEAKS=1   0 leaves it off in nagios.cfg (see bench/README.md)
#
# Prints figures only; it never passes or fails on a time. Exit status: 0 when
# both tools accepted the config on every run, 1 when one did not, 2 when a
# tool is missing (the Nagios half still runs without Vigil), 64 on bad usage.
set -euo pipefail

usage() { sed -n '2,18s/^# \{0,1\}//p' "$0"; exit "${1:-64}"; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

[[ ${1:-} == -h || ${1:-} == --help ]] && usage 0
[[ $# -le 2 ]] || usage
hosts=${1:-5000}
per_host=${2:-20}
runs=${RUNS:-3}
warmup=${WARMUP:-1}
[[ $warmup =~ ^[0-9]+$ ]] || { echo "run.sh: WARMUP '$warmup' is not a whole number" >&2; usage; }
for n in "$hosts" "$per_host" "$runs"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: '$n' is not a positive integer" >&2; usage; }
done
((per_host >= 2)) || { echo "run.sh: need at least 2 services per host (PING and SSH)" >&2; exit 64; }
out=${OUT:-$root/bench/out/verify-${hosts}x${per_host}}
vigil=${VIGIL:-$root/bin/vigil}
nagios=${NAGIOS:-$(command -v nagios4 || command -v nagios || echo nagios4)}
gnu_time=/usr/bin/time
export PYTHONDONTWRITEBYTECODE=1  # keep bench/verify free of __pycache__
# The tools run from $out/runs, so relative paths must be made absolute first.
absolute() { case $1 in /*) echo "$1" ;; */*) echo "$PWD/$1" ;; *) command -v "$1" || echo "$PWD/$1" ;; esac; }
vigil=$(absolute "$vigil")
nagios=$(absolute "$nagios")
mkdir -p "$out"
out=$(cd "$out" && pwd)
status=0

# --- prerequisites ---------------------------------------------------------
if ! command -v python3 >/dev/null; then
  echo "run.sh: python3 is needed to generate the config (apt-get install -y python3)" >&2
  exit 2
fi
if ! "$gnu_time" -f '%e %M' -o /dev/null true 2>/dev/null; then
  echo "run.sh: GNU time is needed at $gnu_time to measure wall time and peak memory." >&2
  echo "        Install it with: apt-get install -y time    (Debian/Ubuntu, as root)" >&2
  exit 2
fi
if ! command -v "$nagios" >/dev/null; then
  echo "run.sh: Nagios not found ('$nagios'). Install it with: apt-get install -y nagios4-core" >&2
  echo "        or point NAGIOS at a nagios binary." >&2
  exit 2
fi
tools=(nagios4)
# A launcher inside a checkout needs the jar the build makes; one elsewhere is taken as is.
vigil_home=$(dirname "$(dirname "$vigil")")
if [[ ! -x $vigil ]]; then
  missing=$vigil
elif [[ -f $vigil_home/pom.xml && ! -f $vigil_home/vigil-app/target/vigil.jar ]]; then
  missing=$vigil_home/vigil-app/target/vigil.jar
fi
if [[ -n ${missing:-} ]]; then
  [[ -f $vigil_home/pom.xml ]] || vigil_home=$root
  echo "run.sh: $missing is missing, so Vigil is not timed. Build it at the repo root with:" >&2
  echo "        (cd $vigil_home && mvn -q -B package -DskipTests)" >&2
  echo "        or point VIGIL at a launcher. Running the Nagios half only." >&2
  status=2
else
  tools+=(vigil)
fi

# --- config ------------------------------------------------------------------
# Remove what an earlier, larger run generated: cfg_dir reads every file in conf.d.
rm -rf "$out/conf.d" "$out/objects" "$out/var" "$out/runs"
mkdir -p "$out/runs"
gen_flags=()
[[ ${LARGE_INSTALLATION_TWEAKS:-1} == 0 ]] && gen_flags+=(--no-large-installation-tweaks)
python3 "$here/generate.py" "$out" "$hosts" "$per_host" ${gen_flags[@]+"${gen_flags[@]}"}
cfg=$out/nagios.cfg

echo "verify benchmark: $hosts hosts x $per_host services = $((hosts * per_host)) services," \
  "$runs run(s) per tool after $warmup untimed"
echo "config:  $cfg ($(du -csh "$out/conf.d" "$out/objects" | tail -n1 | cut -f1) in" \
  "$(find "$out/conf.d" "$out/objects" -name '*.cfg' | wc -l) object files)"
echo "nagios:  $nagios ($("$nagios" --version 2>/dev/null | grep -m1 -o 'Nagios Core [0-9.]*' || echo '?'))"
echo "vigil:   $( [[ " ${tools[*]} " == *" vigil "* ]] && echo "$vigil" || echo "not run")"
echo "machine: $(nproc) CPU(s), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
  "$(awk '/MemTotal/ {printf "%.0f GB RAM", $2 / 1048576}' /proc/meminfo)"
load_before=$(cut -d' ' -f1 /proc/loadavg)

# --- runs --------------------------------------------------------------------
cd "$out/runs"  # a crashing tool leaves its core file here, not where run.sh was started
# Interleaved, so drift in machine load touches both tools alike.
time_one() {
  local tool=$1 run=$2
  shift 2
  local base=$out/runs/$tool.$run rc=0
  "$gnu_time" -f '%e %M %U %S' -o "$base.time" "$@" >"$base.out" 2>&1 || rc=$?
  # GNU time puts "Command exited with non-zero status N" before the figures.
  printf '%s\t%s\t%s\t%s\n' "$tool" "$run" "$rc" "$(tail -n1 "$base.time" | tr ' ' '\t')" \
    >>"$out/runs/results.tsv"
}
for ((run = 1; run <= warmup; run++)); do
  for tool in "${tools[@]}"; do
    case $tool in
      nagios4) "$nagios" -v "$cfg" >/dev/null 2>&1 || true ;;
      vigil) "$vigil" verify "$cfg" >/dev/null 2>&1 || true ;;
    esac
  done
done
for ((run = 1; run <= runs; run++)); do
  for tool in "${tools[@]}"; do
    case $tool in
      nagios4) time_one nagios4 "$run" "$nagios" -v "$cfg" ;;
      vigil) time_one vigil "$run" "$vigil" verify "$cfg" ;;
    esac
  done
done

# Other work on the machine slows wall times; CPU times suffer less.
echo "load:    1-minute load average $load_before before the runs, $(cut -d' ' -f1 /proc/loadavg) after"
echo
python3 "$here/report.py" "$out" || status=1
exit "$status"
