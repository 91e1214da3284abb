#!/usr/bin/env python3
"""Checks `hillcoach report` through the binary: the page it writes is one self-contained file (parses as
XML, no script, nothing loaded from the network, phone viewport, SVG charts that scale), with every chart of
issue 7 present; --units imperial changes the labels; --json says what was written; exit statuses 0/1/2.
usage: check_report.py HILLCOACH TESTS_DATA_DIR WORK_DIR"""

import json
import os
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args, env=None):
    return subprocess.run([hillcoach, *args], capture_output=True, text=True, timeout=300, env=env)


hillcoach, data, work = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
work.mkdir(parents=True, exist_ok=True)
hilly = f"{data}/analysis/hilly-run.fit"
out = work / "hilly-run.html"

r = run("report", hilly, "-o", str(out))
check(r.returncode == 0, f"report: exit {r.returncode}, stderr {r.stderr}")
check(r.stdout == "", f"report -o writes nothing to stdout: {r.stdout[:200]}")
html = out.read_text(encoding="utf-8") if out.exists() else ""
check(html.startswith("<!DOCTYPE html>"), "starts with the HTML5 doctype")
try:
    root = ET.fromstring(html)
except ET.ParseError as e:
    root = None
    check(False, f"page does not parse as XML: {e}")
external = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
check(not external, f"loads from the network: {external}")
check("<script" not in html.lower(), "no script element")
check('<meta name="viewport" content="width=device-width, initial-scale=1"/>' in html, "viewport meta")
if root is not None:
    svg_ns = "{http://www.w3.org/2000/svg}"
    sections = {s.get("id"): s for s in root.iter("section")}
    for sid in ["summary", "elevation", "outline", "pace", "heart_rate", "grades", "muscle_load", "climbs"]:
        check(sid in sections, f"section {sid} missing (have {sorted(k for k in sections if k)})")
    svgs = list(root.iter(svg_ns + "svg"))
    check(len(svgs) == 6, f"{len(svgs)} charts, want 6")
    for svg in svgs:
        check(svg.get("viewBox") and not svg.get("width"), f"chart {svg.get('aria-label')} scales (viewBox)")
    spans = [r for r in root.iter(svg_ns + "rect") if r.get("data-span", "").startswith("C")]
    check(len(spans) == 1, f"{len(spans)} climb spans on the profile, want 1")
    summary = {tr.find("th").text: tr.find("td").text for tr in sections["summary"].iter("tr")} \
        if "summary" in sections else {}
    check(re.fullmatch(r"3\.[4-7]\d km", summary.get("distance", "")), f"distance {summary.get('distance')}")

imperial = work / "hilly-run-imperial.html"
r = run("report", "--units", "imperial", hilly, "-o", str(imperial))
check(r.returncode == 0, f"imperial: exit {r.returncode}")
text = imperial.read_text(encoding="utf-8") if imperial.exists() else ""
check(">elevation (ft)<" in text and ">distance (mi)<" in text, "imperial axis labels")
check(re.search(r"<th scope=\"row\">distance</th><td>2\.[12]\d mi</td>", text), "imperial distance row")

r = run("report", "--json", hilly, "-o", str(out))
check(r.returncode == 0, f"--json: exit {r.returncode}")
try:
    j = json.loads(r.stdout)
    check(j["output"] == str(out) and j["title"] == "hilly-run.fit" and j["units"] == "metric", f"json: {j}")
    check(j["charts"] == ["elevation", "outline", "pace", "heart_rate", "grades", "muscle_load"], f"charts {j}")
    check(j["climbs"] == 1 and j["bytes"] == len(out.read_bytes()), f"json counts: {j}")
except (ValueError, KeyError) as e:
    check(False, f"--json output: {e}: {r.stdout[:200]}")

r = run("report", "--json", hilly)
check(r.returncode == 0 and json.loads(r.stdout or "{}").get("html", "").startswith("<!DOCTYPE html>"),
      "--json without -o carries the page")

r = run("report", hilly)
check(r.returncode == 0 and r.stdout.startswith("<!DOCTYPE html>"), "without -o the page goes to stdout")

# --weeks: the history of tests/data/analysis (three synthetic runs).
weeks = work / "weeks.html"
r = run("report", "--weeks", "--time-zone", "UTC", "--json", f"{data}/analysis", "-o", str(weeks))
check(r.returncode == 0, f"--weeks: exit {r.returncode}, stderr {r.stderr}")
try:
    j = json.loads(r.stdout)
    check(j["activities"] == 3 and j["weeks"] >= 1 and j["time_zone"] == "UTC", f"--weeks json: {j}")
except (ValueError, KeyError) as e:
    check(False, f"--weeks --json: {e}: {r.stdout[:200]}")
try:
    wroot = ET.fromstring(weeks.read_text(encoding="utf-8")) if weeks.exists() else None
    ids = {s.get("id") for s in wroot.iter("section")} if wroot is not None else set()
    check({"ascent", "load", "weeks"} <= ids, f"--weeks sections: {ids}")
except ET.ParseError as e:
    check(False, f"--weeks page does not parse: {e}")
r = run("report", "--weeks", "--time-zone", "Mars/Olympus_Mons", f"{data}/analysis")
check(r.returncode == 2, f"--weeks with an unknown zone: exit {r.returncode}")

r = run("report", f"{data}/analysis")
check(r.returncode == 2 and "is a folder" in r.stderr, f"folder: exit {r.returncode}, stderr {r.stderr}")
r = run("report", f"{data}/analysis/no-such-run.fit")
check(r.returncode == 1 and "no file named" in r.stderr, f"missing file: exit {r.returncode}, {r.stderr}")
r = run("report", f"{data}/io/bad/301-empty.gpx")
check(r.returncode == 1 and "file is empty" in r.stderr, f"bad file: exit {r.returncode}, {r.stderr}")
r = run("report", "--units", "furlongs", hilly)
check(r.returncode == 2, f"bad --units: exit {r.returncode}")
r = run("report", hilly, "-o", str(work / "no-such-folder" / "x.html"))
check(r.returncode == 1 and "cannot write" in r.stderr, f"unwritable output: exit {r.returncode}, {r.stderr}")

for f in failures:
    print("FAIL:", f)
print(f"check_report: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
