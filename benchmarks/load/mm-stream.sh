#!/usr/bin/env bash
# TradeData fan-out over seed 003's /api/v1/ws/stream to N dashboards on 127.0.0.1 (issue 16: p99 from the
# TradeData's production to each dashboard having it <= 5 ms with 100 dashboards). Bounded by DURATION_S of ticks.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/mm-stream.sh            # DASHBOARDS=100 RATE=20 DURATION_S=90 CLIENT=lean (or jdk) WARMUP_S=30
# (DURATION_S counts the warm-up; the first WARMUP_S seconds of ticks are not measured: the JIT is still compiling
# the tick and send paths. At 20 messages a second that takes long: -XX:+PrintCompilation counted 72 C2
# compilations in the JVM's 5-10 s, 73 in 20-25 s, 8-12 per 5 s in 30-45 s, then 1; each takes one of the two
# cores for 30-130 ms. With 5 s left out the p99 measures those compilations as much as the steady state.)
# The last line is the machine over the same window (WakeUpProbe): how late a sleeping thread wakes, and the host's
# steal. On the build VM both swing from minute to minute; a run with seconds of steal measured the host.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
timeout 300 java -cp "$JAR" io.hfthot.benchmarks.marketmaker.MarketMakerStreamLoad \
  "${DASHBOARDS:-100}" "${RATE:-20}" "${DURATION_S:-90}" "${CLIENT:-lean}" "${WARMUP_S:-30}"
