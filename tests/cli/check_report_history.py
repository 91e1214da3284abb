#!/usr/bin/env python3
"""Checks `hillcoach report` over the history database, through the binary: the examples imported into a
temporary database, then
  - report ID --db: the same page, byte for byte, as the report of the file the activity came from (its
    charts and sections present); an unknown ID fails (exit 1) saying so; an ID without --db is a usage
    error (exit 2); a source file moved away or changed since the import fails (exit 1) naming the file;
  - report --weeks --db: the history page from the stored digests, as many activities as the database holds;
  - report --plan: the plan `plan --db` saved, as a calendar where every session of the saved JSON sits in
    the cell of its date, deload weeks are marked; the same from a plan JSON file and from stdin; no saved
    plan fails (exit 1);
  - --json of each names what was written.
usage: check_report_history.py HILLCOACH EXAMPLES_DIR WORK_DIR"""

import json
import pathlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args, stdin=None):
    return subprocess.run([hillcoach, *args], capture_output=True, text=True, timeout=600, input=stdin)


def parse_page(path, what):
    try:
        return ET.fromstring(path.read_text(encoding="utf-8"))
    except (OSError, ET.ParseError) as e:
        check(False, f"{what}: page does not parse: {e}")
        return None


def load_json(text, what):
    try:
        return json.loads(text)
    except ValueError as e:
        check(False, f"{what}: not JSON ({e}): {text[:200]}")
        return {}


hillcoach, examples, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
db = work / "history.db"

r = run("import", "--db", str(db), str(examples))
check(r.returncode == 0, f"import: exit {r.returncode}, {r.stderr[-500:]}")
listed = [load_json(line, "list --json") for line in run("list", "--db", str(db), "--json").stdout.splitlines()]
check(len(listed) == len(list(examples.glob("2026-*"))), f"{len(listed)} activities imported")
by_file = {}
for row in listed:
    shown = load_json(run("show", str(row["id"]), "--db", str(db), "--json").stdout, "show --json")
    by_file[pathlib.Path(shown["sources"][0]["path"]).name] = row["id"]

# report ID --db: the page of the file it came from.
hilly = examples / "2026-03-12-hilly-run.fit"
hilly_id = by_file.get(hilly.name)
check(hilly_id is not None, f"{hilly.name} in the history: {sorted(by_file)}")
from_id = work / "from-id.html"
from_file = work / "from-file.html"
r = run("report", str(hilly_id), "--db", str(db), "-o", str(from_id), "--json")
check(r.returncode == 0, f"report ID: exit {r.returncode}, {r.stderr}")
j = load_json(r.stdout, "report ID --json")
check(j.get("id") == hilly_id and j.get("output") == str(from_id) and j.get("db") == str(db), f"json {j}")
check(j.get("charts") == ["elevation", "outline", "pace", "heart_rate", "grades", "muscle_load"], f"charts {j}")
check(j.get("source") == str(hilly) and j.get("bytes") == from_id.stat().st_size, f"json source {j}")
r = run("report", str(hilly), "-o", str(from_file))
check(r.returncode == 0, f"report FILE: exit {r.returncode}")
check(from_id.read_bytes() == from_file.read_bytes(), "report ID --db and report FILE write the same page")
root = parse_page(from_id, "report ID")
if root is not None:
    svg_ns = "{http://www.w3.org/2000/svg}"
    ids = {s.get("id") for s in root.iter("section")}
    check({"summary", "elevation", "outline", "pace", "heart_rate", "grades", "muscle_load"} <= ids,
          f"report ID sections {ids}")
    check(len(list(root.iter(svg_ns + "svg"))) == 6, "report ID has the six charts")

r = run("report", "9999", "--db", str(db))
check(r.returncode == 1 and "no activity 9999" in r.stderr, f"unknown ID: exit {r.returncode}, {r.stderr}")
r = run("report", str(hilly_id))
check(r.returncode == 2 and "--db" in r.stderr, f"ID without --db: exit {r.returncode}, {r.stderr}")

# A source moved away, or changed, since the import.
moved_db = work / "moved.db"
copy = work / "copy.gpx"
shutil.copy(examples / "2026-04-02-hilly-run.gpx", copy)
check(run("import", "--db", str(moved_db), str(copy)).returncode == 0, "import of the copy")
copy.write_text(copy.read_text(encoding="utf-8").replace("<ele>", "<ele>1", 1), encoding="utf-8")
r = run("report", "1", "--db", str(moved_db))
check(r.returncode == 1 and "changed since the import" in r.stderr and str(copy) in r.stderr,
      f"changed source: exit {r.returncode}, {r.stderr}")
copy.unlink()
r = run("report", "1", "--db", str(moved_db))
check(r.returncode == 1 and "no longer there" in r.stderr and "hillcoach show 1" in r.stderr,
      f"moved source: exit {r.returncode}, {r.stderr}")

# report --weeks --db: the stored history.
weeks = work / "weeks.html"
r = run("report", "--weeks", "--db", str(db), "--time-zone", "Europe/Zurich", "-o", str(weeks), "--json")
check(r.returncode == 0, f"--weeks --db: exit {r.returncode}, {r.stderr}")
j = load_json(r.stdout, "--weeks --db --json")
check(j.get("activities") == len(listed) and j.get("weeks", 0) >= 5 and j.get("db") == str(db), f"weeks {j}")
root = parse_page(weeks, "--weeks --db")
if root is not None:
    ids = {s.get("id") for s in root.iter("section")}
    check({"ascent", "load", "weeks"} <= ids, f"--weeks --db sections {ids}")
r = run("report", "--weeks", "--db", str(db), str(examples))
check(r.returncode == 2, f"--weeks with PATHs and --db: exit {r.returncode}")

# report --plan: the plan saved next to the database.
r = run("plan", "--db", str(db), "--level", "regular", "--goal", "hilly-race", "--race-date", "2026-07-04",
        "--today", "2026-04-13", "--gym", "yes")
check(r.returncode == 0, f"plan --db: exit {r.returncode}, {r.stderr}")
saved = pathlib.Path(str(db) + ".plan.json")
plan = load_json(saved.read_text(encoding="utf-8"), "saved plan") if saved.exists() else {}
check(len(plan.get("weeks", [])) >= 8, f"saved plan weeks: {len(plan.get('weeks', []))}")
calendar = work / "plan.html"
r = run("report", "--plan", "--db", str(db), "-o", str(calendar), "--json")
check(r.returncode == 0, f"--plan --db: exit {r.returncode}, {r.stderr}")
j = load_json(r.stdout, "--plan --json")
sessions = [s for w in plan.get("weeks", []) for s in w["sessions"]]
check(j.get("plan") == str(saved) and j.get("output") == str(calendar) and j.get("goal") == "hilly-race", f"{j}")
check(j.get("title", "").startswith("hilly-race plan, 2026-04-13 to "), f"--plan title {j}")
check(j.get("weeks") == len(plan.get("weeks", [])), f"--plan weeks {j}")
check(j.get("sessions") == sum(1 for s in sessions if s["kind"] != "rest"), f"--plan sessions {j}")
check(j.get("deload_weeks") == sum(1 for w in plan.get("weeks", []) if w["deload"]), f"--plan deloads {j}")
root = parse_page(calendar, "--plan")
html = calendar.read_text(encoding="utf-8") if calendar.exists() else ""
check("<script" not in html.lower() and "://" not in html, "--plan page: no script, no URL")
if root is not None:
    for w_index, week in enumerate(plan.get("weeks", []), start=1):
        node = root.find(f".//div[@id='week-{w_index}']")
        check(node is not None, f"week {w_index} on the page")
        if node is None:
            continue
        check(node.get("data-deload") == ("true" if week["deload"] else "false"), f"week {w_index} deload")
        check(node.get("data-phase") == week["phase"], f"week {w_index} phase")
        for s in week["sessions"]:
            cell = node.find(f".//div[@data-date='{s['date']}']")
            kinds = [e.get("data-kind") for e in cell.findall("div[@data-kind]")] if cell is not None else []
            check(s["kind"] in kinds, f"{s['date']}: {s['kind']} not in its cell ({kinds})")

# The same plan from a file and from stdin.
plan_file = work / "plan.json"
shutil.copy(saved, plan_file)
r = run("report", "--plan", str(plan_file), "--json")
j = load_json(r.stdout, "--plan FILE --json")
check(r.returncode == 0 and j.get("plan") == str(plan_file) and j.get("html", "").startswith("<!DOCTYPE html>"),
      f"--plan FILE: exit {r.returncode}, {r.stderr}")
r = run("report", "--plan", "-", stdin=saved.read_text(encoding="utf-8"))
check(r.returncode == 0 and r.stdout.startswith("<!DOCTYPE html>") and "data-kind=\"long\"" in r.stdout,
      f"--plan -: exit {r.returncode}, {r.stderr}")
r = run("report", "--plan", "--db", str(moved_db))
check(r.returncode == 1 and "no plan at" in r.stderr, f"no saved plan: exit {r.returncode}, {r.stderr}")
bad = work / "not-a-plan.json"
bad.write_text('{"weeks": 3}', encoding="utf-8")
r = run("report", "--plan", str(bad))
check(r.returncode == 1 and "not-a-plan.json" in r.stderr, f"bad plan: exit {r.returncode}, {r.stderr}")
r = run("report", "--plan", "--weeks", "--db", str(db))
check(r.returncode == 2, f"--plan with --weeks: exit {r.returncode}")

for f in failures:
    print("FAIL:", f)
print(f"check_report_history: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
