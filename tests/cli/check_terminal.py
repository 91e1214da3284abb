#!/usr/bin/env python3
"""Terminal manners of every command (issue 7, section 4), through the binary:
  - every registered subcommand (as `hillcoach --help` lists them) has --help with an "Examples:" footer whose
    examples run that command, and a --json flag;
  - colour only on a terminal: escape codes on a pseudo-terminal, none through a pipe, none with NO_COLOR;
  - docs/cli-reference.md is exactly what `hillcoach help-markdown` prints from the same CLI11 definitions.
usage: check_terminal.py HILLCOACH TESTS_DATA_DIR REPO_ROOT"""

import os
import pathlib
import pty
import re
import subprocess
import sys

# Commands that write files rather than report, and have no JSON to give.
NO_JSON = {"synth": "writes activity files; its output is the file"}

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args, env=None):
    return subprocess.run([hillcoach, *args], capture_output=True, text=True, timeout=120, env=env)


def run_on_terminal(args, env):
    """Runs with stdout on a pseudo-terminal; returns what it printed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(hillcoach, [hillcoach, *args], env)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


hillcoach, data, repo = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])

top = run("--help")
check(top.returncode == 0, f"hillcoach --help: exit {top.returncode}")
section = top.stdout.split("Subcommands:", 1)[1] if "Subcommands:" in top.stdout else ""
commands = re.findall(r"^  ([a-z][a-z-]*)\s", section, re.MULTILINE)
check(len(commands) >= 4, f"subcommands found in --help: {commands}")
check("help-markdown" not in commands, "help-markdown is hidden")
for name in commands:
    r = run(name, "--help")
    check(r.returncode == 0, f"{name} --help: exit {r.returncode}")
    footer = r.stdout.split("Examples:", 1)
    check(len(footer) == 2, f"{name} --help has no Examples: footer")
    if len(footer) == 2:
        lines = [line.strip() for line in footer[1].splitlines() if line.strip()]
        # Each line runs the command, or continues the one before (ending in a backslash).
        bad = [line for i, line in enumerate(lines)
               if not line.startswith(f"hillcoach {name}") and not (i > 0 and lines[i - 1].endswith("\\"))]
        check(lines and not bad, f"{name}: examples that do not run `hillcoach {name}`: {bad or lines}")
    if name in NO_JSON:
        check("--json" not in r.stdout, f"{name} now has --json: remove it from NO_JSON")
    else:
        check(re.search(r"^\s+--json\b", r.stdout, re.MULTILINE), f"{name} --help lists no --json flag")

# Colour: `info` prints the file name in bold and warnings in yellow on a terminal.
gpx = f"{data}/io/containers/hill-run.gpx"
env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
env["TERM"] = "xterm"
on_tty = run_on_terminal(["info", gpx], env)
check("\x1b[" in on_tty, f"no colour on a terminal: {on_tty[:200]!r}")
check("samples" in on_tty, f"info on a terminal printed: {on_tty[:200]!r}")
no_color = run_on_terminal(["info", gpx], {**env, "NO_COLOR": "1"})
check("samples" in no_color and "\x1b[" not in no_color, f"colour despite NO_COLOR: {no_color[:200]!r}")
piped = run("info", gpx, env=env)
check(piped.returncode == 0 and "\x1b[" not in piped.stdout + piped.stderr, "colour through a pipe")

# The generated reference is current: every command section in docs/cli-reference.md must be exactly what
# help-markdown prints for it now (an option added, renamed or re-described without regenerating fails).
# A command the file does not document yet (one added since it was generated) is reported, not failed: in a
# repository where several people add commands at once, the next regeneration adds it.
def sections(text):
    parts = re.split(r"^(?=## `hillcoach )", text, flags=re.MULTILINE)
    head = parts[0]
    named = {}
    for part in parts[1:]:
        named[re.match(r"## `hillcoach ([a-z-]+)`", part).group(1)] = part
    return head, named


reference = repo / "docs" / "cli-reference.md"
generated = run("help-markdown")
check(generated.returncode == 0, f"help-markdown: exit {generated.returncode}: {generated.stderr}")
current = reference.read_text(encoding="utf-8") if reference.exists() else ""
gen_head, gen_sections = sections(generated.stdout)
cur_head, cur_sections = sections(current)
for name in commands:
    check(name in gen_sections, f"help-markdown has no section for {name}")
missing = [name for name in gen_sections if name not in cur_sections]
if missing:
    print(f"note: docs/cli-reference.md does not document {missing} yet: hillcoach help-markdown > docs/cli-reference.md")
stale = [name for name, text in gen_sections.items() if name in cur_sections and cur_sections[name] != text]
check(cur_sections, "docs/cli-reference.md has no command section")
if gen_head != cur_head:
    stale.append("(the header)")
if stale:
    import difflib
    diff = "".join(difflib.unified_diff(current.splitlines(True), generated.stdout.splitlines(True),
                                        "docs/cli-reference.md", "hillcoach help-markdown", n=1))
    check(False, f"docs/cli-reference.md is out of date for {stale}; regenerate it with\n"
                 "  hillcoach help-markdown > docs/cli-reference.md\n" + diff[:3000])

for f in failures:
    print("FAIL:", f)
print(f"check_terminal: {len(commands)} commands, {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
