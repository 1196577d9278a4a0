#!/usr/bin/env bash
# What metrics and access logs cost on REST throughput (issue 22: <= 5%), same run: two reference servers from the
# same jar, side by side on loopback, one with per-request metrics and the access log on (the defaults), one with
# both off (--request-metrics false, HFTHOT_ACCESS_LOG=OFF). wrk loads one at a time, alternating A/B for ROUNDS
# rounds on two routes: /v1/market/ticker (authenticated, through the key and quota filter) and /v1/health (the
# cheapest route, where the per-request cost shows most). Targets 127.0.0.1 only; each wrk run is bounded.
# wrk and the servers share the machine's cores (on the 2-core reference machine the load generator takes about a
# third of the CPU), so what is compared is throughput at saturation, always between two runs seconds apart.
# Within a round the order alternates (plain first in odd rounds, observed first in even ones) so that a drift of
# the machine's load favours neither; each round gives a ratio and the median over rounds is the figure.
#
#   mvn -B -q -o -pl reference-server -am package -DskipTests
#   flock /work/notes/bench.lock benchmarks/load/ops-overhead.sh   # DURATION=5s THREADS=2 CONNECTIONS=32 ROUNDS=7 BASE_PORT=18180
#   prints the load average, each run, each round's ratio, then per route the median over rounds of
#   (with metrics + log) / (without); about 2.5 minutes with the defaults
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-5s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
ROUNDS="${ROUNDS:-7}"
BASE_PORT="${BASE_PORT:-18180}"
JAR=reference-server/target/hfthot-server.jar
HOST=127.0.0.1

. benchmarks/load/reference-servers.sh

# The access log goes to a file, as it would in production: its cost includes the writes.
HFTHOT_ACCESS_LOG=OFF start_server plain "$BASE_PORT" --request-metrics false
HFTHOT_ACCESS_LOG=INFO start_server observed $((BASE_PORT + 10)) --request-metrics true
KEY=$(enterprise_key observed)
KEY_PLAIN=$(enterprise_key plain)
RESULTS="$WORK/results"

cpu_ticks() {  # user + system CPU of a process so far, in clock ticks (/proc/PID/stat fields 14 and 15)
  awk '{print $14 + $15}' "/proc/$1/stat"
}

run() {  # $1 = server label, $2 = port, $3 = route label, $4 = path, $5 = key
  local out rps p50 p99 non2xx requests cpu0 cpu1 cpu_us
  cpu0=$(cpu_ticks "${PID_OF[$1]}")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 2s --latency -H "X-HFThot-API-Key: $5" \
        "http://$HOST:$2$4")
  cpu1=$(cpu_ticks "${PID_OF[$1]}")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  # The server's own CPU per request: unlike throughput, barely moved by what else runs on the machine.
  cpu_us=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-9s %-7s %12s req/s   p50 %-9s p99 %-9s non-2xx %-4s server CPU %6s us/request\n' "$1" "$3" "$rps" "$p50" \
    "$p99" "${non2xx:-0}" "$cpu_us"
  echo "$round $3 $1 $rps $cpu_us" >>"$RESULTS"
}

echo "load average before: $(cat /proc/loadavg)"
TICKER="/v1/market/ticker?symbol=BTC-USDT"
HEALTH="/v1/health"
echo "warm-up (discarded)"
for target in "$BASE_PORT:$KEY_PLAIN" "$((BASE_PORT + 10)):$KEY"; do
  for path in "$TICKER" "$HEALTH"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "X-HFThot-API-Key: ${target#*:}" "http://$HOST:${target%%:*}$path" >/dev/null
  done
done
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, plain and observed alternating"
for round in $(seq 1 "$ROUNDS"); do
  for route in ticker:"$TICKER" health:"$HEALTH"; do
    if [ $((round % 2)) = 1 ]; then
      run plain "$BASE_PORT" "${route%%:*}" "${route#*:}" "$KEY_PLAIN"
      run observed $((BASE_PORT + 10)) "${route%%:*}" "${route#*:}" "$KEY"
    else
      run observed $((BASE_PORT + 10)) "${route%%:*}" "${route#*:}" "$KEY"
      run plain "$BASE_PORT" "${route%%:*}" "${route#*:}" "$KEY_PLAIN"
    fi
  done
done
echo "load average after: $(cat /proc/loadavg)"
echo "observed / plain throughput per round, then the median over rounds (1.00 = free; 0.95 = 5% cost)"
for route in ticker health; do
  ratios=$(awk -v r="$route" '$2 == r {rps[$1" "$3] = $4} END {for (k in rps) {split(k, a, " "); if (a[2] == "observed") printf "%d %.3f\n", a[1], rps[k] / rps[a[1]" plain"]}}' "$RESULTS" | sort -n)
  printf '%-7s rounds: %s\n' "$route" "$(awk '{printf "%s ", $2}' <<<"$ratios")"
  printf '%-7s median: %s\n' "$route" "$(awk '{print $2}' <<<"$ratios" | median)"
done
echo "server CPU per request, plain / observed per round, then the median (1.00 = free; 0.95 = 5% more CPU per request)"
for route in ticker health; do
  ratios=$(awk -v r="$route" '$2 == r {cpu[$1" "$3] = $5} END {for (k in cpu) {split(k, a, " "); if (a[2] == "observed") printf "%d %.3f\n", a[1], cpu[a[1]" plain"] / cpu[k]}}' "$RESULTS" | sort -n)
  printf '%-7s rounds: %s\n' "$route" "$(awk '{printf "%s ", $2}' <<<"$ratios")"
  printf '%-7s median: %s\n' "$route" "$(awk '{print $2}' <<<"$ratios" | median)"
done
lines=$(grep -c ' ACCESS ' "$WORK/observed/err.log" || true)
echo "access-log lines written by the observed server: $lines"
echo "the observed server's /metrics has $(curl -s "http://$HOST:$((BASE_PORT + 13))/metrics" | grep -c '^hfthot_http_server_requests_seconds_count') request series"
