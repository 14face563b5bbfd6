#!/usr/bin/env bash
# Times `nagios4 -v` against `bin/vigil verify` at several sizes in one run, then prints one table of ratios.
#
# Usage: bench/verify/sizes.sh [HOSTSxSERVICES_PER_HOST ...]    (default 50x20 500x20 5000x20:
#                                                                1,000, 10,000 and 100,000 services)
#
# Each size is bench/verify/run.sh's run (its tables printed as it goes; the same environment: RUNS, VIGIL,
# NAGIOS, LARGE_INSTALLATION_TWEAKS), with its config and outputs in OUT_BASE/verify-HOSTSxSERVICES
# (OUT_BASE default <repo>/bench/out). Prints figures only. Exit status: the worst of the sizes' run.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
[[ ${1:-} == -h || ${1:-} == --help ]] && { sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0; }
sizes=("$@")
((${#sizes[@]})) || sizes=(50x20 500x20 5000x20)
base=${OUT_BASE:-$root/bench/out}
outs=()
status=0
for size in "${sizes[@]}"; do
  [[ $size =~ ^([1-9][0-9]*)x([1-9][0-9]*)$ ]] || { echo "sizes.sh: '$size' is not HOSTSxSERVICES_PER_HOST" >&2; exit 64; }
  out=$base/verify-$size
  echo "=== $size"
  rc=0
  OUT=$out "$here/run.sh" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" || rc=$?
  ((rc > status)) && status=$rc
  outs+=("$out")
  echo
done
echo "=== summary ($(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg))"
PYTHONDONTWRITEBYTECODE=1 python3 "$here/report.py" --summary "${outs[@]}" || status=$((status > 1 ? status : 1))
exit "$status"
