#!/usr/bin/env bash
# Load test of the HTTP adapter against a bare HttpHandler on the same Jetty server, same run.
# Targets 127.0.0.1 only; every wrk run is bounded by DURATION.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/wrk-health.sh            # DURATION=10s THREADS=2 CONNECTIONS=32 ROUNDS=2 PORT=18080
#   HFTHOT_ACCESS_LOG=OFF benchmarks/load/wrk-health.sh   # without the per-request access log
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
ROUNDS="${ROUNDS:-2}"
PORT="${PORT:-18080}"
JAR=benchmarks/target/benchmarks.jar
HOST=127.0.0.1

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
case "$DURATION" in *s|*m) ;; *) echo "DURATION must look like 10s or 1m" >&2; exit 1;; esac

LOG=$(mktemp)
java -Xmx512m -XX:+UseParallelGC -cp "$JAR" io.hfthot.benchmarks.http.TransportLoadServer "$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 100); do
  grep -q "load server ready" "$LOG" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
grep -q "load server ready" "$LOG" || { echo "load server did not start" >&2; cat "$LOG" >&2; exit 1; }

run() {  # $1 = label, $2 = path; prints "label req/s p50 p99"
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 2s --latency "http://$HOST:$PORT$2")
  local rps p50 p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-8s %12s req/s   p50 %-9s p99 %s\n' "$1" "$rps" "$p50" "$p99"
}

echo "warm-up (discarded)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://$HOST:$PORT/bare/health" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://$HOST:$PORT/v1/health" >/dev/null
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS alternating rounds"
for round in $(seq 1 "$ROUNDS"); do
  run bare "/bare/health"
  run adapter "/v1/health"
done
