#!/usr/bin/env python3
"""Checks the committed examples/ against `hillcoach synth --examples`, through the binary: the generator
writes the same bytes as are committed (so examples/README.md's command is true), the set stays small, and
every file reads back with `hillcoach info --json` as what it claims to be.
usage: check_examples.py HILLCOACH EXAMPLES_DIR SCRATCH_DIR"""

import json
import os
import shutil
import subprocess
import sys

MAX_TOTAL_BYTES = 2_000_000

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


hillcoach, examples, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.rmtree(scratch, ignore_errors=True)

r = subprocess.run([hillcoach, "synth", "--examples", scratch], capture_output=True, text=True, timeout=300)
check(r.returncode == 0, f"synth --examples: exit {r.returncode}; stderr: {r.stderr}")

made = sorted(os.listdir(scratch)) if os.path.isdir(scratch) else []
committed = sorted(os.listdir(examples))
check(made == committed, f"file sets differ: generated {made}, committed {committed}")
for name in made:
    with open(os.path.join(scratch, name), "rb") as a, open(os.path.join(examples, name), "rb") as b:
        check(a.read() == b.read(),
              f"examples/{name} differs from what the generator writes now: "
              "run `hillcoach synth --examples examples` and commit the result")

activity_files = [n for n in committed if n != "README.md"]
total = sum(os.path.getsize(os.path.join(examples, n)) for n in activity_files)
check(total < MAX_TOTAL_BYTES, f"examples/ holds {total} bytes, over {MAX_TOTAL_BYTES}")
suffixes = {n.split(".", 1)[1] for n in activity_files}
check({"gpx", "tcx", "fit"} <= suffixes and any(s.endswith(".gz") for s in suffixes),
      f"formats present: {sorted(suffixes)}")

r = subprocess.run([hillcoach, "info", "--json", examples], capture_output=True, text=True, timeout=300)
check(r.returncode == 0, f"info --json examples/: exit {r.returncode}; stderr: {r.stderr}")
objects = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
check(len(objects) == len(activity_files), f"{len(objects)} activities read, {len(activity_files)} files")
for o in objects:
    name = os.path.basename(o.get("path", "?"))
    check("error" not in o, f"{name}: {o.get('error')}")
    if "error" in o:
        continue
    check(o["warnings"] == [], f"{name}: warnings {o['warnings']}")
    for channel in ("time", "position", "elevation", "heart_rate"):
        check(channel in o["channels"], f"{name}: no {channel} channel ({o['channels']})")
    # The distance along the recorded (noisy, smart-sampled) positions is close to the true course distance,
    # which the FIT and TCX files carry as the device's own total.
    if o["device_distance_m"] is not None and o["distance_m"] is not None:
        ratio = o["distance_m"] / o["device_distance_m"]
        check(0.97 < ratio < 1.05, f"{name}: distance from positions {o['distance_m']:.0f} m vs device "
                                   f"{o['device_distance_m']:.0f} m")

for f in failures:
    print("FAIL:", f)
print(f"check_examples: {len(failures)} failure(s); {len(activity_files)} files, {total} bytes")
sys.exit(1 if failures else 0)
