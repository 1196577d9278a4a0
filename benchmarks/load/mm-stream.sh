#!/usr/bin/env bash
# TradeData fan-out over seed 003's /api/v1/ws/stream to N dashboards on 127.0.0.1 (issue 16: p99 from the
# TradeData's production to each dashboard having it <= 5 ms with 100 dashboards). Bounded by DURATION_S of ticks.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/mm-stream.sh            # DASHBOARDS=100 RATE=20 DURATION_S=25 CLIENT=lean (or jdk) WARMUP_S=5
# (the first WARMUP_S seconds of ticks are not measured: the JIT is still compiling the tick and send paths)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
timeout 300 java -cp "$JAR" io.hfthot.benchmarks.marketmaker.MarketMakerStreamLoad \
  "${DASHBOARDS:-100}" "${RATE:-20}" "${DURATION_S:-25}" "${CLIENT:-lean}" "${WARMUP_S:-5}"
