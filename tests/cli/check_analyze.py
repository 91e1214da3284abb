#!/usr/bin/env python3
"""Checks `hillcoach analyze` through the binary: exit statuses (0 all analysed, 1 some input failed or the DEM
is unusable, 2 usage error), the JSON Lines keys (info's and the analysis's), the values the synthetic test
files were made with (tests/data/analysis: see README.md there), --dem, and that the text fits 80 columns.
usage: check_analyze.py HILLCOACH TESTS_DATA_DIR"""

import json
import subprocess
import sys

INFO_KEYS = ["path", "format", "sport", "start_time", "samples", "elapsed_s", "moving_s", "distance_m",
             "device_distance_m", "device_ascent_m", "device_descent_m", "device_timer_s", "device_elapsed_s",
             "channels", "warnings", "index", "name", "elevation_source", "content_hash"]
ANALYSIS_KEYS = ["distance_source", "pace_s_per_km", "ascent_m", "descent_m", "session_type", "session_reason",
                 "grade_histogram", "climbs", "descents", "repeats", "segments", "notes"]
HILL_KEYS = ["start_m", "end_m", "length_m", "gain_m", "avg_grade", "max_grade", "time_s", "vam_m_h", "category",
             "strava_category", "direction"]

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args):
    return subprocess.run([hillcoach, *args], capture_output=True, text=True, timeout=300)


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def near(value, want, tolerance):
    return value is not None and abs(value - want) <= tolerance


hillcoach, data = sys.argv[1], sys.argv[2]
hilly = f"{data}/analysis/hilly-run.fit"
repeats = f"{data}/analysis/hill-repeats.fit"
gps = f"{data}/analysis/gps-run.gpx.gz"
dem = f"{data}/analysis/flat-700m-dem.asc"

# --- JSON Lines: keys and values ---------------------------------------------------------------------------
r = run("analyze", "--json", hilly, repeats)
check(r.returncode == 0, f"two good files: exit {r.returncode}, want 0; stderr: {r.stderr}")
objects = json_lines(r.stdout)
check(len(objects) == 2, f"two good files: {len(objects)} JSON lines, want 2")
for o in objects:
    missing = [k for k in INFO_KEYS + ANALYSIS_KEYS if k not in o]
    check(not missing, f"{o.get('path')}: missing keys {missing}")
if len(objects) == 2:
    h, rep = objects
    # flat 1000; up 1500 +120; down 600 -80; flat 500 (barometric).
    check(h["session_type"] == "hilly_run", f"hilly: session {h['session_type']}: {h['session_reason']}")
    check(h["elevation_source"] == "barometric", f"hilly: elevation_source {h['elevation_source']}")
    check(near(h["ascent_m"], 120, 6) and near(h["descent_m"], 80, 6), f"hilly: +{h['ascent_m']} -{h['descent_m']}")
    check(near(h["distance_m"], 3600, 36), f"hilly: distance_m {h['distance_m']}")
    check(len(h["climbs"]) == 1 and len(h["descents"]) == 1, f"hilly: {len(h['climbs'])} climbs, "
          f"{len(h['descents'])} descents, want 1 and 1")
    for hill in h["climbs"] + h["descents"]:
        missing = [k for k in HILL_KEYS if k not in hill]
        check(not missing, f"hilly hill: missing keys {missing}")
    if h["climbs"] and h["descents"]:
        c, d = h["climbs"][0], h["descents"][0]
        check(near(c["start_m"], 1000, 40) and near(c["end_m"], 2500, 40), f"climb at {c['start_m']}-{c['end_m']}")
        check(near(c["gain_m"], 120, 6) and near(c["avg_grade"], 0.08, 0.006), f"climb {c['gain_m']} m {c['avg_grade']}")
        check(near(c["vam_m_h"], c["gain_m"] / c["time_s"] * 3600, 0.5), f"climb VAM {c['vam_m_h']}")
        check(c["strava_category"] == "4" and c["category"] == "very hard", f"climb categories {c}")
        check(d["direction"] == "down" and near(d["gain_m"], 80, 6) and d["avg_grade"] < 0, f"descent {d}")
        check(d["strava_category"] is None, f"descent has no Strava category: {d['strava_category']}")
    bands = h["grade_histogram"]
    check(len(bands) == 9, f"grade_histogram: {len(bands)} bands, want 9")
    if len(bands) == 9:
        check(bands[0]["from"] is None and bands[0]["to"] == -0.15, f"first band {bands[0]}")
        check(bands[8]["from"] == 0.15 and bands[8]["to"] is None, f"last band {bands[8]}")
        check(bands[4]["from"] == -0.03 and bands[4]["to"] == 0.03, f"flat band {bands[4]}")
        total = sum(b["distance_m"] for b in bands)
        check(near(total, h["distance_m"], 1.0), f"bands add up to {total}, distance {h['distance_m']}")
        check(all(set(b.keys()) >= {"from", "to", "distance_m", "time_s"} for b in bands), "band keys")
    # flat 1500; repeat 6 { up 150 +12; down 150 -12 }; turn around; flat 1500 (hard up, jog down).
    check(rep["session_type"] == "hill_repeats", f"repeats: session {rep['session_type']}: {rep['session_reason']}")
    check(len(rep["repeats"]) == 1, f"repeats: {len(rep['repeats'])} groups, want 1")
    if rep["repeats"]:
        g = rep["repeats"][0]
        check(len(g["reps"]) == 6 and g["matched_by"] == "position" and g["back_to_back"], f"repeat group {g}")
        starts = [x["start_m"] for x in g["reps"]]
        check(all(near(s, 1500 + 300 * k, 25) for k, s in enumerate(starts)), f"rep starts {starts}")
        check(all(x["time_s"] and x["vam_m_h"] and x["pace_s_per_km"] for x in g["reps"]), "rep times")
        check("time_slope_s_per_rep" in g["fade"] and "last_vs_first" in g["fade"], f"fade {g['fade']}")

# --- exit statuses, errors ---------------------------------------------------------------------------------
r = run("analyze", "--json", hilly, f"{data}/io/bad/301-empty.gpx")
check(r.returncode == 1, f"good + bad: exit {r.returncode}, want 1")
objects = json_lines(r.stdout)
check(len(objects) == 2 and objects[1].get("error", {}).get("code") == "empty_file",
      f"good + bad: the bad file as an error object: {objects}")
check("301-empty.gpx: error: file is empty" in r.stderr, f"stderr names the bad file: {r.stderr}")
check("1 of 2 inputs could not be read" in r.stderr, f"summary line: {r.stderr}")

r = run("analyze", "--threads", "0", hilly)
check(r.returncode == 2, f"--threads 0: exit {r.returncode}, want 2")
r = run("analyze")
check(r.returncode == 2, f"no path: exit {r.returncode}, want 2")
r = run("analyze", "--dem", f"{data}/analysis/no-such-dem.tif", hilly)
check(r.returncode == 1 and "cannot use --dem" in r.stderr, f"missing DEM: exit {r.returncode}; {r.stderr}")

# --- the DEM replaces GPS altitude --------------------------------------------------------------------------
r = run("analyze", "--json", "--dem", dem, gps)
check(r.returncode == 0, f"--dem: exit {r.returncode}; {r.stderr}")
objects = json_lines(r.stdout)
if objects:
    o = objects[0]
    check(o["elevation_source"] == "dem", f"--dem: elevation_source {o['elevation_source']}")
    check(o["min_elevation_m"] == 700 and o["max_elevation_m"] == 700, f"--dem: elevations {o['min_elevation_m']}"
          f"-{o['max_elevation_m']} (the DEM is 700 m everywhere)")
    check(o["ascent_m"] == 0 and o["climbs"] == [], f"--dem: a flat DEM has no ascent: {o['ascent_m']}")
r = run("analyze", "--json", gps)
objects = json_lines(r.stdout)
check(objects and objects[0]["elevation_source"] == "gps", "without --dem the file's GPS altitude is used")

# --- text: 80 columns -------------------------------------------------------------------------------------
r = run("analyze", hilly, repeats, gps)
check(r.returncode == 0, f"text: exit {r.returncode}")
# Each block's title is the file's path, printed whole so it can be copied: it is as long as the checkout's path.
long_lines = [line for line in r.stdout.splitlines() if len(line) > 80 and line not in (hilly, repeats, gps)]
check(not long_lines, f"text lines over 80 columns: {long_lines[:3]}")
for part in ["Climbs", "Descents", "Grades", "Hill repeats: 6 x", "session    hill repeats", "(barometric)"]:
    check(part in r.stdout, f"text has {part!r}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("check_analyze: all checks passed")
