#!/usr/bin/env python3
"""`hillcoach serve --db` over the store (issue 7 section 2): the examples imported into a temporary database,
the server started on a free port, and its API checked against the store: every stored activity listed with
its name, weeks with rows, the climbs exactly as `hillcoach climbs --json` prints them, an activity's detail
and chart (its track read again from the source file), an upload imported into the store (a second upload of
the same bytes is not new), and `hillcoach list --db` seeing the upload after the server stopped. Also: --db with PATHs is a usage error (exit 2).

usage: check_serve_store.py HILLCOACH EXAMPLES_DIR TESTS_DATA_DIR
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import uuid

hillcoach, examples, data = sys.argv[1:4]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def get(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.status, r.read()


def upload(url, name, body):
    boundary = uuid.uuid4().hex
    payload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
               f"Content-Type: application/octet-stream\r\n\r\n").encode() + body + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(url + "api/import", data=payload, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


example_files = sorted(f for f in os.listdir(examples) if f.endswith((".gpx", ".tcx", ".fit", ".gz")))
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "history.db")
    imported = subprocess.run([hillcoach, "import", "--db", db, examples], capture_output=True, text=True)
    check(imported.returncode == 0, f"import exit {imported.returncode}: {imported.stderr}")
    stored = subprocess.run([hillcoach, "list", "--db", db, "--json"], capture_output=True, text=True).stdout
    stored_count = len(stored.splitlines())
    stored_names = sorted(json.loads(line)["name"] for line in stored.splitlines())
    check(stored_count == len(example_files), f"{stored_count} stored, {len(example_files)} example files")

    both = subprocess.run([hillcoach, "serve", "--db", db, "--port", "0", examples], capture_output=True, text=True)
    check(both.returncode == 2 and "not both" in both.stderr, f"--db with PATHs: exit {both.returncode}")

    server = subprocess.Popen([hillcoach, "serve", "--db", db, "--port", "0", "--json", "--time-zone", "UTC"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        started = json.loads(server.stdout.readline())
        url = started["url"]
        check(started["activities"] == stored_count, f"serve says {started['activities']} activities")
        check(started["database"] == os.path.abspath(db), f"database {started['database']}")

        listed = json.loads(get(url + "api/activities")[1])["activities"]
        check(len(listed) == stored_count, f"/api/activities lists {len(listed)} of {stored_count}")
        titles = sorted(a["title"] for a in listed)
        # The store keeps a file's own name; the list titles an unnamed activity by its file name.
        check(all(titles) and len(titles) == len(stored_names), f"listed names {titles}")
        for name in filter(None, stored_names):
            check(name in titles, f"{name} not listed")
        check(sorted(a["id"] for a in listed) == list(range(1, stored_count + 1)), "ids are not the store's")

        weeks = json.loads(get(url + "api/weeks")[1])["weeks"]
        check(len(weeks) >= 5, f"{len(weeks)} weeks")
        check(sum(w["activities"] for w in weeks) == stored_count, "weeks do not count every activity")

        # The climb library: one builder behind `climbs --json` and /api/climbs, so the same store and zone give
        # the same places with the same keys and values, most-run first.
        cli_climbs = subprocess.run([hillcoach, "climbs", "--db", db, "--json", "--limit", "0", "--tz", "UTC"],
                                    capture_output=True, text=True)
        check(cli_climbs.returncode == 0, f"climbs exit {cli_climbs.returncode}: {cli_climbs.stderr}")
        served_climbs = json.loads(get(url + "api/climbs")[1])
        check(served_climbs["time_zone"] == "UTC", f"/api/climbs time_zone {served_climbs['time_zone']}")
        check(len(served_climbs["climbs"]) >= 1, "no climbs in the examples")
        check(served_climbs["climbs"] == json.loads(cli_climbs.stdout or "null"),
              "/api/climbs is not what `hillcoach climbs --json --limit 0` prints for the same store")
        check(all(list(c["start"]) == ["lat", "lon"] for c in served_climbs["climbs"]), "positions not {lat, lon}")

        # The plan view: none before `plan --db`, then the saved plan, read again on each request.
        status = json.loads(get(url + "api/status")[1])
        check(status["features"]["plan"] is False, f"plan feature before any plan: {status['features']}")
        try:
            get(url + "api/plan")
            check(False, "/api/plan answered without a saved plan")
        except urllib.error.HTTPError as e:
            check(e.code == 404 and "no saved plan" in json.loads(e.read())["error"]["message"], f"/api/plan: {e.code}")
        made = subprocess.run([hillcoach, "plan", "--db", db, "--start", "2026-04-13", "--weeks", "6", "--today",
                               "2026-04-13", "--json"], capture_output=True, text=True)
        check(made.returncode == 0, f"plan --db exit {made.returncode}: {made.stderr}")
        status = json.loads(get(url + "api/status")[1])
        check(status["features"]["plan"] is True, f"plan feature after plan --db: {status['features']}")
        served = json.loads(get(url + "api/plan")[1])
        check(served["weeks"] == json.loads(made.stdout)["weeks"], "/api/plan is not the saved plan")

        some = listed[0]["id"]
        detail = json.loads(get(url + f"api/activities/{some}")[1])
        check(detail["id"] == some and detail["distance_m"] > 1000, f"detail of {some}: {detail.get('distance_m')}")
        status, svg = get(url + f"api/activities/{some}/charts/elevation.svg")
        check(status == 200 and svg.lstrip().startswith(b"<svg"), "no elevation chart")

        with open(os.path.join(data, "io", "gpx", "multi_segment.gpx"), "rb") as f:
            body = f.read()
        first = upload(url, "../../etc/multi_segment.gpx", body)["imported"]
        check(len(first) == 1 and first[0]["new"] and first[0]["id"] == stored_count + 1, f"upload: {first}")
        check(first[0]["source"].startswith(os.path.abspath(db) + ".uploads/"), f"kept as {first[0]['source']}")
        again = upload(url, "multi_segment.gpx", body)["imported"]
        check(len(again) == 1 and not again[0]["new"] and again[0]["id"] == first[0]["id"], f"again: {again}")
        listed = json.loads(get(url + "api/activities")[1])["activities"]
        check(len(listed) == stored_count + 1, f"after the upload {len(listed)} listed")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    check(server.returncode == 0, f"serve exit {server.returncode}: {server.stderr.read()}")
    after = subprocess.run([hillcoach, "list", "--db", db, "--json"], capture_output=True, text=True).stdout
    check(len(after.splitlines()) == stored_count + 1, "the upload is not in the store after the server stopped")
    check(len(os.listdir(db + ".uploads")) == 1, f"uploads folder: {os.listdir(db + '.uploads')}")

for f in failures:
    print("FAIL:", f)
print("ok" if not failures else f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
