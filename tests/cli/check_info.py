#!/usr/bin/env python3
"""Checks `hillcoach info` through the binary: exit statuses (0 all read, 1 some failed, 2 usage error) and
the JSON Lines keys other tools rely on. usage: check_info.py HILLCOACH TESTS_DATA_DIR"""

import json
import subprocess
import sys

REQUIRED_KEYS = ["path", "format", "sport", "start_time", "samples", "elapsed_s", "moving_s", "distance_m",
                 "device_distance_m", "device_ascent_m", "device_descent_m", "device_timer_s", "channels",
                 "warnings"]

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args):
    return subprocess.run([hillcoach, *args], capture_output=True, text=True, timeout=120)


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


hillcoach, data = sys.argv[1], sys.argv[2]
good = f"{data}/io/containers/hill-run.gpx"
tcx = f"{data}/io/containers/flat-run.tcx"

r = run("info", "--json", good, tcx)
check(r.returncode == 0, f"two good files: exit {r.returncode}, want 0; stderr: {r.stderr}")
objects = json_lines(r.stdout)
check(len(objects) == 2, f"two good files: {len(objects)} JSON lines, want 2")
for o in objects:
    missing = [k for k in REQUIRED_KEYS if k not in o]
    check(not missing, f"{o.get('path')}: missing keys {missing}")
gpx, tcx_o = objects[0], objects[1]
check(gpx["path"] == good and gpx["format"] == "gpx" and gpx["sport"] == "running", f"gpx identity: {gpx}")
check(gpx["start_time"] == "2024-05-01T06:30:00Z", f"gpx start_time {gpx['start_time']}")
check(gpx["samples"] == 4 and gpx["elapsed_s"] == 15 and gpx["moving_s"] == 15, f"gpx counts: {gpx}")
# Four points 0.0001 degrees of latitude apart at 46.05 N: 3 x 11.1 m on WGS84.
check(abs(gpx["distance_m"] - 33.35) < 0.05, f"gpx distance_m {gpx['distance_m']}")
check(gpx["device_distance_m"] is None and gpx["device_timer_s"] is None, "gpx has no device totals: null")
check(gpx["channels"] == ["time", "position", "elevation", "heart_rate"], f"gpx channels {gpx['channels']}")
check(tcx_o["device_distance_m"] == 60 and tcx_o["device_timer_s"] == 20, f"tcx device totals: {tcx_o}")

r = run("info", "--json", good, f"{data}/io/bad/301-empty.gpx", f"{data}/io/bad/305-not-an-activity.png")
check(r.returncode == 1, f"good + bad: exit {r.returncode}, want 1")
objects = json_lines(r.stdout)
check(len(objects) == 3, f"good + bad: {len(objects)} JSON lines, want 3 (it goes on past a bad file)")
if len(objects) == 3:
    check(objects[1]["error"]["code"] == "empty_file", f"empty file: {objects[1]}")
    check(objects[2]["error"]["code"] == "unknown_format", f"png: {objects[2]}")
    check(set(objects[2].keys()) == {"path", "error"}, f"error object keys: {objects[2].keys()}")
check("301-empty.gpx: error: file is empty (0 bytes)" in r.stderr, f"stderr names the bad file: {r.stderr}")

r = run("info", f"{data}/io/bad/310-mixed-folder")
check(r.returncode == 1, f"mixed folder: exit {r.returncode}, want 1")
check(r.stdout.count("samples") == 2, f"mixed folder: 2 activities expected in\n{r.stdout}")

for args in (["info"], ["info", "--threads", "x", good], ["info", "--max-file-mb", "0", good], ["nonsense"]):
    r = run(*args)
    check(r.returncode == 2, f"{' '.join(args)}: exit {r.returncode}, want 2")

r = run("info", "--max-file-mb", "1", "--threads", "1", good)
check(r.returncode == 0, f"--max-file-mb 1 on a small file: exit {r.returncode}")

# The text under each title stays within 80 columns: a FIT example records eight channels, whose list continues
# on a second line under its first character, and nothing is lost in the wrapping.
import glob
import os
examples = sorted(glob.glob(os.path.join(data, "..", "..", "examples", "*.fit")))
check(len(examples) >= 5, f"FIT examples found: {len(examples)}")
for path in examples:
    r = run("info", path)
    check(r.returncode == 0, f"{path}: exit {r.returncode}")
    # The block's title is the file's path, printed whole so it can be copied: only the lines under it count.
    wide = [line for line in r.stdout.splitlines() if line.startswith("  ") and len(line) > 80]
    check(not wide, f"{path}: lines over 80 columns: {wide}")
    lines = r.stdout.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("  channels ")), None)
    check(start is not None, f"{path}: no channels line")
    if start is not None:
        text = lines[start][len("  channels "):]
        for more in lines[start + 1:]:
            if not more.startswith(" " * 13):
                break
            text += " " + more.strip()
        listed = [c.strip() for c in text.split(",")]
        want = json.loads(run("info", "--json", path).stdout.splitlines()[0])["channels"]
        check(listed == want, f"{path}: text channels {listed}, JSON {want}")

for f in failures:
    print("FAIL:", f)
print(f"check_info: {len(failures)} failed" if failures else "check_info: all checks passed")
sys.exit(1 if failures else 0)
