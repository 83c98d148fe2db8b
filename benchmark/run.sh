#!/bin/sh
# Builds the checkout (skipping tests), then runs the benchmark: the local stack on PostgreSQL
# under an open-loop load of leads, beside Kafka's own perf tools. --help lists the options.
# SKIP_BUILD=1 runs what was built last time.
set -e
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q package -DskipTests
fi
exec java -jar benchmark/target/benchmark.jar "$@"
