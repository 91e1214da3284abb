#!/bin/sh
# The import benchmark (issue 5, section 5): workload (b) of ../shared/bench, 1,000 one-hour runs as GPX
# (3.6 M points), imported into an empty store by `hillcoach import`: read, analyse, digest and write.
#
# usage: bench/import.sh
#   WL=/tmp/hillcoach-workload   the workload (made with ../shared/bench/make_workload.py if missing)
#   BUILD=build/store-release    a Release build folder holding src/app/hillcoach
#   THREADS=2                    --threads of the import
#   RUNS=5                       timed runs, each into a new empty database (after one warm-up run)
# Every run is a whole process under GNU time (/usr/bin/time -v): wall seconds, CPU seconds (user + sys),
# peak resident memory. Prints one line per run and the median.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/../shared/bench" && pwd)
WL=${WL:-/tmp/hillcoach-workload}
BUILD=${BUILD:-$root/build/store-release}
THREADS=${THREADS:-2}
RUNS=${RUNS:-5}
hillcoach=$BUILD/src/app/hillcoach

if [ ! -f "$WL/truth.tsv" ]; then
  echo "== making the workload in $WL (about a minute)"
  python3 "$shared/make_workload.py" --fit --gzip --out "$WL"
fi
if [ ! -d "$WL/gpx" ]; then
  # The GPX runs alone, as one folder (hard links).
  mkdir -p "$WL/gpx"
  find "$WL/runs" -maxdepth 1 -name '*.gpx' | while read -r f; do ln "$f" "$WL/gpx/"; done
fi
[ -x "$hillcoach" ] || { echo "no $hillcoach: build the hillcoach target of a Release build first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "workload $WL/gpx ($(ls "$WL/gpx" | wc -l) files); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: $hillcoach import --db DB --threads $THREADS $WL/gpx"
i=0
while [ "$i" -le "$RUNS" ]; do
  rm -f "$work"/bench.db*
  /usr/bin/time -v "$hillcoach" import --db "$work/bench.db" --threads "$THREADS" "$WL/gpx" \
    >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" |
         awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  user=$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")
  sys=$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  stored=$(grep -o '[0-9]* imported' "$work/time.txt" | head -n 1)
  if [ "$i" -eq 0 ]; then
    echo "warm-up: wall ${wall} s ($stored)"
  else
    echo "run $i: wall ${wall} s, CPU $(echo "$user + $sys" | bc) s, peak $((rss_kb / 1024)) MiB, $stored"
    echo "$wall" >>"$work/walls"
  fi
  i=$((i + 1))
done
echo "median wall: $(sort -n "$work/walls" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }') s over $RUNS runs"
