#!/bin/sh
# Readers before and after a change, under the same load, one after the other, ROUNDS times (issue 16's before and
# after). BEFORE and AFTER are the bin/vigil of two checkouts (each with its jar built). Prints figures only.
# Usage: bench/readers/compare.sh BEFORE_VIGIL [AFTER_VIGIL] [ROUNDS] [CLIENTS] [SECONDS]
set -e
cd "$(dirname "$0")/../.."
before=${1:?usage: bench/readers/compare.sh BEFORE_VIGIL [AFTER_VIGIL] [ROUNDS] [CLIENTS] [SECONDS]}
after=${2:-$(pwd)/bin/vigil}
for i in $(seq "${3:-2}"); do
    echo "== round $i: before ($before)"
    VIGIL=$before bench/readers/run.sh "${4:-20}" "${5:-15}"
    echo "== round $i: after ($after)"
    VIGIL=$after bench/readers/run.sh "${4:-20}" "${5:-15}"
done
