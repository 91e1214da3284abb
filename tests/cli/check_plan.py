#!/usr/bin/env python3
"""Checks `hillcoach plan` through the binary: the JSON shape of issue 6 section 5 (every key, kinds from the
documented list, dates inside their weeks), the terminal text within 80 columns, the Markdown file, the
iCalendar file read back by Python's icalendar (one event per session that is not rest, steps and reasons in
the description), and the FIT workout files written one per session (read back by Garmin's FIT SDK in
check_fit_workouts.mjs, which runs on the files this leaves in OUT_DIR/fit).
usage: check_plan.py HILLCOACH TESTS_DATA_DIR OUT_DIR SOURCE_DIR"""

import datetime
import json
import os
import shutil
import subprocess
import sys

import icalendar

KINDS = {"rest", "easy", "long", "flat_quality", "hill_sprints", "short_hill_repeats", "long_hill_repeats",
         "hill_circuit", "hilly_long", "downhill_repeats", "stadium", "treadmill_hills", "strength", "race"}
SESSION_KEYS = ["date", "kind", "focus_hill", "hard", "warmup", "duration_s", "distance_m", "ascent_m",
                "descent_m", "load", "steps", "exercises", "climb", "why"]

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args):
    return subprocess.run([hillcoach, "plan", *args], capture_output=True, text=True, timeout=120)


hillcoach, data, out_dir, source = sys.argv[1:5]
shutil.rmtree(out_dir, ignore_errors=True)
os.makedirs(out_dir)
race = ["--level", "regular", "--goal", "hilly-race", "--race-date", "2026-09-12", "--race-distance-km", "42",
        "--race-ascent-m", "2400", "--start", "2026-05-04", "--days-per-week", "5", "--gym", "yes"]

# JSON
r = run(*race, "--json")
check(r.returncode == 0, f"--json exit {r.returncode}: {r.stderr}")
plan = json.loads(r.stdout)
check(set(plan) >= {"profile", "weeks", "start", "notes"}, f"top-level keys {sorted(plan)}")
check(plan["profile"]["goal"] == "hilly-race", "profile.goal")
check(len(plan["weeks"]) == 19, f"{len(plan['weeks'])} weeks, 19 expected")
sessions = 0
for week in plan["weeks"]:
    for key in ["start_date", "phase", "deload", "sessions"]:
        check(key in week, f"week key {key}")
    start = datetime.date.fromisoformat(week["start_date"])
    for s in week["sessions"]:
        for key in SESSION_KEYS:
            check(key in s, f"session key {key}")
        check(s["kind"] in KINDS, f"kind {s['kind']} is not documented")
        day = datetime.date.fromisoformat(s["date"])
        check(start <= day < start + datetime.timedelta(days=7), f"{s['date']} outside the week of {start}")
        if s["focus_hill"]:
            check(s["warmup"] and s["steps"][0]["steps"][0]["kind"] == "warmup", f"{s['date']}: warm-up first")
        if s["kind"] != "rest":
            sessions += 1
check(plan["weeks"][-1]["sessions"][-1]["kind"] in {"race", "rest"} or
      any(s["kind"] == "race" for s in plan["weeks"][-1]["sessions"]), "the race is in the last week")

# text fits 80 columns, for several profiles
for args in [race, ["--goal", "muscle", "--gym", "no", "--weeks", "6", "--today", "2026-03-04"],
             ["--goal", "return", "--injury", "sore left knee after a fall on a long descent", "--weeks", "8",
              "--today", "2026-03-04"],
             ["--profile", f"{data}/plan/profile-example.toml"]]:
    r = run(*args)
    check(r.returncode == 0, f"{args}: exit {r.returncode} {r.stderr}")
    wide = [line for line in r.stdout.splitlines() if len(line) > 80]
    check(not wide, f"{args}: lines over 80 columns: {wide[:3]}")
    trailing = [line for line in r.stdout.splitlines() if line != line.rstrip()]
    check(not trailing, f"{args}: lines ending in blanks: {trailing[:3]}")

# Markdown
md = os.path.join(out_dir, "plan.md")
r = run(*race, "--format", "markdown", "-o", md)
check(r.returncode == 0 and r.stdout == "", f"markdown -o: exit {r.returncode}, stdout {r.stdout[:80]!r}")
text = open(md, encoding="utf-8").read()
check(text.startswith("# hilly-race plan"), "markdown title")
check("\n## Week 19 of 19" in text and "| Day | Session |" in text, "markdown weeks and tables")

# iCalendar, read back by Python's icalendar
ics = os.path.join(out_dir, "plan.ics")
r = run(*race, "--format", "ics", "-o", ics)
check(r.returncode == 0, f"ics: exit {r.returncode} {r.stderr}")
calendar = icalendar.Calendar.from_ical(open(ics, "rb").read())
events = [c for c in calendar.walk("VEVENT")]
check(len(events) == sessions, f"{len(events)} events, {sessions} sessions that are not rest")
check(len({str(e["UID"]) for e in events}) == len(events), "event UIDs distinct")
dates = sorted(e.decoded("DTSTART") for e in events)
check(dates[0] >= datetime.date(2026, 5, 4) and dates[-1] == datetime.date(2026, 9, 12),
      f"event dates {dates[0]} .. {dates[-1]}")
hill = [e for e in events if str(e["SUMMARY"]).startswith("Short hill repeats")]
check(hill, "a short hill repeats event")
if hill:
    description = str(hill[0]["DESCRIPTION"])
    check("Steps: 15 min easy warm-up" in description and "Why: " in description, f"description: {description}")

# FIT workouts: one file per session that is neither rest nor the race
fit_dir = os.path.join(out_dir, "fit")
r = run(*race, "--format", "fit", "-o", fit_dir)
check(r.returncode == 0, f"fit: exit {r.returncode} {r.stderr}")
files = sorted(os.listdir(fit_dir)) if os.path.isdir(fit_dir) else []
races = sum(1 for w in plan["weeks"] for s in w["sessions"] if s["kind"] == "race")
check(len(files) == sessions - races, f"{len(files)} FIT files, {sessions - races} expected")
check(all(f.endswith(".fit") for f in files), "FIT file names")
for f in files[:3]:
    head = open(os.path.join(fit_dir, f), "rb").read(12)
    check(head[8:12] == b".FIT", f"{f}: FIT header")

# a usage error: FIT needs -o
r = run(*race, "--format", "fit")
check(r.returncode == 2, f"--format fit without -o: exit {r.returncode}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"plan formats: {len(plan['weeks'])} weeks, {len(events)} events, {len(files)} FIT workouts")
