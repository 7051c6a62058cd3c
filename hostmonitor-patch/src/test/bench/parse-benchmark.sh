#!/bin/sh
# Parse-time benchmark for the 1,000-node crm_mon document (not part of the unit tests).
# Build first: mvn -B -q -pl hostmonitor-patch -am install   (from the repository root)
# Usage: hostmonitor-patch/src/test/bench/parse-benchmark.sh [iterations]
set -eu
module=$(cd "$(dirname "$0")/../../.." && pwd)
exec java -Xmx256m -cp "$module/target/classes:$module/target/test-classes" \
    dev.instanceha.hostmonitor.bench.ParseBenchmark "${1:-500}"
