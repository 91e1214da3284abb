#!/usr/bin/env python3
"""hillcoach weeks / load / check / climbs through the binary, on a history imported into a temporary database.

The history (made with `hillcoach synth`, so its ground is known): a hilly run on Monday 2026-05-04 and again on
Monday 2026-05-18 (same course, same place), hill repeats on Tuesday 18:00 and Thursday 07:00 of the first week
(same hill, 37 hours apart), nothing in the week of 2026-05-11.

usage: check_history.py HILLCOACH COMMAND [--served]   (COMMAND: weeks, load, check or climbs)
  --served (climbs): the binary has `serve`; the dashboard's /api/climbs must be what `climbs --json` prints.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.request

HILLCOACH = sys.argv[1]
COMMAND = sys.argv[2]
SERVED = "--served" in sys.argv[3:]
FAILURES = []


def run(*args, code=0):
    p = subprocess.run([HILLCOACH, *args], capture_output=True, text=True)
    if p.returncode != code:
        FAILURES.append(f"{' '.join(args)}: exit {p.returncode}, expected {code}\n{p.stderr}")
    return p


def expect(cond, what):
    if not cond:
        FAILURES.append(what)


def narrow(text, what):
    for line in text.splitlines():
        expect(len(line) <= 80, f"{what}: line longer than 80 columns: {line!r}")


def make_history(tmp):
    files = os.path.join(tmp, "files")
    os.mkdir(files)
    hilly = "flat 1000; up 1500 +120; down 600 -80; flat 500"
    repeats = "flat 1500; repeat 6 { up 150 +12; down 150 -12 }; turn around; flat 1500"
    place = ["--lat", "46.8", "--lon", "7.1", "--heading", "0", "--layout", "out-and-back", "--route-seed", "1"]
    made = [
        (hilly, "easy", "2026-05-04T07:00:00+02:00", "5", "a-hilly.fit"),
        (repeats, "repeats", "2026-05-05T18:00:00+02:00", "3", "b-repeats.fit"),
        (repeats, "repeats", "2026-05-07T07:00:00+02:00", "4", "c-repeats.fit"),
        (hilly, "easy", "2026-05-18T07:00:00+02:00", "6", "d-hilly.fit"),
    ]
    for course, runner, start, seed, name in made:
        run("synth", "--course", course, "--runner", runner, "--recorder", "barometric", "--seed", seed,
            "--start", start, "--name", name, *place, "--out", os.path.join(files, name))
    db = os.path.join(tmp, "history.db")
    run("import", "--db", db, files)
    return db


def check_weeks(db, tmp):
    text = run("weeks", "--db", db, "--tz", "Europe/Zurich").stdout
    narrow(text, "weeks")
    expect("week of" in text and "2026-05-11" in text, f"weeks text: rows and the empty week\n{text}")
    rows = json.loads(run("weeks", "--db", db, "--tz", "Europe/Zurich", "--json").stdout)
    expect([r["week_start"] for r in rows] == ["2026-05-04", "2026-05-11", "2026-05-18"], f"week starts {rows}")
    for key in ["week_start", "distance_m", "time_s", "ascent_m", "descent_m", "hill_sessions", "eccentric_load",
                "stress", "acwr"]:
        expect(all(key in r for r in rows), f"weeks --json: key {key}")
    expect([r["activities"] for r in rows] == [3, 0, 1], f"activities per week {rows}")
    expect([r["hill_sessions"] for r in rows] == [2, 0, 0], f"hill sessions {[r['hill_sessions'] for r in rows]}")
    expect(rows[1]["distance_m"] == 0 and rows[0]["distance_m"] > 12000, f"distances {rows}")
    expect(110 < rows[2]["ascent_m"] < 130, f"ascent of the last hilly run {rows[2]['ascent_m']}")
    expect(all(r["acwr"] is None for r in rows), "no 28 days of history: no ratio")
    # Sunday starts: the weeks begin on the Sundays before.
    sunday = json.loads(run("weeks", "--db", db, "--tz", "Europe/Zurich", "--week-start", "sunday", "--json").stdout)
    expect(sunday[0]["week_start"] == "2026-05-03", f"sunday weeks {sunday[0]}")
    ranged = json.loads(run("weeks", "--db", db, "--from", "2026-05-12", "--to", "2026-05-31", "--json").stdout)
    expect([r["week_start"] for r in ranged] == ["2026-05-11", "2026-05-18"], f"range {ranged}")
    run("weeks", "--db", db, "--tz", "Mars/Base", code=2)
    run("weeks", "--db", db, "--from", "2026-13-01", code=2)
    run("weeks", "--db", os.path.join(tmp, "missing.db"), code=1)
    expect(not os.path.exists(os.path.join(tmp, "missing.db")), "a missing database is not created")
    expect("Examples:" in run("weeks", "--help").stdout, "weeks --help examples")


def check_load(db, tmp):
    text = run("load", "--db", db, "--tz", "Europe/Zurich").stdout
    narrow(text, "load")
    expect("stress" in text and "eccentric" in text, f"load text\n{text}")
    daily = run("load", "--db", db, "--daily", "--channel", "quadriceps", "--channel", "eccentric").stdout
    narrow(daily, "load --daily")
    expect("2026-05-07" in daily and "quadriceps" in daily, f"load --daily\n{daily}")
    data = json.loads(run("load", "--db", db, "--tz", "Europe/Zurich", "--json").stdout)
    days = data["days"]
    expect(days[0]["day"] == "2026-05-04" and days[-1]["day"] == "2026-05-18", f"load days {days[0]} {days[-1]}")
    expect(len(days) == 15, f"15 days, got {len(days)}")
    for channel in ["stress", "uphill", "eccentric", "quadriceps", "hamstrings", "glutes", "calves",
                    "hip_flexors", "trunk"]:
        expect(all(set(d[channel]) == {"load", "acute", "chronic", "acwr"} for d in days), f"channel {channel}")
    expect(days[0]["stress"]["load"] > 0 and days[2]["stress"]["load"] == 0, "Monday's load, none on Wednesday")
    expect(data["chronic_days"] == 42 and data["ratio_chronic_days"] == 28, "load windows")
    run("load", "--db", db, "--channel", "lungs", code=2)
    expect("Examples:" in run("load", "--help").stdout, "load --help examples")


def check_check(db, tmp):
    latest = run("check", "--db", db, "--tz", "Europe/Zurich").stdout
    expect("Nothing to report" in latest, f"latest week is sound\n{latest}")
    found = json.loads(run("check", "--db", db, "--tz", "Europe/Zurich", "--from", "2026-05-04", "--json").stdout)
    rules = [f["rule"] for f in found]
    expect("hill-sessions-48h" in rules, f"two hill sessions 37 h apart: {rules}")
    for f in found:
        expect(set(f) >= {"rule", "week_start", "severity", "message", "evidence"}, f"check --json keys {f}")
    f48 = [f for f in found if f["rule"] == "hill-sessions-48h"]
    if f48:
        expect(f48[0]["week_start"] == "2026-05-04", f"week {f48[0]}")
        expect(abs(f48[0]["evidence"]["hours_apart"] - 37.0) < 0.1, f"hours {f48[0]['evidence']}")
        expect(f48[0]["severity"] == "warning", "severity")
    text = run("check", "--db", db, "--tz", "Europe/Zurich", "--from", "2026-05-04", "--to", "2026-05-10").stdout
    narrow(text, "check")
    expect("hill-sessions-48h" in text and "evidence: hours_apart 37" in text, f"check text\n{text}")
    profile = os.path.join(tmp, "me.toml")
    with open(profile, "w") as f:
        f.write("[training]\ntime_zone = \"Europe/Zurich\"\n[guidance]\nmin_hours_between_hill_sessions = 24\n")
    relaxed = json.loads(run("check", "--db", db, "--profile", profile, "--from", "2026-05-04", "--json").stdout)
    expect("hill-sessions-48h" not in [f["rule"] for f in relaxed], "the profile's threshold is used")
    with open(profile, "w") as f:
        f.write("[guidance]\nmax_eccentric_acwr = \"high\"\n")
    bad = run("check", "--db", db, "--profile", profile, code=2)
    expect("me.toml:2:22: error: max_eccentric_acwr must be a number" in bad.stderr, f"bad profile {bad.stderr}")
    listed = run("check", "--rules").stdout
    narrow(listed, "check --rules")
    expect(listed.count("(warning)") + listed.count("(caution)") + listed.count("(info)") == 12, "12 rules")
    expect("Examples:" in run("check", "--help").stdout, "check --help examples")


PLACE_KEYS = ["id", "start", "top", "length_m", "gain_m", "avg_grade", "max_grade", "runs", "ascents", "best",
              "recent"]
EFFORT_KEYS = ["activity", "activity_name", "start_s", "date", "time_s", "best_time_s", "vam_m_h",
               "avg_heart_rate_bpm", "reps"]


def served_climbs(db, zone):
    """/api/climbs of `hillcoach serve --db` over the same store, in the calendar zone `zone`."""
    server = subprocess.Popen([HILLCOACH, "serve", "--db", db, "--port", "0", "--json", "--time-zone", zone],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = json.loads(server.stdout.readline())["url"]
        with urllib.request.urlopen(url + "api/climbs", timeout=60) as r:
            return json.loads(r.read())
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def check_climbs(db, tmp):
    places = json.loads(run("climbs", "--db", db, "--json").stdout)
    expect(len(places) >= 2, f"the hilly course's climb and the repeat hill: {places}")
    for p in places:
        expect(list(p) == PLACE_KEYS, f"climbs --json keys {list(p)}")
        for end in ("start", "top"):
            expect(list(p[end]) == ["lat", "lon"] and abs(p[end]["lat"] - 46.8) < 0.05
                   and abs(p[end]["lon"] - 7.1) < 0.05, f"{end} is not {{lat, lon}} near 46.8, 7.1: {p[end]}")
            expect(all(round(v, 7) == v for v in p[end].values()), f"{end} not to 7 decimals: {p[end]}")
        for effort in ("best", "recent"):
            expect(list(p[effort]) == EFFORT_KEYS, f"{effort} keys {list(p[effort])}")
    by_runs = sorted((p["runs"], p["ascents"], round(p["gain_m"])) for p in places)
    twice = [p for p in places if p["runs"] == 2]
    expect(len(twice) >= 2, f"both hills run twice: {by_runs}")
    repeat_hill = [p for p in twice if p["ascents"] == 12]
    expect(len(repeat_hill) == 1 and 9 < repeat_hill[0]["gain_m"] < 15, f"6 + 6 reps up the 12 m hill: {by_runs}")
    hilly = [p for p in twice if p["ascents"] == 2 and 110 < p["gain_m"] < 130]
    expect(len(hilly) == 1, f"the 120 m climb, twice: {by_runs}")
    if hilly:
        expect(hilly[0]["recent"]["date"] == "2026-05-18", f"recent {hilly[0]['recent']}")
    text = run("climbs", "--db", db).stdout
    narrow(text, "climbs")
    expect("runs" in text and "places" in text, f"climbs text\n{text}")
    expect(json.loads(run("climbs", "--db", db, "--min-runs", "3", "--json").stdout) == [], "--min-runs 3")
    if SERVED:
        # One builder behind both: the same store gives the same places, keys and values, in the same order.
        every = json.loads(run("climbs", "--db", db, "--json", "--limit", "0", "--tz", "Europe/Zurich").stdout)
        served = served_climbs(db, "Europe/Zurich")
        expect(served.get("time_zone") == "Europe/Zurich", f"/api/climbs time_zone {served.get('time_zone')}")
        expect(every and served.get("climbs") == every,
               f"/api/climbs differs from climbs --json:\n{served.get('climbs')}\n{every}")
    run("climbs", "--db", db, "--radius", "1", code=2)
    expect("Examples:" in run("climbs", "--help").stdout, "climbs --help examples")


with tempfile.TemporaryDirectory() as tmp:
    db = make_history(tmp)
    {"weeks": check_weeks, "load": check_load, "check": check_check, "climbs": check_climbs}[COMMAND](db, tmp)

if FAILURES:
    print("\n".join(FAILURES))
    sys.exit(1)
print(f"{COMMAND}: all checks passed")
