#!/usr/bin/env bash
# Load test of seed 000's regime and OHLCV routes against a static 20-field JSON route on the same
# server, same run (issue 8: the lab routes at >= 80% of the static route's throughput, p50 <= 1 ms).
# Every request of the lab routes carries X-HFThot-API-Key and goes through the key and quota filter.
# Targets 127.0.0.1 only; every wrk run is bounded by DURATION.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/lab-rest.sh              # DURATION=10s THREADS=2 CONNECTIONS=32 ROUNDS=2 PORT=18081
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
ROUNDS="${ROUNDS:-2}"
PORT="${PORT:-18081}"
JAR=benchmarks/target/benchmarks.jar
HOST=127.0.0.1

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
case "$DURATION" in *s|*m) ;; *) echo "DURATION must look like 10s or 1m" >&2; exit 1;; esac

LOG=$(mktemp)
HFTHOT_ACCESS_LOG=OFF java -Xmx1g -XX:+UseParallelGC --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$JAR" \
  io.hfthot.benchmarks.lab.http.LabLoadServer "$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 600); do
  grep -q "lab load server ready" "$LOG" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
grep -q "lab load server ready" "$LOG" || { echo "lab load server did not start" >&2; cat "$LOG" >&2; exit 1; }
KEY=$(sed -n 's/.* key \(hft_[A-Za-z0-9_-]*\).*/\1/p' "$LOG" | head -1)

REGIME="/v1/signals/regime?symbol=BTC-USDT"
# An explicit start_time (8 hours back): the engine's default start overflows for unlimited-depth
# (Enterprise) keys at the time of writing, and the load key must be Enterprise to have no REST window.
OHLCV="/v1/market/ohlcv?symbol=BTC-USDT&interval=5m&limit=100&start_time=$(( $(date +%s%3N) - 8 * 3600 * 1000 ))"
STATIC="/bench/static"

run() {  # $1 = label, $2 = path; prints "label req/s p50 p99"
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 2s --latency \
        -H "X-HFThot-API-Key: $KEY" "http://$HOST:$PORT$2")
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-8s %12s req/s   p50 %-9s p99 %-9s non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "warm-up (discarded)"
for p in "$STATIC" "$REGIME" "$OHLCV"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "X-HFThot-API-Key: $KEY" "http://$HOST:$PORT$p" >/dev/null
done
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS alternating rounds"
for round in $(seq 1 "$ROUNDS"); do
  run static "$STATIC"
  run regime "$REGIME"
  run ohlcv "$OHLCV"
done
