#!/usr/bin/env python3
"""Runs scripts/demo (what `make demo` runs after building) with the hillcoach under test, and checks that it
exits 0 and finishes, and that its analyze steps work: the demo runs `analyze` on the hill-repeat example and
`analyze examples/ | grep ...` (whose own exit status the shell's pipe hides), so this runs those two commands
again itself and requires exit status 0, every line within 80 columns, and one session line per example. The
demo writes only in temporary folders it removes, and needs no network.
usage: check_demo.py HILLCOACH REPO_ROOT"""

import os
import re
import subprocess
import sys

hillcoach, root = sys.argv[1], sys.argv[2]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
    return condition


demo = subprocess.run(["sh", os.path.join(root, "scripts", "demo"), hillcoach], capture_output=True, text=True,
                      timeout=300, cwd=root)
check(demo.returncode == 0, f"scripts/demo: exit {demo.returncode}; stderr: {demo.stderr}")
check(demo.stdout.rstrip().endswith("hillcoach demo: done"), "scripts/demo did not reach its end")

# The demo's steps by heading ("== title", "$ command", a blank line, then the output).
steps = {}
for part in re.split(r"^== ", demo.stdout, flags=re.M)[1:]:
    lines = part.splitlines()
    if len(lines) >= 2 and lines[1].startswith("$ "):
        steps[lines[1][2:]] = lines[3:]
examples = sorted(n for n in os.listdir(os.path.join(root, "examples")) if n != "README.md")
one = "hillcoach analyze examples/2026-03-17-hill-repeats.fit"
every = "hillcoach analyze examples/ | grep -A1 -E '^examples/'"
for command in (one, every):
    out = steps.get(command)
    if not check(out, f"the demo has no step {command!r} (steps: {list(steps)})"):
        continue
    wide = [line for line in out if len(line) > 80]
    check(not wide, f"demo step {command!r}: lines over 80 columns: {wide[:3]}")
if steps.get(one):
    for part in ("session    hill repeats: 6 x", "Climbs", "Descents", "Grades", "Hill repeats: 6 x"):
        check(any(part in line for line in steps[one]), f"demo step {one!r} lacks {part!r}")
if steps.get(every):
    titled = [line for line in steps[every] if line.startswith("examples/")]
    sessions = [line for line in steps[every] if line.startswith("  session    ")]
    check(titled == [f"examples/{n}" for n in examples], f"demo session step lists {titled}, want {examples}")
    check(len(sessions) == len(examples), f"demo session step: {len(sessions)} session lines for "
          f"{len(examples)} examples")

# The same two analyze commands, with their exit status seen.
for args in (["analyze", "examples/2026-03-17-hill-repeats.fit"], ["analyze", "examples/"]):
    r = subprocess.run([hillcoach, *args], capture_output=True, text=True, timeout=300, cwd=root)
    check(r.returncode == 0, f"hillcoach {' '.join(args)}: exit {r.returncode}; stderr: {r.stderr}")
    wide = [line for line in r.stdout.splitlines() if len(line) > 80]
    check(not wide, f"hillcoach {' '.join(args)}: lines over 80 columns: {wide[:3]}")
    check(r.stdout.count("\n  session    ") == (1 if args[1].endswith(".fit") else len(examples)),
          f"hillcoach {' '.join(args)}: session lines")

for f in failures:
    print("FAIL:", f)
if not failures:
    print(f"check_demo: scripts/demo ran to its end; {len(steps)} steps; analyze steps within 80 columns")
sys.exit(1 if failures else 0)
