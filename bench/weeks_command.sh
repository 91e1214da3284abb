#!/bin/sh
# `hillcoach weeks` as a runner meets it (issue 5, section 5: under 100 ms over ten years): the whole process,
# start-up included, on the ten-year store that bench/history_weeks builds (3,000 activities, 2017-2026).
# Beside it, `hillcoach --help`: the same process start-up with no work, to show what start-up costs.
#
# usage: bench/weeks_command.sh
#   BUILD=build/release     a Release build folder with the hillcoach and history_weeks targets built
#   DB=/tmp/ten-years.db    the store (made by history_weeks when missing)
#   RUNS=20                 timed runs of each command, after one warm-up run
# Prints the median and the fastest wall time of each command, in milliseconds.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$root/build/release}
DB=${DB:-/tmp/ten-years.db}
RUNS=${RUNS:-20}
hillcoach=$BUILD/src/app/hillcoach
[ -x "$hillcoach" ] || { echo "no $hillcoach: build the hillcoach target of a Release build first" >&2; exit 2; }
if [ ! -f "$DB" ]; then
  echo "== building the ten-year store $DB"
  "$BUILD/bench/history_weeks" --runs 1 "$DB" >/dev/null
fi
python3 - "$hillcoach" "$DB" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
hillcoach, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
commands = {
    "hillcoach --help (start-up only)": [hillcoach, "--help"],
    "hillcoach weeks --db DB (522 rows)": [hillcoach, "weeks", "--db", db],
    "hillcoach weeks --db DB --json": [hillcoach, "weeks", "--db", db, "--json"],
}
print(f"{'command':40} {'median ms':>10} {'min ms':>8}")
for name, argv in commands.items():
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)  # warm-up: page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1e3)
    print(f"{name:40} {statistics.median(times):10.1f} {min(times):8.1f}")
PY
