#!/bin/sh
# The reading benchmark: hillcoach's readers beside the physical-limit probes and two peer tools, on the
# shared workload (../shared/bench), all timed in the same run so that the machine's state is the same.
#
# usage: bench/run.sh
#   WL=/tmp/hillcoach-workload   the workload (made with ../shared/bench/make_workload.py if missing)
#   BUILD=build/release          a Release build folder holding bench/read_files and src/app/hillcoach
#   RUNS=5                       timed runs per command (after one warm-up run); the peers run once
#   PEERS=1                      0 skips gpxpy and @garmin/fitsdk (minutes of running)
#   OUT=build/bench/results.md   where the table goes (bench/RESULTS.md quotes it)
# Every figure is a whole process timed by GNU time: median wall seconds (min-max), CPU seconds
# (user+sys, median), peak resident MiB (largest run). MB = 10^6 bytes of the files as stored.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/../shared/bench" && pwd)
WL=${WL:-/tmp/hillcoach-workload}
BUILD=${BUILD:-$root/build/release}
RUNS=${RUNS:-5}
PEERS=${PEERS:-1}
OUT=${OUT:-$root/build/bench/results.md}
work=$root/build/bench
mkdir -p "$work"

# --- the workload, the programs ------------------------------------------------------------------------
if [ ! -f "$WL/truth.tsv" ] || [ ! -f "$WL/long/long_run.fit" ] || [ ! -f "$WL/long/long_run.gpx.gz" ]; then
  echo "== making the workload in $WL (about a minute)"
  python3 "$shared/make_workload.py" --fit --gzip --out "$WL"
fi
if [ ! -d "$WL/b100" ]; then
  mkdir -p "$WL/b100"
  # b100: the first 100 GPX runs in name order, hard links (PEERS.md).
  find "$WL/runs" -maxdepth 1 -name '*.gpx' | sort | head -n 100 | while read -r f; do ln "$f" "$WL/b100/"; done
fi
cmake --build "$BUILD" --target read_files >/dev/null
read_files=$BUILD/bench/read_files
cmake --build "$BUILD" --target analyze_files >/dev/null
analyze_files=$BUILD/bench/analyze_files
"$shared/limit/build.sh" "$work/limit" >/dev/null
limit_gpx=$work/limit/limit_gpx
limit_fit=$work/limit/limit_fit

fitsdk=""
if [ "$PEERS" = 1 ]; then
  peers=$root/build/bench-peers
  if [ ! -d "$peers/node_modules/@garmin/fitsdk" ]; then
    mkdir -p "$peers"
    (cd "$peers" && npm install --no-audit --no-fund @garmin/fitsdk >/dev/null 2>&1) ||
      echo "note: npm install @garmin/fitsdk failed: the fitsdk peer is skipped"
  fi
  [ -d "$peers/node_modules/@garmin/fitsdk" ] && command -v node >/dev/null && fitsdk=$peers
fi

# --- timing ----------------------------------------------------------------------------------------------
tmp=$work/time.$$
trap 'rm -f "$tmp" "$tmp.one"' EXIT
{
  echo "Workload $WL; $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "| what | command | wall s, median (min-max) n | CPU s | MB/s | points/s | peak MiB |"
  echo "|---|---|---|---|---|---|---|"
} >"$OUT"

# measure LABEL MB POINTS RUNS COMMAND...: one warm-up run, then RUNS timed runs.
measure() {
  label=$1 mb=$2 points=$3 n=$4
  shift 4
  "$@" >/dev/null 2>&1 || true
  : >"$tmp"
  i=0
  while [ "$i" -lt "$n" ]; do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp.one" "$@" >/dev/null 2>"$work/stderr.txt" ||
      echo "note: '$label' exited non-zero: $(head -c 300 "$work/stderr.txt")" >&2
    cat "$tmp.one" >>"$tmp"
    i=$((i + 1))
  done
  # Long file lists are shown as the glob that made them ($WL/runs/*.gpx).
  shown=$(echo "$*" | sed "s#$WL#\$WL#g; s#$root/##g; s#$shared#../shared/bench#g" |
    sed -E 's#(\$WL/runs/)[0-9]+(\.[a-z.]+)( \$WL/runs/[0-9]+\.[a-z.]+)*#\1*\2#g')
  python3 - "$tmp" "$label" "$mb" "$points" "$n" "$shown" >>"$OUT" <<'PY'
import statistics, sys
path, label, mb, points, n, shown = sys.argv[1:]
rows = [list(map(float, l.split()[-4:])) for l in open(path) if l.strip() and l.split()[0][0].isdigit()]
wall = [r[0] for r in rows]; cpu = [r[1] + r[2] for r in rows]; rss = max(r[3] for r in rows) / 1024
w = statistics.median(wall)
print(f"| {label} | `{shown}` | {w:.3f} ({min(wall):.3f}-{max(wall):.3f}) n={len(rows)} | "
      f"{statistics.median(cpu):.2f} | {float(mb) / w:.0f} | {float(points) / w / 1e6:.2f} M | {rss:.0f} |")
PY
  tail -n 1 "$OUT"
}

mb_of() { du -cb "$@" | tail -n 1 | cut -f1 | awk '{printf "%.1f", $1 / 1e6}'; }
A_GPX=$(mb_of "$WL/long/long_run.gpx"); A_FIT=$(mb_of "$WL/long/long_run.fit")
B_GPX=$(mb_of "$WL"/runs/*.gpx); B_FIT=$(mb_of "$WL"/runs/*.fit); B_GZ=$(mb_of "$WL"/runs/*.gpx.gz)
B100=$(mb_of "$WL"/b100/*.gpx)

echo "== (a) one 100,000-point run"
measure "hillcoach, (a) GPX" "$A_GPX" 100000 "$RUNS" "$read_files" --threads 1 "$WL/long/long_run.gpx"
measure "limit_gpx --full, (a)" "$A_GPX" 100000 "$RUNS" "$limit_gpx" --full "$WL/long/long_run.gpx"
measure "hillcoach, (a) FIT" "$A_FIT" 100000 "$RUNS" "$read_files" --threads 1 "$WL/long/long_run.fit"
measure "limit_fit, (a)" "$A_FIT" 100000 "$RUNS" "$limit_fit" "$WL/long/long_run.fit"

echo "== (b) 1,000 one-hour runs"
for j in 1 2; do
  measure "hillcoach, (b) GPX, $j thread(s)" "$B_GPX" 3600000 "$RUNS" "$read_files" --threads $j "$WL"/runs/*.gpx
  measure "limit_gpx --full, (b), $j thread(s)" "$B_GPX" 3600000 "$RUNS" "$limit_gpx" --full -j $j "$WL"/runs/*.gpx
done
for j in 1 2; do
  measure "hillcoach, (b) FIT, $j thread(s)" "$B_FIT" 3600000 "$RUNS" "$read_files" --threads $j "$WL"/runs/*.fit
  measure "limit_fit, (b), $j thread(s)" "$B_FIT" 3600000 "$RUNS" "$limit_fit" -j $j "$WL"/runs/*.fit
done
for j in 1 2; do
  measure "hillcoach, (b) .gpx.gz, $j thread(s)" "$B_GZ" 3600000 "$RUNS" "$read_files" --threads $j "$WL"/runs/*.gpx.gz
done
if [ -x "$BUILD/src/app/hillcoach" ]; then
  measure "hillcoach info --json (+ geodesic distance, moving time), (b) FIT, 2 threads" "$B_FIT" 3600000 "$RUNS" \
    "$BUILD/src/app/hillcoach" info --json --threads 2 "$WL"/runs/*.fit
fi

echo "== (b) read and analyse: course, hills, repeats, session type, physiology (hillcoach analyze's work)"
for j in 1 2; do
  measure "hillcoach read + analyse, (b) GPX, $j thread(s)" "$B_GPX" 3600000 "$RUNS" "$analyze_files" --threads $j \
    "$WL"/runs/*.gpx
done
if [ -x "$BUILD/src/app/hillcoach" ]; then
  measure "hillcoach analyze --json, (b) GPX, 2 threads" "$B_GPX" 3600000 "$RUNS" \
    "$BUILD/src/app/hillcoach" analyze --json --threads 2 "$WL"/runs/*.gpx
fi

if [ "$PEERS" = 1 ]; then
  echo "== peers (one run each)"
  measure "hillcoach, b100 GPX, 1 thread" "$B100" 360000 "$RUNS" "$read_files" --threads 1 "$WL/b100"
  if /usr/bin/python3 -c 'import gpxpy' 2>/dev/null; then
    measure "gpxpy, b100 GPX" "$B100" 360000 1 /usr/bin/python3 "$shared/peers/gpxpy_stats.py" "$WL/b100"
  else
    echo "| gpxpy, b100 GPX | skipped: apt-get install python3-gpxpy | | | | | |" >>"$OUT"
  fi
  if [ -n "$fitsdk" ]; then
    measure "@garmin/fitsdk, (b) FIT" "$B_FIT" 3600000 1 env PEERS_DIR="$fitsdk" node "$shared/peers/fitsdk_stats.mjs" \
      "$WL/runs"
  else
    echo "| @garmin/fitsdk, (b) FIT | skipped: npm or node not available | | | | | |" >>"$OUT"
  fi
fi
echo "== results in $OUT"
