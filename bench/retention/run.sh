#!/usr/bin/env bash
# Retention on H2 and PostgreSQL: time to flush and to load 100,000 service records (about 20 attributes
# each), and a steady-state flush of 1,000 changed records. Prints figures only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B test -pl core-scheduler -am -Dtest=RetentionPerformanceBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false 2>&1 | grep -E "^(H2|PostgreSQL):"
