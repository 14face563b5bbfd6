#!/usr/bin/env bash
# Unauthenticated denial of service against the real web app (issue 15): REQUESTS requests (default 100,000) with
# random 4,000-character user names, half from random client addresses in 127/8 (each a fresh login-throttle key and
# a password hash), half from one address with bodies at the request body limit (API JSON 256 KiB, login form
# 190,000 B); an admin from its own address forces a check every second meanwhile. Prints the used heap after GC
# before and after, the answers, and whether the admin's checks kept running. Prints figures; the test it runs
# (DenialOfServiceTest) also fails if the heap grew 16 MB or more or a probe was not answered.
# Usage: bench/dos/run.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REQUESTS=${1:-100000}
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); Vigil $(git rev-parse --short HEAD)"
mvn -q -B -ntp -Dstyle.color=never test -pl web-status -am -Dtest=DenialOfServiceTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false -Dvigil.dos.requests="$REQUESTS" 2>&1 \
  | grep -E "dos bench:|Tests run|FAIL" | sed "s/^.*dos bench:/dos bench:/"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
