#!/usr/bin/env python3
"""Checks `hillcoach import`, `list`, `show`, `delete` and `export` through the binary, on a fresh database:
exit statuses, the summary, duplicates (the same file again, the same run as FIT and GPX), athlete settings
applied, list filters and JSON keys, show, delete cascading, export, refusing a foreign database file.
usage: check_import.py HILLCOACH TESTS_DATA_DIR"""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile

LIST_KEYS = ["id", "start_time", "name", "sport", "session_type", "distance_m", "moving_s", "ascent_m",
             "descent_m", "stress", "hill_focus"]

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args, env=None):
    return subprocess.run([hillcoach, *args], capture_output=True, text=True, timeout=300, env=env)


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


hillcoach, data = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="hillcoach-import-")
db = os.path.join(tmp, "h.db")

# The same run written as FIT and as GPX (same course, runner, recorder and seed): two files, one activity.
course = "flat 1000; up 800 +60; down 800 -60; flat 500"
os.makedirs(os.path.join(tmp, "twin"), exist_ok=True)
for fmt in ("fit", "gpx"):
    r = run("synth", "--course", course, "--seed", "4", "--name", "Twin", "--start", "2026-04-01T07:00:00+02:00",
            "--out", os.path.join(tmp, "twin", f"twin.{fmt}"))
    check(r.returncode == 0, f"synth {fmt}: exit {r.returncode}: {r.stderr}")

# 1. A first import: the analysis test files, a Strava export (one of its files is hill-run.gpx again) and
#    the twins. Exit 0, counts in the summary and in --json.
inputs = [f"{data}/analysis", f"{data}/io/containers", os.path.join(tmp, "twin")]
r = run("import", "--db", db, "--json", *inputs)
check(r.returncode == 0, f"first import: exit {r.returncode}, want 0; stderr: {r.stderr}")
summary = json.loads(r.stdout) if r.stdout.strip() else {}
check(summary.get("inputs") == 9, f"first import: inputs {summary.get('inputs')}, want 9")
check(summary.get("same_activity") == 1, f"first import: the FIT/GPX twins: same_activity {summary.get('same_activity')}, want 1")
check(summary.get("failed") == 0, f"first import: failed {summary.get('failed')}")
imported = summary.get("imported", 0)
check(imported == 6, f"first import: imported {imported}, want 6 (9 files, 1 twin, hill-run.gpx twice, 1 not an activity)")
check("hillcoach import: 9 inputs into" in r.stderr and "6 imported" in r.stderr,
      f"first import: summary line missing: {r.stderr}")

# 2. Importing again does nothing: every activity is a duplicate, nothing is analysed into a new row.
r = run("import", "--db", db, "--json", *inputs)
again = json.loads(r.stdout) if r.stdout.strip() else {}
check(r.returncode == 0 and again.get("imported") == 0, f"second import: {r.returncode} {again}")
check(again.get("duplicates") == summary.get("duplicates", 0) + imported,
      f"second import: duplicates {again.get('duplicates')}, want {summary.get('duplicates', 0) + imported}")

# 3. list --json: one object per activity with the keys tools rely on, oldest first.
r = run("list", "--db", db, "--json")
rows = json_lines(r.stdout)
check(r.returncode == 0 and len(rows) == imported, f"list: exit {r.returncode}, {len(rows)} rows, want {imported}")
for row in rows:
    missing = [k for k in LIST_KEYS if k not in row]
    check(not missing, f"list --json: missing keys {missing} in {row}")
starts = [row["start_time"] for row in rows if row["start_time"]]
check(starts == sorted(starts), f"list: not oldest first: {starts}")
repeats = [row for row in rows if row["session_type"] == "hill_repeats"]
check(len(repeats) == 1 and repeats[0]["hill_focus"] == "hill_repeats", f"list: hill repeats row: {repeats}")
check(all(row["distance_m"] > 0 for row in rows), "list: a zero distance")

# Filters: --type (session type or sport), --from/--to (whole days), a bad word is a usage error.
r = run("list", "--db", db, "--json", "--type", "hill_repeats")
check([o["id"] for o in json_lines(r.stdout)] == [repeats[0]["id"]] if repeats else False, f"list --type hill_repeats: {r.stdout}")
r = run("list", "--db", db, "--json", "--type", "trail_running")
check(all(o["sport"] == "trail_running" for o in json_lines(r.stdout)) and json_lines(r.stdout),
      f"list --type trail_running (the Strava export's type): {r.stdout}")
r = run("list", "--db", db, "--json", "--from", "2026-04-01", "--to", "2026-04-01")
day = json_lines(r.stdout)
check(len(day) == 1 and day[0]["name"] == "Twin", f"list --from/--to 2026-04-01: {day}")
r = run("list", "--db", db, "--type", "skiing")
check(r.returncode == 2 and "neither a sport nor a session type" in r.stderr, f"list --type skiing: {r.returncode} {r.stderr}")
r = run("list", "--db", db, "--from", "yesterday")
check(r.returncode == 2 and "--from: error:" in r.stderr, f"list --from yesterday: {r.returncode} {r.stderr}")
r = run("list", "--db", db)
lines = r.stdout.splitlines()
check(r.returncode == 0 and lines[0].split() == ["id", "date", "type", "km", "time", "up", "m", "stress", "name"],
      f"list text: {r.stdout}")
check("Twin" in r.stdout, "list text: the twin's name missing")
# One row per activity, in the JSON's order; everything before the name within 66 columns, so a name of 14
# characters still fits an 80-column terminal; no row ends in blanks.
check(len(lines) == len(rows) + 1, f"list text: {len(lines) - 1} rows, want {len(rows)}")
for line, row in zip(lines[1:], rows):
    name = row["name"] or ""
    fixed = len(line) - len(name)
    check(line.endswith(name) and fixed <= 66, f"list text: {fixed} columns before the name: {line!r}")
    check(line == line.rstrip(), f"list text: trailing blanks: {line!r}")
    check(line.split()[0] == str(row["id"]), f"list text: id column: {line!r}")
    if row["session_type"] == "hill_repeats":
        check(" hill repeats " in line, f"list text: the hill repeats row: {line!r}")

# 4. show: the twin has both files as sources; --json carries climbs and muscle load.
twin = day[0] if day else {"id": 0}
r = run("show", "--db", db, "--json", str(twin["id"]))
shown = json.loads(r.stdout) if r.returncode == 0 else {}
check(sorted(s["format"] for s in shown.get("sources", [])) == ["fit", "gpx"], f"show twin: sources {shown.get('sources')}")
check(len(shown.get("climbs", [])) >= 1 and shown["climbs"][0]["gain_m"] > 40, f"show twin: climbs {shown.get('climbs')}")
check(isinstance(shown.get("muscle_load"), dict) and "quadriceps" in shown["muscle_load"], "show twin: muscle_load")
r = run("show", "--db", db, str(twin["id"]))
check(r.returncode == 0 and "Sources" in r.stdout and "twin.fit" in r.stdout and "twin.gpx" in r.stdout,
      f"show text: {r.stdout}")
# The muscle table in words, as analyze prints it; the JSON keys stay keys.
check("  hip flexors " in r.stdout and "hip_flexors" not in r.stdout, f"show text: muscle groups: {r.stdout}")
r = run("show", "--db", db, "9999")
check(r.returncode == 1 and "no activity with id 9999" in r.stderr, f"show 9999: {r.returncode} {r.stderr}")

# 5. export --json: every activity, every key of show --json, full precision.
r = run("export", "--db", db, "--json")
exported = json_lines(r.stdout)
check(r.returncode == 0 and len(exported) == imported, f"export: {r.returncode}, {len(exported)} lines")
check(all(set(shown.keys()) <= set(o.keys()) for o in exported), "export: keys differ from show --json")
r = run("export", "--db", db)
check(r.returncode == 2, f"export without --json: exit {r.returncode}, want 2")

# 6. delete: the activity and its child rows go; its files can be imported again.
r = run("delete", "--db", db, str(twin["id"]))
check(r.returncode == 0 and f"deleted activity {twin['id']}" in r.stdout, f"delete: {r.returncode} {r.stdout} {r.stderr}")
con = sqlite3.connect(db)
for table in ("climbs", "muscle_loads", "activity_sources"):
    left = con.execute(f"SELECT count(*) FROM {table} WHERE activity_id = ?", (twin["id"],)).fetchone()[0]
    check(left == 0, f"delete: {left} rows left in {table}")
con.close()
r = run("delete", "--db", db, str(twin["id"]))
check(r.returncode == 1 and "no activity with id" in r.stderr, f"delete twice: {r.returncode} {r.stderr}")
r = run("import", "--db", db, "--json", os.path.join(tmp, "twin"))
back = json.loads(r.stdout) if r.stdout.strip() else {}
check(back.get("imported") == 1 and back.get("same_activity") == 1, f"re-import after delete: {back}")

# 7. Failures: an import with bad files exits 1, names each failure and keeps the good ones.
bad_db = os.path.join(tmp, "bad.db")
r = run("import", "--db", bad_db, f"{data}/io/bad/310-mixed-folder")
check(r.returncode == 1, f"mixed folder: exit {r.returncode}, want 1")
check("b-broken.gpx:6:3: error:" in r.stderr and "f-empty.fit: error: file is empty" in r.stderr and "2 failed" in r.stderr,
      f"mixed folder: failures not reported: {r.stderr}")

# 8. Athlete settings apply: a threshold heart rate changes the stored stress of a run with heart rate.
stress = {}
for threshold in ("150", "180"):
    path = os.path.join(tmp, f"hr{threshold}.db")
    r = run("import", "--db", path, "--threshold-hr", threshold, "--max-hr", "195", f"{data}/analysis/hilly-run.fit")
    rows = json_lines(run("list", "--db", path, "--json").stdout)
    stress[threshold] = rows[0]["stress"] if rows else None
check(stress["150"] and stress["180"] and stress["150"] > stress["180"] * 1.2,
      f"--threshold-hr: stress {stress}, want a lower threshold to give clearly more stress")

# 9. A database file that is not hillcoach's is refused and left alone; a usage error is exit 2.
foreign = os.path.join(tmp, "photos.db")
con = sqlite3.connect(foreign)
con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
con.commit()
con.close()
r = run("import", "--db", foreign, f"{data}/analysis/hilly-run.fit")
check(r.returncode == 1 and "photos.db: error: not a hillcoach database" in r.stderr, f"foreign db: {r.returncode} {r.stderr}")
con = sqlite3.connect(foreign)
tables = [t for (t,) in con.execute("SELECT name FROM sqlite_schema")]
con.close()
check(tables == ["photos"], f"foreign db: tables now {tables}")
r = run("import", "--db", db, "--batch-size", "0", f"{data}/analysis/hilly-run.fit")
check(r.returncode == 2, f"--batch-size 0: exit {r.returncode}, want 2")

# 10. The default database: $XDG_DATA_HOME/hillcoach/hillcoach.db, folders created.
env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "xdg"))
r = run("import", f"{data}/analysis/hilly-run.fit", env=env)
check(r.returncode == 0 and os.path.isfile(os.path.join(tmp, "xdg", "hillcoach", "hillcoach.db")),
      f"XDG default: {r.returncode} {r.stderr}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
