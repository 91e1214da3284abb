#!/usr/bin/env python3
"""Shows the layering check can fail: a fake tree where terrain includes plan must be reported."""
import pathlib
import subprocess
import sys
import tempfile

here = pathlib.Path(__file__).resolve().parent
with tempfile.TemporaryDirectory() as tmp:
    root = pathlib.Path(tmp)
    (root / "docs").mkdir()
    (root / "docs" / "architecture.md").write_text(
        "<!-- layering-table: begin -->\n| module | may include |\n| --- | --- |\n| core | |\n"
        "| terrain | core |\n| plan | core, terrain |\n<!-- layering-table: end -->\n")
    for m in ("core", "terrain", "plan"):
        (root / "src" / "hillcoach" / m).mkdir(parents=True)
    (root / "src/hillcoach/plan/planner.cpp").write_text('#include "hillcoach/terrain/climbs.hpp"\n')
    ok = subprocess.run([sys.executable, here / "check_layering.py", root], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    (root / "src/hillcoach/terrain/climbs.cpp").write_text('#include "hillcoach/plan/planner.hpp"\n')
    bad = subprocess.run([sys.executable, here / "check_layering.py", root], capture_output=True, text=True)
    assert bad.returncode == 1, bad.stdout
    assert "src/hillcoach/terrain/climbs.cpp: includes hillcoach/plan/" in bad.stdout, bad.stdout
print("layering check reports violations")
