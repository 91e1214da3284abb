#!/usr/bin/env python3
"""hillcoach plan --db and --adapt through the binary, on the project's examples imported into a temporary store.

The examples (examples/README.md) are five weeks of a runner's history ending 2026-04-12, with hill repeats twice on
the same 150 m hill at 7 %. A six-week plan from Monday 2026-04-13 must start from that history (its threshold pace
is the median of the runs' own estimates), put its hill sessions on hills of the runner's climb library, and be
saved next to the store. Then two runs of the plan's first week are imported and `plan --adapt` a week later must
mark them done, the rest of the week missed, and re-plan what is left without cramming. Last, an import of one more
run adapts the saved plan by itself.

usage: check_plan_history.py HILLCOACH EXAMPLES_DIR
"""
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile

HILLCOACH, EXAMPLES = sys.argv[1], sys.argv[2]
FAILURES = []
PLAN = ["--start", "2026-04-13", "--weeks", "6", "--goal", "hilly-race", "--race-date", "2026-05-24",
        "--race-distance-km", "30", "--race-ascent-m", "1500", "--level", "regular", "--days-per-week", "5"]


def run(*args, code=0):
    p = subprocess.run([HILLCOACH, *args], capture_output=True, text=True)
    if p.returncode != code:
        FAILURES.append(f"{' '.join(args)}: exit {p.returncode}, expected {code}\n{p.stderr}")
    return p


def expect(cond, what):
    if not cond:
        FAILURES.append(what)


def sessions(plan):
    return [s for w in plan["weeks"] for s in w["sessions"]]


def day(text):
    return datetime.date.fromisoformat(text[:10])


def check_plan_from_history(db):
    climbs = json.loads(run("climbs", "--db", db, "--json").stdout)
    library = {str(c["id"]): c for c in climbs}
    exported = [json.loads(line) for line in run("export", "--json", "--db", db).stdout.splitlines() if line.strip()]
    runs = [a for a in exported if a["sport"] in ("running", "trail_running", "treadmill_running")]
    p = run("plan", "--db", db, *PLAN, "--today", "2026-04-13", "--json")
    plan = json.loads(p.stdout)
    start = plan["start"]
    expect(start["source"].startswith("history"), f"starting point not from the history: {start['source']}")
    # The runs of the 28 days before the start, and the median of the threshold speeds they were analysed with.
    recent = [a["threshold_speed_m_s"] for a in runs
              if a["threshold_speed_m_s"] and datetime.date(2026, 3, 16) <= day(a["start_time"]) < datetime.date(2026, 4, 13)]
    expect(len(recent) >= 5, f"only {len(recent)} runs in the 4 weeks before the plan")
    expect(abs(start["threshold_speed_m_s"] - statistics.median(recent)) < 0.002,
           f"threshold speed {start['threshold_speed_m_s']} is not the runs' median {statistics.median(recent):.3f}")
    hill = [s for s in sessions(plan) if s["focus_hill"]]
    own = [s for s in hill if s["climb"]]
    expect(len(hill) >= 6, f"{len(hill)} focused hill sessions in six weeks")
    expect(len(own) >= len(hill) // 2, f"only {len(own)} of {len(hill)} hill sessions on the runner's own hills")
    for s in own:
        c = s["climb"]
        expect(c["id"] in library, f"{s['date']} {s['kind']}: climb {c['id']} is not in the climb library")
        if c["id"] in library:
            expect(abs(c["length_m"] - library[c["id"]]["length_m"]) < 1.0, f"{s['date']}: climb length differs")
            expect(c["times_run"] == library[c["id"]]["ascents"], f"{s['date']}: times run differs")
        expect(c["name"] and c["name"] in s["title"] + " ".join(s["where"] if isinstance(s["where"], list) else [s["where"]]),
               f"{s['date']}: the hill's name {c['name']!r} is not where the session says to run")
    saved = db + ".plan.json"
    expect(os.path.exists(saved), "the plan is not saved next to the store")
    if os.path.exists(saved):
        with open(saved) as f:
            expect(json.load(f)["weeks"] == plan["weeks"], "the saved plan differs from the printed one")
    text = run("plan", "--db", db, *PLAN, "--today", "2026-04-13").stdout
    expect("history (the 4 weeks before 2026-04-13)" in text, "the text does not say the plan starts from the history")
    if own:
        expect(own[0]["climb"]["name"] in text, "the text does not name the runner's hill")
    return plan


def check_adapt(db, tmp, plan):
    first_week = [s for s in plan["weeks"][0]["sessions"] if s["kind"] not in ("rest", "strength")]
    easy = next(s for s in first_week if s["kind"] == "easy")
    hills = next(s for s in first_week if s["focus_hill"])
    # What was really run in week 1: the easy run and the hill session, nothing else.
    made = [("flat 4000; turn around; flat 4000", "easy", easy["date"], "a-easy.fit"),
            ("flat 2000; repeat 6 { up 150 +10.5; down 150 -10.5 }; flat 2000", "repeats", hills["date"], "b-hills.fit")]
    files = os.path.join(tmp, "week1")
    os.mkdir(files)
    for course, runner, date, name in made:
        run("synth", "--course", course, "--runner", runner, "--start", f"{date}T07:00:00+02:00", "--seed", "7",
            "--out", os.path.join(files, name))
    run("import", "--db", db, files)
    p = run("plan", "--db", db, "--adapt", "--today", "2026-04-20", "--json")
    adapted = json.loads(p.stdout)
    expect("2 done" in p.stderr, f"adapt does not report the two runs done: {p.stderr}")
    done = {s["date"][:10] for s in sessions(adapted) if s["status"] == "done"}
    expect({easy["date"][:10], hills["date"][:10]} <= done, f"done sessions {sorted(done)}")
    missed = [s for s in sessions(adapted) if s["status"] == "missed"]
    expect(missed and all(day(s["date"]) < datetime.date(2026, 4, 20) for s in missed),
           f"missed sessions: {[(s['date'], s['kind']) for s in missed]}")
    # The rest is re-planned without cramming: no week over two focused hill sessions, 48 h between them, and
    # the week after the missed days no heavier than planned.
    later = [s for s in sessions(adapted) if day(s["date"]) >= datetime.date(2026, 4, 20)]
    hill_days = sorted(day(s["date"]) for s in later if s["focus_hill"])
    for a, b in zip(hill_days, hill_days[1:]):
        expect((b - a).days >= 2, f"hill sessions on {a} and {b}: under 48 h apart")
    for w in adapted["weeks"]:
        n = sum(1 for s in w["sessions"] if s["focus_hill"])
        expect(n <= 2, f"week {w['start_date']}: {n} focused hill sessions")
    load = {w["start_date"]: sum(s["load"] for s in w["sessions"]) for w in plan["weeks"]}
    load_after = {w["start_date"]: sum(s["load"] for s in w["sessions"]) for w in adapted["weeks"]}
    expect(load_after["2026-04-20"] <= load["2026-04-20"] + 1e-6,
           f"week 2 grew from {load['2026-04-20']:.0f} to {load_after['2026-04-20']:.0f} after a missed week")
    with open(db + ".plan.json") as f:
        expect(json.load(f)["weeks"] == adapted["weeks"], "the adapted plan is not saved")
    return adapted


def check_import_adapts(db, tmp, adapted):
    """An import that adds a run adapts the saved plan without `plan --adapt` (as of the machine's today)."""
    target = next(s for w in adapted["weeks"][1:] for s in w["sessions"] if s["kind"] == "easy" and not s["status"])
    files = os.path.join(tmp, "later")
    os.mkdir(files)
    run("synth", "--course", "flat 3000; turn around; flat 3000", "--runner", "easy",
        "--start", f"{target['date'][:10]}T18:00:00+02:00", "--seed", "8", "--out", os.path.join(files, "c-easy.fit"))
    p = run("import", "--db", db, files)
    # Done: the two runs of week 1 and this one; nothing moved.
    expect("hillcoach import: plan: 3 done, 0 moved" in p.stderr, f"import did not adapt the saved plan: {p.stderr}")
    with open(db + ".plan.json") as f:
        saved = json.load(f)
    status = {(s["date"][:10], s["kind"]): s["status"] for s in sessions(saved)}
    expect(status.get((target["date"][:10], "easy")) == "done", f"{target['date']} easy run not done after import")
    # Importing nothing new leaves the plan as it is.
    p = run("import", "--db", db, files)
    expect("plan:" not in p.stderr, f"an import that added nothing adapted the plan: {p.stderr}")


def check_errors(tmp):
    p = run("plan", "--adapt", code=2)
    expect("give --db" in p.stderr, f"--adapt without --db: {p.stderr}")
    p = run("plan", "--db", os.path.join(tmp, "empty.db"), "--adapt", code=1)
    expect("no saved plan to adapt" in p.stderr, f"--adapt with no saved plan: {p.stderr}")


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "history.db")
    run("import", "--db", db, EXAMPLES)
    plan = check_plan_from_history(db)
    adapted = check_adapt(db, tmp, plan)
    check_import_adapts(db, tmp, adapted)
    check_errors(tmp)

for f in FAILURES:
    print("FAIL:", f)
sys.exit(1 if FAILURES else 0)
