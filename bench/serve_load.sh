#!/bin/sh
# The dashboard API under load (issue 7): `hillcoach serve` (Release build) over a ten-year history, hit by
# wrk with 64 connections on loopback for DURATION, through bench/serve_wrk.lua (status, filtered lists, one
# activity, one chart). Prints wrk's report: requests per second, latency percentiles and every error.
#
# usage: bench/serve_load.sh
#   HISTORY=/tmp/hillcoach-history   the history (made with ../shared/bench/make_workload.py if missing:
#                                    2100 runs from May 2014, one every 1-2.5 days: ten years)
#   BUILD=build/release              a Release build folder holding src/app/hillcoach
#   DURATION=30s  CONNECTIONS=64  THREADS=2  PORT=8431
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
HISTORY=${HISTORY:-/tmp/hillcoach-history}
BUILD=${BUILD:-$root/build/release}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-8431}
hillcoach=$BUILD/src/app/hillcoach

if [ ! -f "$HISTORY/truth.tsv" ]; then
  python3 "$root/../shared/bench/make_workload.py" --out "$HISTORY" --runs 2100 --run-points 1800 \
    --long-points 1000
fi
command -v wrk >/dev/null || { echo "serve_load: wrk is missing (scripts/install-deps)" >&2; exit 1; }

log=$(mktemp)
"$hillcoach" serve --port "$PORT" --json "$HISTORY/runs" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
# Reading and analysing the history comes first; the URL line says the server listens.
while ! grep -q '"url"' "$log"; do
  kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
activities=$(sed -n 's/.*"activities":\([0-9]*\).*/\1/p' "$log")
echo "serve_load: $activities activities loaded; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
ACTIVITIES=$activities wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
  -s "$root/bench/serve_wrk.lua" "http://127.0.0.1:$PORT/"
echo "serve_load: peak resident memory of the server: $(grep VmHWM /proc/$server/status | tr -s ' ')"
