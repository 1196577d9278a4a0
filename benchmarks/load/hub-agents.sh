#!/usr/bin/env bash
# N in-process paper agents at interval_seconds 1 on one hub on 127.0.0.1; tick-start jitter and agent_status
# delivered over WS (issue 17: 1,000 agents, jitter p99 <= 50 ms). Bounded by WARMUP + RUN_SECONDS of running.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/hub-agents.sh            # AGENTS=1000 RUN_SECONDS=30 WARMUP=10
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
HFTHOT_ACCESS_LOG=OFF timeout 300 java -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$JAR" \
  io.hfthot.benchmarks.hub.HubAgentLoad "${AGENTS:-1000}" "${RUN_SECONDS:-30}" "${WARMUP:-10}"
