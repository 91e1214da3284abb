#!/bin/sh
# What the full analysis costs on top of reading (issue 3, section 5: no more than 30 %, and reading plus
# analysing within 2.6x the GPX limit probe), on the 1,000 one-hour GPX runs of workload (b).
#
# Three processes run in turn, round after round, so that each round sees the same machine: the limit probe
# (../shared/bench/limit, pugixml and nothing else), bench/read_files (reading only) and bench/analyze_files
# (reading and `analysis::analyze` on every activity), each on one thread. Two measures of the analysis's share:
#   - same process: analyze_files' own `analysis_on_top_of_reading`, the analysis's thread CPU against the rest
#     of the run's CPU, both in the one process, which a busy machine slows alike;
#   - whole processes: analyze_files' CPU (user + sys) against read_files' CPU, round by round; this one moves
#     with whatever else the machine runs between the two.
#
# usage: bench/analysis_share.sh
#   BUILD=build/release              a Release build with HILLCOACH_BUILD_BENCH=ON (read_files, analyze_files)
#   WL=/tmp/hillcoach-workload       the workload (python3 ../shared/bench/make_workload.py --out WL)
#   RUNS=5                           rounds
# Prints each round and the medians.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$root/build/release}
WL=${WL:-/tmp/hillcoach-workload}
RUNS=${RUNS:-5}
shared=$root/../shared/bench
for tool in read_files analyze_files; do
  [ -x "$BUILD/bench/$tool" ] || { echo "no $BUILD/bench/$tool: build a Release build with -DHILLCOACH_BUILD_BENCH=ON" >&2; exit 2; }
done
[ -d "$WL/runs" ] || { echo "no workload in $WL: python3 $shared/make_workload.py --out $WL" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$shared/limit/build.sh" "$work/limit" >/dev/null
# The GPX runs of (b) alone, as links in one folder (the workload folder also holds FIT and .gz copies).
mkdir "$work/gpx"
for f in "$WL"/runs/*.gpx; do ln -s "$f" "$work/gpx/"; done
python3 - "$work/limit/limit_gpx" "$BUILD/bench/read_files" "$BUILD/bench/analyze_files" "$work/gpx" "$RUNS" <<'PY'
import glob, os, re, resource, statistics, subprocess, sys
probe, read_files, analyze_files, folder, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
files = sorted(glob.glob(os.path.join(folder, "*.gpx")))

def cpu_of(argv):
    """CPU seconds (user + sys) of one child process, and its standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), out

probe_s, read_s, analyze_s, same, whole = [], [], [], [], []
print(f"{'round':>5} {'probe CPU s':>12} {'read CPU s':>11} {'analyze CPU s':>14} {'whole processes':>16} {'same process':>13}")
for r in range(runs):
    p, _ = cpu_of([probe, "--full", "-j", "1"] + files)
    rd, _ = cpu_of([read_files, "--threads", "1", folder])
    an, out = cpu_of([analyze_files, "--threads", "1", folder])
    share = float(re.search(r"analysis_on_top_of_reading=([0-9.]+)%", out).group(1))
    probe_s.append(p); read_s.append(rd); analyze_s.append(an); same.append(share); whole.append(100 * (an / rd - 1))
    print(f"{r + 1:5d} {p:12.2f} {rd:11.2f} {an:14.2f} {whole[-1]:+15.1f}% {share:12.1f}%")
m = statistics.median
print(f"median {m(probe_s):11.2f} {m(read_s):11.2f} {m(analyze_s):14.2f} {m(whole):+15.1f}% {m(same):12.1f}%")
print(f"reading and analysing against the probe: {m(analyze_s) / m(probe_s):.2f}x (issue 3: within 2.6x)")
PY
