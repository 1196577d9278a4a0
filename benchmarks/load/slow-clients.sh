#!/usr/bin/env bash
# Issue 13's slow-client attack against the reference server, with a normal client measured throughout:
# SLOW connections send headers with Content-Length: 1000 and then one body byte every EVERY_MS (each
# one replaced as soon as the server answers or closes it), while a normal client sends GET /v1/health
# every 100 ms. Prints the normal client's p50/p99/max latency and what became of the slow connections.
# Targets 127.0.0.1 only; bounded by DURATION_S; the server runs with its default request limits.
#
#   mvn -B -q -o -pl benchmarks -am package -DskipTests
#   benchmarks/load/slow-clients.sh          # SLOW=250 DURATION_S=30 EVERY_MS=5000 BASE_PORT=18090
#   SERVER_CP=path/to/hfthot-server.jar benchmarks/load/slow-clients.sh   # attack another build of the server
set -euo pipefail
cd "$(dirname "$0")/../.."

SLOW="${SLOW:-250}"
DURATION_S="${DURATION_S:-30}"
EVERY_MS="${EVERY_MS:-5000}"
BASE_PORT="${BASE_PORT:-18090}"
JAR=benchmarks/target/benchmarks.jar
SERVER_CP="${SERVER_CP:-$JAR}"
HTTP_PORT=$BASE_PORT

[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }

DATA=$(mktemp -d)
LOG=$(mktemp)
java -Xmx512m --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$SERVER_CP" io.hfthot.server.Main \
  --bind 127.0.0.1 --http-port "$HTTP_PORT" --mm-port $((BASE_PORT + 1)) --grpc-port $((BASE_PORT + 2)) --management-port $((BASE_PORT + 3)) --hub-port $((BASE_PORT + 4)) --hti-port $((BASE_PORT + 5)) \
  --data-dir "$DATA" --history small \
  >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$DATA" "$LOG"' EXIT
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$HTTP_PORT/v1/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$HTTP_PORT/v1/health" >/dev/null || { echo "server did not start" >&2; cat "$LOG" >&2; exit 1; }

java -Xmx256m -cp "$JAR" io.hfthot.benchmarks.http.SlowClientLoad "$HTTP_PORT" "$SLOW" "$DURATION_S" "$EVERY_MS" /v1/health
kill -0 "$SERVER" 2>/dev/null && echo "server alive after the run; RSS $(ps -o rss= -p "$SERVER" | awk '{printf "%.0f MiB", $1/1024}')"
