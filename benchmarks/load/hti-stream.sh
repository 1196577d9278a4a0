#!/usr/bin/env bash
# HTI SSE fan-out (issue 15: 1,000 concurrent SSE clients on one server, p99 idea-to-client <= 25 ms, server
# RSS growth < 150 MB for the connections). Server and clients are separate JVMs on 127.0.0.1 so the server's
# RSS is its own; bounded by DURATION_S seconds of publishing (the server gives up after 180 s waiting for clients).
# The clients JVM (always the default `java`) reads all streams with two NIO selector threads; both sides print the
# CPU time they spent per delivered idea, a figure that the machine's other load disturbs far less than latency.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/hti-stream.sh            # CLIENTS=1000 DURATION_S=30 RATE=20 VIRTUAL_THREADS=false JAVA=java
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/load/hti-stream.sh   # server on JDK 25
#   (VIRTUAL_THREADS=true runs the listener's request threads as virtual threads; SSE streams hold none either way)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
CLIENTS="${CLIENTS:-1000}"
SECONDS_RUN="${DURATION_S:-30}"
RATE="${RATE:-20}"
VIRTUAL="${VIRTUAL_THREADS:-false}"
JAVA="${JAVA:-java}"
CP="${CP:-$JAR}"
out="$(mktemp)"
HFTHOT_ACCESS_LOG=OFF timeout 400 "$JAVA" -Xms256m -Xmx512m -cp "$CP" io.hfthot.benchmarks.hti.HtiStreamLoad \
  server "$CLIENTS" "$SECONDS_RUN" "$RATE" "$VIRTUAL" >"$out" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 600); do
  grep -q '^READY ' "$out" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$out"; exit 1; }
  sleep 0.2
done
read -r _ port code < <(grep '^READY ' "$out")
# The second latency line leaves out each stream's first WARMUP_S seconds of ideas (default 5 s) as warm-up.
timeout 300 java -Xmx1g -cp "$CP" io.hfthot.benchmarks.hti.HtiStreamLoad clients "$CLIENTS" "$port" "$code" "$SECONDS_RUN" \
  "$(( RATE * ${WARMUP_S:-5} ))"
wait "$server_pid" || true
grep '^server: ' "$out"
