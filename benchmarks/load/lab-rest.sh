#!/usr/bin/env bash
# Load test of seed 000's regime and OHLCV routes against a static 20-field JSON route on the same
# server, same run (issue 8: the lab routes at >= 80% of the static route's throughput, p50 <= 1 ms).
# Every request of the lab routes carries X-HFThot-API-Key and goes through the key and quota filter.
# Targets 127.0.0.1 only; every wrk run is bounded by DURATION.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/lab-rest.sh              # DURATION=10s THREADS=2 CONNECTIONS=32 ROUNDS=4 PORT=18081
#   prints each run, then the median over rounds of each route's ratio to the static route of its round
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
ROUNDS="${ROUNDS:-4}"
LIGHT_CONNECTIONS="${LIGHT_CONNECTIONS:-4}"
PORT="${PORT:-18081}"
JAR=benchmarks/target/benchmarks.jar
HOST=127.0.0.1

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
case "$DURATION" in *s|*m) ;; *) echo "DURATION must look like 10s or 1m" >&2; exit 1;; esac

LOG=$(mktemp)
RESULTS=$(mktemp)
HFTHOT_ACCESS_LOG=OFF java -Xmx1g -XX:+UseParallelGC --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$JAR" \
  io.hfthot.benchmarks.lab.http.LabLoadServer "$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -f "$LOG" "$RESULTS"' EXIT
for _ in $(seq 1 600); do
  grep -q "lab load server ready" "$LOG" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
grep -q "lab load server ready" "$LOG" || { echo "lab load server did not start" >&2; cat "$LOG" >&2; exit 1; }
KEY=$(sed -n 's/.* key \(hft_[A-Za-z0-9_-]*\).*/\1/p' "$LOG" | head -1)

REGIME="/v1/signals/regime?symbol=BTC-USDT"
# Seed 000's own example request: the last 100 closed 5m bars.
OHLCV="/v1/market/ohlcv?symbol=BTC-USDT&interval=5m&limit=100"
STATIC="/bench/static"

SIZED="/bench/static-ohlcv-size"

run() {  # $1 = label, $2 = path; prints "label req/s p50 p99" and records "round label req/s"
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 2s --latency \
        -H "X-HFThot-API-Key: $KEY" "http://$HOST:$PORT$2")
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-8s %12s req/s   p50 %-9s p99 %-9s non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$round $1 $rps" >>"$RESULTS"
}

echo "warm-up (discarded)"
for p in "$STATIC" "$REGIME" "$OHLCV" "$SIZED"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "X-HFThot-API-Key: $KEY" "http://$HOST:$PORT$p" >/dev/null
done
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS alternating rounds"
for round in $(seq 1 "$ROUNDS"); do
  run static "$STATIC"
  run regime "$REGIME"
  run ohlcv "$OHLCV"
  run sized "$SIZED"
done
# Latency below saturation: at -c32 every route is saturated and its p50 is mostly queueing
# (connections / throughput); a light load shows what one request costs.
echo "latency at wrk -t2 -c$LIGHT_CONNECTIONS (below saturation), $DURATION each"
for p in static:"$STATIC" regime:"$REGIME" ohlcv:"$OHLCV"; do
  out=$(wrk -t2 -c"$LIGHT_CONNECTIONS" -d"$DURATION" --timeout 2s --latency -H "X-HFThot-API-Key: $KEY" "http://$HOST:$PORT${p#*:}")
  printf '%-8s %12s req/s   p50 %-9s p99 %s\n' "${p%%:*}" "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
done
# Ratios within each round (each route next to the static routes of the same round), then the medians.
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ratio() {  # $1 = route, $2 = baseline: one ratio per round
  awk -v a="$1" -v b="$2" '$2 == a {x[$1]=$3} $2 == b {y[$1]=$3} END {for (k in x) printf "%.3f\n", x[k]/y[k]}' "$RESULTS"
}
echo "median over $ROUNDS rounds: regime/static $(ratio regime static | median)," \
  "ohlcv/static $(ratio ohlcv static | median), ohlcv/static-ohlcv-size $(ratio ohlcv sized | median)"
