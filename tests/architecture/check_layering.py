#!/usr/bin/env python3
"""Checks hillcoach's layering: every #include "hillcoach/<module>/..." in src/hillcoach/<m>/ must name
<m> itself or a module that docs/architecture.md's layering table allows for <m>. Tests under tests/<m>/ may
include what <m> may include, <m> itself, and tests/support. Prints every violation; exit 1 if any.

usage: check_layering.py REPO_ROOT
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"hillcoach/([a-z_]+)/', re.MULTILINE)
ROW = re.compile(r"^\|\s*([a-z_]+)\s*\|\s*([a-z_,\s]*)\|\s*$")


def read_table(doc):
    text = doc.read_text(encoding="utf-8")
    begin = text.index("<!-- layering-table: begin -->")
    end = text.index("<!-- layering-table: end -->")
    allowed = {}
    for line in text[begin:end].splitlines():
        m = ROW.match(line)
        if not m or m.group(1) == "module":
            continue
        deps = {d.strip() for d in m.group(2).split(",") if d.strip()}
        allowed[m.group(1)] = deps | {m.group(1)}
    return allowed


def check_tree(root, folder, allowed, label):
    problems = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".hpp", ".cpp", ".h"):
            continue
        rel = path.relative_to(root)
        for m in INCLUDE.finditer(path.read_text(encoding="utf-8", errors="replace")):
            target = m.group(1)
            if target not in allowed:
                problems.append(f"{rel}: includes hillcoach/{target}/, which {label} may not include")
    return problems


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    allowed = read_table(root / "docs" / "architecture.md")
    problems = []
    src = root / "src" / "hillcoach"
    for module_dir in sorted(p for p in src.iterdir() if p.is_dir()):
        module = module_dir.name
        if module not in allowed:
            problems.append(f"src/hillcoach/{module}/: module missing from the layering table in docs/architecture.md")
            continue
        problems += check_tree(root, module_dir, allowed[module], f"module '{module}'")
    tests = root / "tests"
    for module in allowed:
        folder = tests / module
        if folder.is_dir():
            problems += check_tree(root, folder, allowed[module], f"tests of '{module}'")
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} violation(s) in {len(allowed)} modules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
