#!/usr/bin/env python3
"""Checks the values `hillcoach analyze` reports through the binary, one check per ctest name:

  distance_source  which distance is used (device or positions), and why: the JSON `distance_source` and
                   `notes`, and the text's distance line and note, on examples/ files and on TCX runs written
                   here with a device distance 9 % shorter, 3 % shorter, 6 % longer and 12 % longer than the
                   track (the device is used from -10 % to +5 %, src/hillcoach/terrain/distance.cpp)
  pace             moving and elapsed pace on runs with stops: a TCX written here (2000 m, a 120 s silent stop:
                   500 s moving, 620 s elapsed, so 250 and 310 s/km) and examples/2026-03-24-hill-sprints.fit
                   against the watch's own totals (5640 m, timer 1951 s, elapsed 2551 s)
  summary_text     the text summary's distance, time, pace, elevation and heart-rate lines equal the same run's
                   --json numbers as the text rounds them, on every example and test file
  info_keys        every key `info --json` emits for a file is also in `analyze --json` for it

usage: check_analyze_values.py HILLCOACH REPO_ROOT CHECK"""

import json
import math
import os
import subprocess
import sys
import tempfile

hillcoach, root, which = sys.argv[1], sys.argv[2], sys.argv[3]
examples = os.path.join(root, "examples")
data = os.path.join(root, "tests", "data")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
    return condition


def run(*args):
    r = subprocess.run([hillcoach, *args], capture_output=True, text=True, timeout=300, cwd=root)
    check(r.returncode == 0, f"{' '.join(args)}: exit {r.returncode}, want 0; stderr: {r.stderr}")
    return r.stdout


def json_lines(*args):
    return [json.loads(line) for line in run(*args).splitlines() if line.strip()]


def by_name(objects):
    return {os.path.basename(o["path"]): o for o in objects}


def text_blocks(text, paths):
    """The text report split per activity (each starts with its path), the labelled summary lines joined with
    their wrapped continuations: {path: {label: value, ...}, ...}; notes are a list under "note"."""
    blocks, current, label = {}, None, None
    for line in text.splitlines():
        if line in paths:
            current, label = {"note": []}, None
            blocks[line] = current
            continue
        if current is None:
            continue
        if line.startswith("  ") and len(line) > 13 and line[2] != " " and line[12] == " ":
            label, value = line[2:12].strip(), line[13:]
            if label == "note":
                current["note"].append(value)
            elif label not in current:
                current[label] = value
            else:
                label = None  # a later line with a known label (a warning repeated): leave the first
        elif label and line.startswith(" " * 13) and line.strip():
            if label == "note":
                current["note"][-1] += " " + line.strip()
            else:
                current[label] += " " + line.strip()
        else:
            label = None
    return blocks


# --- the text's rounding, as src/app/cli/analyze.cpp and activity_summary.cpp print ----------------------------
def llround(x):
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


def duration_text(s):
    t = llround(s)
    return f"{t // 3600}:{t // 60 % 60:02}:{t % 60:02}"


def minutes_text(s):
    t = llround(s)
    return duration_text(s) if t >= 3600 else f"{t // 60}:{t % 60:02}"


def distance_text(m):
    return f"{m / 1000:.2f} km" if m >= 1000 else f"{m:.0f} m"


def variants(value, half_step, render):
    """What the text may print for a value the JSON gives rounded to `half_step` * 2: the text rounds the full
    value, which lies within half a JSON step of the JSON's."""
    return {render(value - half_step), render(value), render(value + half_step)}


# --- TCX runs written here ---------------------------------------------------------------------------------
# Along a meridian from 46.8 N, 7.1 E, 20 m every 5 s (4 m/s). A degree of latitude there is the meridian arc:
# M = a (1 - e^2) / (1 - e^2 sin^2 phi)^1.5 (WGS84), constant to 1e-7 over the 2 km run.
WGS84_A, WGS84_F = 6378137.0, 1 / 298.257223563
E2 = WGS84_F * (2 - WGS84_F)
LAT0, LON0 = 46.8, 7.1
M_PER_RAD = WGS84_A * (1 - E2) / (1 - E2 * math.sin(math.radians(LAT0)) ** 2) ** 1.5


def tcx_run(path, device_factor, stop_s=0):
    """2000 m at 4 m/s with a sample every 5 s; after 1000 m the runner stands for stop_s seconds while the
    device writes nothing (a silent gap on one spot, no recorded pause). The DistanceMeters channel is device_factor times
    the ground covered."""
    samples = [(5 * k, 20.0 * k) for k in range(51)]  # (seconds from the start, metres)
    if stop_s:
        samples.append((250 + stop_s, 1000.0))  # the first sample after the stop, on the same spot
    samples += [(250 + stop_s + 5 * (k - 50), 20.0 * k) for k in range(51, 101)]
    points = []
    for t, d in samples:
        lat = LAT0 + math.degrees(d / M_PER_RAD)
        hh, mm, ss = (7 * 3600 + t) // 3600, (7 * 3600 + t) // 60 % 60, (7 * 3600 + t) % 60
        points.append(f"<Trackpoint><Time>2026-05-04T{hh:02}:{mm:02}:{ss:02}Z</Time><Position>"
                      f"<LatitudeDegrees>{lat:.9f}</LatitudeDegrees><LongitudeDegrees>{LON0}</LongitudeDegrees>"
                      f"</Position><AltitudeMeters>500.0</AltitudeMeters>"
                      f"<DistanceMeters>{d * device_factor:.3f}</DistanceMeters></Trackpoint>")
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
                'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
                '<Activity Sport="Running"><Id>2026-05-04T07:00:00Z</Id><Lap StartTime="2026-05-04T07:00:00Z">'
                f"<TotalTimeSeconds>500</TotalTimeSeconds><DistanceMeters>{2000 * device_factor:.3f}"
                "</DistanceMeters><Track>" + "\n".join(points) + "</Track></Lap></Activity></Activities>"
                "</TrainingCenterDatabase>\n")


def check_distance_source():
    # Examples: a watch whose distance agrees with its track, and a GPX track with no distance channel.
    fit, gpx = "2026-03-12-hilly-run.fit", "2026-04-02-hilly-run.gpx"
    paths = [f"examples/{fit}", f"examples/{gpx}"]
    got = by_name(json_lines("analyze", "--json", *paths))
    text = text_blocks(run("analyze", *paths), set(paths))
    f, g = got.get(fit, {}), got.get(gpx, {})
    if check(f.get("distance_source") == "device", f"{fit}: distance_source {f.get('distance_source')}"):
        check(f["distance_m"] == f["device_distance_m"] == 10000.0, f"{fit}: distance {f['distance_m']} m, "
              f"device {f['device_distance_m']} m, want both 10000")
        track = f["positions_distance_m"]
        diff = 100.0 * (10000.0 - track) / track
        note = f"device distance used (10000 m): within {diff:+.1f} % of the GPS track ({track:.0f} m)"
        check(note in f["notes"], f"{fit}: want note {note!r} in {f['notes']}")
        check(note in text.get(paths[0], {}).get("note", []), f"{fit}: text notes lack {note!r}")
        check(text.get(paths[0], {}).get("distance") == "10.00 km (device distance)",
              f"{fit}: text distance {text.get(paths[0], {}).get('distance')!r}")
    if check(g.get("distance_source") == "positions", f"{gpx}: distance_source {g.get('distance_source')}"):
        check(g["device_distance_m"] is None, f"{gpx}: device_distance_m {g['device_distance_m']}")
        check(g["distance_m"] == g["positions_distance_m"], f"{gpx}: {g['distance_m']} m used, track "
              f"{g['positions_distance_m']} m")
        note = f"GPS track used ({g['positions_distance_m']:.0f} m): no distance or speed channel"
        check(note in g["notes"], f"{gpx}: want note {note!r} in {g['notes']}")
        check(note in text.get(paths[1], {}).get("note", []), f"{gpx}: text notes lack {note!r}")
        want = f"{g['distance_m'] / 1000:.2f} km (from positions)"
        check(text.get(paths[1], {}).get("distance") == want,
              f"{gpx}: text distance {text.get(paths[1], {}).get('distance')!r}, want {want!r}")

    # Written runs: the device is used from 10 % shorter to 5 % longer than the track, the track otherwise.
    cases = [(0.91, "device", "-9.0"), (0.97, "device", "-3.0"), (1.06, "positions", "+6.0"),
             (1.12, "positions", "+12.0")]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for factor, _, _ in cases:
            paths.append(os.path.join(tmp, f"device-x{factor:.2f}.tcx"))
            tcx_run(paths[-1], factor)
        got = json_lines("analyze", "--json", *paths)
        text = text_blocks(run("analyze", *paths), set(paths))
    check(len(got) == len(cases), f"written runs: {len(got)} JSON lines, want {len(cases)}")
    for (factor, source, percent), o, path in zip(cases, got, paths):
        device = 2000.0 * factor
        what = f"device distance x{factor}"
        check(abs(o["positions_distance_m"] - 2000.0) <= 0.5, f"{what}: track {o['positions_distance_m']} m, "
              "want 2000 m (written 20 m a step along the meridian)")
        check(o["device_distance_m"] == device, f"{what}: device_distance_m {o['device_distance_m']}")
        check(o["distance_source"] == source, f"{what}: distance_source {o['distance_source']}, want {source}")
        block = text.get(path, {})
        if source == "device":
            note = f"device distance used ({device:.0f} m): within {percent} % of the GPS track (2000 m)"
            check(o["distance_m"] == device, f"{what}: distance_m {o['distance_m']}, want {device}")
            want_text = f"{device / 1000:.2f} km (device distance)"
        else:
            note = f"GPS track used (2000 m): the device distance ({device:.0f} m) differs from it by {percent} %"
            check(o["distance_m"] == o["positions_distance_m"], f"{what}: distance_m {o['distance_m']}")
            want_text = "2.00 km (from positions)"
        check(note in o["notes"], f"{what}: want note {note!r} in {o['notes']}")
        check(note in block.get("note", []), f"{what}: text notes {block.get('note')} lack {note!r}")
        check(block.get("distance") == want_text, f"{what}: text distance {block.get('distance')!r}, "
              f"want {want_text!r}")


def check_pace():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "stop-120s.tcx")
        tcx_run(path, 1.0, stop_s=120)
        got = json_lines("analyze", "--json", path)
        text = text_blocks(run("analyze", path), {path})
    # 2000 m; 100 steps of 5 s = 500 s moving; plus the 120 s stop = 620 s elapsed.
    if check(len(got) == 1, f"stop run: {len(got)} JSON lines"):
        o = got[0]
        check(o["distance_m"] == 2000.0 and o["distance_source"] == "device", f"stop run: distance "
              f"{o['distance_m']} ({o['distance_source']}), want 2000 (device)")
        check(o["elapsed_s"] == 620.0 and o["moving_s"] == 500.0, f"stop run: elapsed {o['elapsed_s']} s, "
              f"moving {o['moving_s']} s, want 620 and 500")
        check(o["pace_s_per_km"] == 250.0, f"stop run: pace {o['pace_s_per_km']} s/km, want 500/2 = 250")
        check(o["elapsed_pace_s_per_km"] == 310.0,
              f"stop run: elapsed pace {o['elapsed_pace_s_per_km']} s/km, want 620/2 = 310")
        check(o["avg_speed_m_s"] == 4.0, f"stop run: speed {o['avg_speed_m_s']} m/s, want 2000/500 = 4")
    block = text.get(path, {})
    check(block.get("time") == "0:08:20 moving, 0:10:20 elapsed", f"stop run: text time {block.get('time')!r}")
    check(block.get("pace") == "4:10 /km moving, 5:10 /km elapsed", f"stop run: text pace {block.get('pace')!r}")

    # The watch's own totals: 5640 m, timer 1951 s, elapsed 2551 s (8 auto-pauses between the sprints).
    sprints = "examples/2026-03-24-hill-sprints.fit"
    got = json_lines("analyze", "--json", sprints)
    text = text_blocks(run("analyze", sprints), {sprints})
    if check(len(got) == 1, f"{sprints}: {len(got)} JSON lines"):
        o = got[0]
        check((o["device_distance_m"], o["device_timer_s"], o["device_elapsed_s"]) == (5640.0, 1951.0, 2551.0),
              f"{sprints}: device totals {o['device_distance_m']}, {o['device_timer_s']}, {o['device_elapsed_s']}")
        check(o["distance_m"] == 5640.0 and o["moving_s"] == 1951.0 and o["elapsed_s"] == 2551.0,
              f"{sprints}: {o['distance_m']} m, {o['moving_s']} s moving, {o['elapsed_s']} s elapsed")
        check(o["pace_s_per_km"] == 345.9, f"{sprints}: pace {o['pace_s_per_km']}, want 1951/5.64 = 345.9")
        check(o["elapsed_pace_s_per_km"] == 452.3,
              f"{sprints}: elapsed pace {o['elapsed_pace_s_per_km']}, want 2551/5.64 = 452.3")
    check(text.get(sprints, {}).get("pace") == "5:46 /km moving, 7:32 /km elapsed",
          f"{sprints}: text pace {text.get(sprints, {}).get('pace')!r}")


def check_summary_text():
    names = sorted(n for n in os.listdir(examples) if not n.endswith(".md"))
    paths = [f"examples/{n}" for n in names] + [f"tests/data/analysis/{n}" for n in
                                                 ("hilly-run.fit", "hill-repeats.fit", "gps-run.gpx.gz")]
    got = {o["path"]: o for o in json_lines("analyze", "--json", *paths)}
    blocks = text_blocks(run("analyze", *paths), set(paths))
    check(sorted(got) == sorted(paths), f"JSON paths {sorted(got)}")
    check(sorted(blocks) == sorted(paths), f"text blocks {sorted(blocks)}")
    for path in paths:
        o, b = got.get(path), blocks.get(path)
        if o is None or b is None:
            continue
        source = {"device": "device distance", "positions": "from positions"}[o["distance_source"]]
        want = {f"{d} ({source})" for d in variants(o["distance_m"], 0.005, distance_text)}
        check(b.get("distance") in want, f"{path}: text distance {b.get('distance')!r}, JSON {want}")
        want = {f"{m} moving, {e} elapsed" for m in variants(o["moving_s"], 0.0005, duration_text)
                for e in variants(o["elapsed_s"], 0.0005, duration_text)}
        check(b.get("time") in want, f"{path}: text time {b.get('time')!r}, JSON {want}")
        want = {f"{m} /km moving, {e} /km elapsed" for m in variants(o["pace_s_per_km"], 0.05, minutes_text)
                for e in variants(o["elapsed_pace_s_per_km"], 0.05, minutes_text)}
        check(b.get("pace") in want, f"{path}: text pace {b.get('pace')!r}, JSON {want}")
        zero = lambda v: f"{v:.0f}"
        want = {f"+{a} m, -{d} m, {lo} to {hi} m ({o['elevation_source']})"
                for a in variants(o["ascent_m"], 0.005, zero) for d in variants(o["descent_m"], 0.005, zero)
                for lo in variants(o["min_elevation_m"], 0.005, zero)
                for hi in variants(o["max_elevation_m"], 0.005, zero)}
        check(b.get("elevation") in want, f"{path}: text elevation {b.get('elevation')!r}, JSON {sorted(want)[:2]}")
        if o["avg_heart_rate_bpm"] is not None:
            want = {f"{a} avg, {m} max" for a in variants(o["avg_heart_rate_bpm"], 0.05, zero)
                    for m in variants(o["max_heart_rate_bpm"], 0.05, zero)}
            check(b.get("heart rate") in want, f"{path}: text heart rate {b.get('heart rate')!r}, JSON {want}")
        check(b.get("note") == o["notes"], f"{path}: text notes {b.get('note')}, JSON {o['notes']}")


def check_info_keys():
    paths = sorted(os.path.join(examples, n) for n in os.listdir(examples) if not n.endswith(".md"))
    paths += [f"{data}/analysis/{n}" for n in ("hilly-run.fit", "hill-repeats.fit", "gps-run.gpx.gz")]
    paths += [f"{data}/io/containers/flat-run.tcx", f"{data}/io/containers/strava-export"]
    info = json_lines("info", "--json", *paths)
    analyze = json_lines("analyze", "--json", *paths)
    check(len(info) == len(analyze) and len(info) >= len(paths), f"{len(info)} info lines, {len(analyze)} analyze")
    key = lambda o: (o["path"], o.get("index"))
    analyzed = {key(o): o for o in analyze}
    for i in info:
        a = analyzed.get(key(i))
        if not check(a is not None, f"{key(i)}: info has it, analyze not"):
            continue
        check(len(i) >= 28, f"{i['path']}: info --json has only {len(i)} keys")
        missing = [k for k in i if k not in a]
        check(not missing, f"{i['path']}: analyze --json lacks info's keys {missing}")


{"distance_source": check_distance_source, "pace": check_pace, "summary_text": check_summary_text,
 "info_keys": check_info_keys}[which]()
for f in failures:
    print("FAIL:", f)
if not failures:
    print(f"check_analyze_values {which}: all checks passed")
sys.exit(1 if failures else 0)
