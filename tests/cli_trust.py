#!/usr/bin/env python3
"""Trust (issue 12): hostile input must not inject into any output, lose
data silently, or hold resources without bound, and the outputs must be
read without defects by the clients people use.

One case per behaviour; each names what it checks. Runs $FRISE (prefixed
by $FRISE_WRAPPER, e.g. valgrind, when set) on inputs made in a temporary
folder, with the clock pinned. Prints TAP."""
import json
import os
import re
import shlex
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

FRISE = os.path.abspath(os.environ.get("FRISE", "build/frise"))
ROOT = os.environ.get("FRISE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
WRAPPER = shlex.split(os.environ.get("FRISE_WRAPPER", ""))
SEEDS = os.path.join(ROOT, "articles")
TMP = tempfile.mkdtemp(prefix="frise-cli-trust-")
ENV = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1732665600"), TZ="UTC")

results = []


def run(*args, stdin=b"", timeout=120, env=None, preexec=None):
    """Runs frise; returns (exit code, stdout bytes, stderr text)."""
    p = subprocess.run(WRAPPER + [FRISE, *args], input=stdin, capture_output=True, timeout=timeout,
                       env=env or ENV, preexec_fn=preexec)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def write(name, data):
    path = os.path.join(TMP, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def jsonl(name, records):
    return write(name, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def case(name):
    def wrap(fn):
        try:
            fn()
            results.append((True, name, ""))
        except AssertionError as e:
            results.append((False, name, str(e)))
        except Exception as e:  # a crash of the test itself is a failure too
            results.append((False, name, "%s: %s" % (type(e).__name__, e)))
        return fn
    return wrap


def vevents(ics):
    import icalendar
    cal = icalendar.Calendar.from_ical(ics)
    return [c for c in cal.walk() if c.name == "VEVENT"]


def unfolded(ics):
    """The lines of a calendar, unfolded, split at any line break a client
    might honour (CR LF, a lone CR, a lone LF)."""
    return re.split(rb"\r\n|\r|\n", ics.replace(b"\r\n ", b""))


# ---------------------------------------------------------------- item 1

EVIL_URL = ("https://x.org/a\nEND:VEVENT\nBEGIN:VEVENT\nUID:attacker@evil\nSUMMARY:pwned\n"
            "DTSTART:20240101\nEND:VEVENT\nBEGIN:VEVENT\nX-A:b")


@case("1: a JSONL url with line breaks writes no VEVENT of its own into timeline.ics")
def _():
    src = jsonl("url/a.jsonl", [{"id": "a", "text": "Le 3 mars 2024, OpenAI a annoncé un modèle.",
                                 "published": "2024-03-04", "url": EVIL_URL}])
    out = os.path.join(TMP, "url/out-a")
    rc, _, err = run("build", "-q", "--jsonl", src, "-o", out)
    assert rc == 0, err
    ics = open(os.path.join(out, "timeline.ics"), "rb").read()
    lines = unfolded(ics)
    assert lines.count(b"BEGIN:VEVENT") == 1, ics.decode()
    assert not any(l.startswith(b"UID:attacker") for l in lines), ics.decode()
    ev = vevents(ics)
    assert len(ev) == 1 and str(ev[0]["URL"]).startswith("https://x.org/a%0AEND:VEVENT"), ev[0].get("URL")


@case("1: a front-matter url with lone CRs writes no VEVENT of its own")
def _():
    src = write("url/b.md", "---\ntitle: B\ndate: 2024-03-05\nurl: https://x.org/b\rEND:VEVENT\r"
                "BEGIN:VEVENT\rUID:evil2\r\n---\nLe 4 mars 2024, Google a publié un rapport.\n")
    out = os.path.join(TMP, "url/out-b")
    rc, _, err = run("build", "-q", src, "-o", out)
    assert rc == 0, err
    ics = open(os.path.join(out, "timeline.ics"), "rb").read()
    lines = unfolded(ics)
    assert lines.count(b"BEGIN:VEVENT") == 1 and b"UID:evil2" not in lines, ics.decode()
    assert len(vevents(ics)) == 1


@case("1: only http(s) URLs are kept as links; spaces and quotes are percent-encoded")
def _():
    src = jsonl("url/c.jsonl", [
        {"id": "js", "text": "Le 3 mars 2024, OpenAI a annoncé un modèle.", "published": "2024-03-04",
         "url": "javascript:alert(1)"},
        {"id": "sp", "text": "Le 5 mars 2024, Google a publié un rapport.", "published": "2024-03-06",
         "url": ' https://x.org/a b"c<d> '},
    ])
    rc, out, err = run("articles", "--json", "--jsonl", src)
    assert rc == 0, err
    urls = {a["id"]: a["url"] for a in json.loads(out)}
    assert urls == {"js": None, "sp": "https://x.org/a%20b%22c%3Cd%3E"}, urls


def main():
    print("1..%d" % len(results))
    for i, (ok, name, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:12]:
                print("#   " + line)
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)


if __name__ == "__main__":
    main()
