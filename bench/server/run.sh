#!/usr/bin/env bash
# Lists 10,000 stored runs page by page through the server's REST API and prints the timings.
# Usage: bench/server/run.sh [RUNS] [ROUNDS]   (BATON_STORE_URL=jdbc:postgresql://… for PostgreSQL)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -ntp -q -pl bench/server -am package -DskipTests
java --enable-native-access=ALL-UNNAMED -cp "bench/server/target/baton-bench-server.jar:bench/server/target/lib/*" \
  dev.baton.bench.server.ListingBench "${1:-10000}" "${2:-5}"
