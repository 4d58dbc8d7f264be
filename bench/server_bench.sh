#!/usr/bin/env bash
# HTTP server benchmark: bench/server.du (duso), bench/server_node.js and bench/server_py.py,
# the same /ping and /delay endpoints, driven by wrk on 127.0.0.1. Prints one markdown row per
# server and endpoint: requests/s, p50, p99, errors, and the server's peak RSS (VmHWM).
#
#   bench/server_bench.sh [duso|node|python]...     (default: all three)
#   env: DURATION=10 (s per run), WARMUP=15 (s of /ping first, so the JIT has compiled the
#        request path), PING_CONN=64, DELAY_CONN=5000, WRK_THREADS=1 (one wrk thread keeps
#        up on loopback and leaves the second core to the server)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
WRK_THREADS=${WRK_THREADS:-1}
PING_CONN=${PING_CONN:-64}
DELAY_CONN=${DELAY_CONN:-5000}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

start() { # name port -> prints the server's pid
  case "$1" in
    duso) "$root/bin/duso" "$root/bench/server.du" -port "$2" >/dev/null 2>&1 & ;;
    node) node "$root/bench/server_node.js" "$2" >/dev/null 2>&1 & ;;
    python) python3 "$root/bench/server_py.py" "$2" >/dev/null 2>&1 & ;;
  esac
  echo $!
}

await_port() {
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$1/ping" && return 0
    sleep 0.2
  done
  echo "server on port $1 did not start" >&2
  return 1
}

# wrk output -> "req/s p50 p99 errors"
summarize() {
  awk '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Socket errors/ { err = $0; sub(/.*Socket errors: /, "", err) }
    /Non-2xx/ { non2xx = $NF }
    END { e = err; if (non2xx != "") e = e " non-2xx " non2xx; if (e == "") e = "none"; printf "%s | %s | %s | %s", rps, p50, p99, e }'
}

echo "| server | endpoint | connections | requests/s | p50 | p99 | errors | peak RSS |"
echo "|---|---|---:|---:|---:|---:|---|---:|"
port=18190
for name in "${@:-duso node python}"; do
  for n in $name; do
    port=$((port + 1))
    pid=$(start "$n" "$port")
    await_port "$port"
    # The warm-up is two wrk runs (2/3 and 1/3 of it): its first connections closing is the
    # first time the JVM runs the close path, and the deoptimisation and recompiling that follow
    # would otherwise fall into the measured run (bench/README.md, "HTTP server").
    wrk -t"$WRK_THREADS" -c64 -d"$((WARMUP * 2 / 3))s" "http://127.0.0.1:$port/ping" >/dev/null 2>&1 || true
    wrk -t"$WRK_THREADS" -c64 -d"$((WARMUP - WARMUP * 2 / 3))s" "http://127.0.0.1:$port/ping" >/dev/null 2>&1 || true
    ping=$(wrk -t"$WRK_THREADS" -c"$PING_CONN" -d"${DURATION}s" --latency "http://127.0.0.1:$port/ping" 2>&1 | summarize)
    delay=$(wrk -t"$WRK_THREADS" -c"$DELAY_CONN" -d"${DURATION}s" --timeout 10s --latency "http://127.0.0.1:$port/delay" 2>&1 | summarize)
    rss=$(awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' "/proc/$pid/status")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "| $n | /ping | $PING_CONN | $ping | $rss |"
    echo "| $n | /delay | $DELAY_CONN | $delay | $rss |"
  done
done
