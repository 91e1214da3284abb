#!/usr/bin/env python3
"""Kills `hillcoach import` with SIGKILL at seeded random moments and checks, after each kill, that the
database is intact and holds only whole activities, then that the next import completes the rest.

The folder holds many small GPX files (made here: a 6-minute run over a 30 m hill each, a day apart, so
each is its own activity with climbs and muscle load). Imports run with small batches so that kills land
inside transactions as well as between them. After every kill:
  - PRAGMA integrity_check is "ok" and PRAGMA foreign_key_check finds nothing;
  - every activity is whole: its climb rows and muscle-load rows match the counts in its own row, it has a
    source file, and its import run is logged;
  - the number of activities never goes down and never exceeds the number of files.
Finally an import without a kill exits 0 and the store holds exactly one activity per file; one more import
adds nothing. usage: check_import_kill.py HILLCOACH [FILES] [ROUNDS] [SEED]"""

import math
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

hillcoach = sys.argv[1]
files = int(sys.argv[2]) if len(sys.argv) > 2 else 240
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 6
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20261123
rng = random.Random(seed)
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def write_run(path, k):
    """360 one-second points heading north at 3 m/s over a 30 m hill (up 540 m, down 540 m)."""
    start = 1767225600 + k * 86400  # 2026-01-01 + k days
    lat0, lon0 = 46.0 + (k % 50) * 0.01, 7.0 + (k // 50) * 0.01
    points = []
    for i in range(360):
        d = 3.0 * i
        ele = 500.0 + 15.0 * (1.0 - math.cos(2.0 * math.pi * d / 1080.0))
        t = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + i))
        points.append(f'<trkpt lat="{lat0 + d / 111195.0:.7f}" lon="{lon0:.7f}"><ele>{ele:.1f}</ele>'
                      f'<time>{t}</time></trkpt>')
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="check_import_kill" '
                'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>run %d</name><type>running</type><trkseg>'
                % k + "".join(points) + "</trkseg></trk></gpx>\n")


def import_cmd(db, folder):
    return [hillcoach, "import", "--db", db, "--batch-size", "5", "--threads", "2", folder]


def inspect(db):
    """The number of activities, after checking the invariants."""
    con = sqlite3.connect(db)
    try:
        check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"{db}: integrity_check failed")
        check(con.execute("PRAGMA foreign_key_check").fetchall() == [], f"{db}: foreign_key_check found rows")
        broken = con.execute("""
            SELECT a.id FROM activities a
            WHERE a.climb_count != (SELECT count(*) FROM climbs c WHERE c.activity_id = a.id)
               OR a.muscle_group_count != (SELECT count(*) FROM muscle_loads m WHERE m.activity_id = a.id)
               OR NOT EXISTS (SELECT 1 FROM activity_sources s WHERE s.activity_id = a.id)
               OR EXISTS (SELECT 1 FROM activity_sources s WHERE s.activity_id = a.id AND s.import_id IS NULL)
        """).fetchall()
        check(broken == [], f"{db}: activities not whole: {broken[:10]}")
        check(con.execute("SELECT count(*) FROM activities WHERE climb_count > 0 AND muscle_group_count = 6")
              .fetchone()[0] == con.execute("SELECT count(*) FROM activities").fetchone()[0],
              f"{db}: an activity without its climbs or muscle load (the files all have both)")
        return con.execute("SELECT count(*) FROM activities").fetchone()[0]
    finally:
        con.close()


tmp = tempfile.mkdtemp(prefix="hillcoach-kill-")
folder = os.path.join(tmp, "runs")
os.mkdir(folder)
for k in range(files):
    write_run(os.path.join(folder, f"run-{k:04d}.gpx"), k)

# How long a whole import takes here (sanitizers, load): the kills are spread over that span.
t0 = time.monotonic()
r = subprocess.run(import_cmd(os.path.join(tmp, "scratch.db"), folder), capture_output=True, text=True, timeout=600)
full_s = time.monotonic() - t0
check(r.returncode == 0, f"uninterrupted import: exit {r.returncode}: {r.stderr[-2000:]}")
check(inspect(os.path.join(tmp, "scratch.db")) == files, "uninterrupted import: not every file stored")

db = os.path.join(tmp, "killed.db")
previous = 0
killed_mid_import = 0
# The span the kills are spread over. An import that finished before its kill halves it: the machine got faster
# than when full_s was measured (other tests finished), or few files were left to write.
span_s = full_s
for round_ in range(rounds):
    proc = subprocess.Popen(import_cmd(db, folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Anywhere from the schema being made to the last batches (each round has fewer files left to write, and
    # still reads and hashes all of them).
    time.sleep(rng.uniform(0.05, 0.6) * span_s)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        killed_mid_import += 1
    else:
        span_s *= 0.5
    proc.wait()
    if not os.path.exists(db):
        continue  # killed before the file was created
    count = inspect(db)
    check(previous <= count <= files, f"round {round_}: {count} activities after {previous}, of {files} files")
    previous = count

check(killed_mid_import >= 1, f"only {killed_mid_import} of {rounds} imports were still running when killed")
r = subprocess.run(import_cmd(db, folder), capture_output=True, text=True, timeout=600)
check(r.returncode == 0, f"import after the kills: exit {r.returncode}: {r.stderr[-2000:]}")
check(inspect(db) == files, f"after the kills and a full import: {inspect(db)} activities, want {files}")
r = subprocess.run(import_cmd(db, folder), capture_output=True, text=True, timeout=600)
check(r.returncode == 0 and f"0 imported, {files} duplicates" in r.stderr, f"one more import: {r.stderr[-500:]}")
con = sqlite3.connect(db)
runs = con.execute("SELECT count(*), count(finished_at) FROM imports").fetchone()
con.close()
# The last two imports finished, and so did every round the kill came too late for (a kill can also land
# between an import's last commit and its exit, so the killed rounds may add finished runs too).
low, high = 2 + rounds - killed_mid_import, 2 + rounds
check(low <= runs[1] <= high, f"import log: {runs[1]} finished runs of {runs[0]}, want {low} to {high}")

print(f"{rounds} rounds, {killed_mid_import} killed mid-import, activities per round end: {previous} of {files}")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
