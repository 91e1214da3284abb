#!/usr/bin/env python3
"""Checks the physiology that `hillcoach analyze --json` adds, through the binary: every key issue 4 names
(gap_s_per_km, flat_equivalent_distance_m, energy_kj, kcal, trimp, hr_tss, pace_tss, time_in_zones_s and
muscle_load with a concentric and an eccentric load for each of six groups), and the settings it says it
estimated or defaulted without a profile and no longer does with one.
usage: check_physiology.py HILLCOACH TESTS_DATA_DIR"""

import json
import subprocess
import sys

hillcoach, data = sys.argv[1], sys.argv[2]
hilly = f"{data}/analysis/hilly-run.fit"
profile = f"{data}/physiology/profile.toml"
GROUPS = ["quadriceps", "hamstrings", "glutes", "calves", "hip_flexors", "trunk"]
NUMBERS = ["gap_s_per_km", "flat_equivalent_distance_m", "energy_kj", "kcal", "trimp", "hr_tss"]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def analyze(*args):
    r = subprocess.run([hillcoach, "analyze", "--json", *args], capture_output=True, text=True, timeout=300)
    check(r.returncode == 0, f"analyze {args}: exit {r.returncode}: {r.stderr}")
    lines = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    check(len(lines) == 1, f"analyze {args}: {len(lines)} objects, want 1")
    return lines[0] if lines else {}


def number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


plain = analyze(hilly)
for key in NUMBERS + ["pace_tss", "time_in_zones_s", "muscle_load", "estimated_settings", "defaulted_settings"]:
    check(key in plain, f"no key {key!r}")
for key in NUMBERS:
    check(number(plain.get(key)) and plain.get(key) > 0, f"{key} = {plain.get(key)!r}, want a positive number")
# The hilly run (3.6 km, +120 m -80 m) runs uphill more than down: its flat equivalent is longer than it is.
check(number(plain.get("flat_equivalent_distance_m")) and number(plain.get("distance_m"))
      and plain["flat_equivalent_distance_m"] > plain["distance_m"],
      f"flat equivalent {plain.get('flat_equivalent_distance_m')} m for {plain.get('distance_m')} m with +120 m")
zones = plain.get("time_in_zones_s") or []
check(len(zones) == 5 and all(number(z) and z >= 0 for z in zones), f"time_in_zones_s {zones}")
check(number(plain.get("moving_s")) and abs(sum(zones) - plain["moving_s"]) <= 0.1 * plain["moving_s"],
      f"zones add up to {sum(zones)} s, moving {plain.get('moving_s')} s")
load = plain.get("muscle_load") or {}
for group in GROUPS:
    g = load.get(group) or {}
    check(number(g.get("concentric")) and number(g.get("eccentric")), f"muscle_load.{group} = {g}")
# Without a profile, settings are estimated from the run or defaulted, and the output names them.
estimated = set(plain.get("estimated_settings") or [])
defaulted = set(plain.get("defaulted_settings") or [])
check("mass_kg" in defaulted, f"mass_kg defaulted without a profile: defaulted {sorted(defaulted)}")
check(estimated or defaulted, "without a profile some setting is estimated or defaulted")

given = analyze("--profile", profile, hilly)
mass = (given.get("athlete") or {}).get("mass_kg") or {}
check(mass.get("value") == 62 and mass.get("source") == "given", f"the profile's mass: {mass}")
default_mass = (plain.get("athlete") or {}).get("mass_kg") or {}
check(default_mass.get("source") == "defaulted", f"mass without a profile: {default_mass}")
for key in ["mass_kg", "max_hr_bpm", "rest_hr_bpm", "threshold_hr_bpm"]:
    check(key not in (given.get("estimated_settings") or []) and key not in (given.get("defaulted_settings") or []),
          f"{key} comes from the profile: estimated {given.get('estimated_settings')}, "
          f"defaulted {given.get('defaulted_settings')}")
# The profile gives a threshold pace (4:50 /km), so the pace stress score is there.
check(number(given.get("pace_tss")) and given["pace_tss"] > 0, f"pace_tss with a threshold pace: "
      f"{given.get('pace_tss')}")
# A lighter runner (62 kg against the 70 kg default) spends less energy on the same run.
if number(given.get("energy_kj")) and number(plain.get("energy_kj")):
    check(given["energy_kj"] < plain["energy_kj"], f"energy {given['energy_kj']} kJ at 62 kg, "
          f"{plain['energy_kj']} kJ by default")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("check_physiology: all checks passed")
