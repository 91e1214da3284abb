#!/usr/bin/env python3
"""info's distance from positions and analyze's agree on every example activity: both come from terrain's
cleaned track (wild fixes dropped, standing GPS jitter collapsed), so they differ by no more than JSON
rounding (info to the millimetre, analyze to the centimetre). Where analyze uses the track for its distance
(distance_source "positions"), its distance_m is that same number.
usage: check_distance_agreement.py HILLCOACH EXAMPLES_DIR"""

import json
import os
import subprocess
import sys

hillcoach, examples = sys.argv[1], sys.argv[2]
failures = []


def lines(command):
    r = subprocess.run([hillcoach, command, "--json", examples], capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        failures.append(f"{command} --json: exit {r.returncode}; stderr: {r.stderr}")
    return {os.path.basename(o["path"]): o for o in map(json.loads, filter(str.strip, r.stdout.splitlines()))}


info = lines("info")
analyze = lines("analyze")
if not info or sorted(info) != sorted(analyze):
    failures.append(f"info read {sorted(info)}, analyze {sorted(analyze)}")
for name in sorted(info):
    i, a = info[name], analyze.get(name, {})
    d_info, d_track = i.get("distance_m"), a.get("positions_distance_m")
    print(f"{name:45} info {d_info} m, analyze track {d_track} m, analyze {a.get('distance_m')} m "
          f"({a.get('distance_source')})")
    if d_info is None or d_track is None:
        failures.append(f"{name}: a distance from positions is missing (info {d_info}, analyze {d_track})")
        continue
    if abs(d_info - d_track) > 0.06:
        failures.append(f"{name}: info {d_info} m, analyze {d_track} m")
    if a.get("distance_source") == "positions" and abs(a["distance_m"] - d_info) > 0.06:
        failures.append(f"{name}: analyze uses the track, {a['distance_m']} m, info says {d_info} m")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
