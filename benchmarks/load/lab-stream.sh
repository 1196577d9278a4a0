#!/usr/bin/env bash
# Tick fan-out over /v1/stream to N WebSocket subscribers on 127.0.0.1 (issue 8: p99 ingest-to-send
# <= 5 ms with 100 subscribers). Bounded by PUBLISH_SECONDS of publishing.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/lab-stream.sh            # SUBSCRIBERS=100 RATE=1000 PUBLISH_SECONDS=10 BUS_THREADS=4
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
HFTHOT_ACCESS_LOG=OFF timeout 300 java -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$JAR" \
  io.hfthot.benchmarks.lab.http.LabStreamFanout "${SUBSCRIBERS:-100}" "${RATE:-1000}" "${PUBLISH_SECONDS:-10}" "${BUS_THREADS:-4}"
