#!/usr/bin/env bash
# What Redis costs the REST regime route (issue 18: with --redis at least 60% of the in-memory throughput, same
# run): one redis-server of its own (no persistence) and two reference servers from the same jar on loopback, one
# in memory and one with --redis. wrk loads one server at a time with an Enterprise key, alternating which goes
# first, ROUNDS rounds after a warm-up of each. Targets 127.0.0.1 only; each wrk run is bounded.
#
#   mvn -B -q -o -pl reference-server -am package -DskipTests
#   benchmarks/load/redis-regime.sh   # DURATION=10s THREADS=2 CONNECTIONS=32 ROUNDS=3 BASE_PORT=18280 REDIS_PORT=18299
#   prints each run, the median over rounds of redis / in-memory, and Redis's own per-command figures
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
ROUNDS="${ROUNDS:-3}"
BASE_PORT="${BASE_PORT:-18280}"
REDIS_PORT="${REDIS_PORT:-18299}"
JAR=reference-server/target/hfthot-server.jar
HOST=127.0.0.1
ROUTE="/v1/signals/regime?symbol=BTC-USDT"

command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 1; }
. benchmarks/load/reference-servers.sh

redis-server --port "$REDIS_PORT" --bind "$HOST" --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do
  redis-cli -h "$HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done

start_server memory "$BASE_PORT"
start_server redis $((BASE_PORT + 10)) --redis "redis://$HOST:$REDIS_PORT"
KEY_MEMORY=$(enterprise_key memory)
KEY_REDIS=$(enterprise_key redis)
[ -n "$KEY_MEMORY" ] && [ -n "$KEY_REDIS" ] || { echo "no Enterprise demo key in the servers' output" >&2; exit 1; }
RESULTS="$WORK/results"

run() {  # $1 = server label, $2 = port, $3 = key
  local out rps p50 p99 non2xx
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 2s --latency -H "X-HFThot-API-Key: $3" \
        "http://$HOST:$2$ROUTE")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-7s %12s req/s   p50 %-9s p99 %-9s non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$round $1 $rps" >>"$RESULTS"
}

echo "warm-up (discarded)"
for target in "$BASE_PORT:$KEY_MEMORY" "$((BASE_PORT + 10)):$KEY_REDIS"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "X-HFThot-API-Key: ${target#*:}" "http://$HOST:${target%%:*}$ROUTE" >/dev/null
done
redis-cli -h "$HOST" -p "$REDIS_PORT" config resetstat >/dev/null
echo "GET $ROUTE, Enterprise key, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds alternating"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then
    run memory "$BASE_PORT" "$KEY_MEMORY"
    run redis $((BASE_PORT + 10)) "$KEY_REDIS"
  else
    run redis $((BASE_PORT + 10)) "$KEY_REDIS"
    run memory "$BASE_PORT" "$KEY_MEMORY"
  fi
done
ratio=$(awk '{rps[$1" "$2] = $3} END {for (k in rps) {split(k, a, " "); if (a[2] == "redis") print rps[k] / rps[a[1]" memory"]}}' \
  "$RESULTS" | median)
echo "redis / in-memory throughput, median over rounds: $ratio (goal >= 0.60)"
echo "Redis commands during the measured rounds (INFO commandstats):"
redis-cli -h "$HOST" -p "$REDIS_PORT" info commandstats | grep '^cmdstat' | grep -v 'cmdstat_\(info\|config\|ping\)' \
  | sed 's/^cmdstat_/  /'
