# Sourced by the load scripts that compare two reference servers side by side with wrk (ops-overhead.sh,
# redis-regime.sh): the checks, a work directory removed on exit with every process started, starting a server
# on six consecutive ports and waiting for its banner, and the median. Expects JAR, HOST and DURATION set.

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -o -pl reference-server -am package -DskipTests" >&2; exit 1; }
case "$DURATION" in *s|*m) ;; *) echo "DURATION must look like 10s or 1m" >&2; exit 1;; esac

WORK=$(mktemp -d)
PIDS=()
declare -A PID_OF
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# start_server NAME FIRST_PORT [server options...]: HTTP on FIRST_PORT, then market maker, gRPC, management, hub
# and HTI on the next five; output in $WORK/NAME/{out,err}.log; environment assignments before the call reach it.
start_server() {
  local name=$1 port=$2 dir="$WORK/$1"
  shift 2
  mkdir -p "$dir"
  java -Xmx1g -jar "$JAR" --history small --data-dir "$dir/data" \
    --http-port "$port" --mm-port $((port + 1)) --grpc-port $((port + 2)) --management-port $((port + 3)) \
    --hub-port $((port + 4)) --hti-port $((port + 5)) "$@" >"$dir/out.log" 2>"$dir/err.log" &
  PIDS+=($!)
  PID_OF[$name]=$!
  for _ in $(seq 1 600); do
    grep -q "HFThot reference server started" "$dir/out.log" && return 0
    sleep 0.2
  done
  echo "server $name did not start" >&2
  cat "$dir/err.log" >&2
  exit 1
}

# enterprise_key NAME: the Enterprise demo key the server NAME printed at start.
enterprise_key() {
  grep -o 'hft_ent_[A-Za-z0-9_-]*' "$WORK/$1/out.log" | head -1
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
