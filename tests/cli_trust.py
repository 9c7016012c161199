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
WEB = os.path.join(ROOT, "tests", "web")
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


ONLY = os.environ.get("TRUST_ONLY")  # a regular expression: run only the cases it finds


def case(name):
    def wrap(fn):
        if ONLY and not re.search(ONLY, name):
            return fn
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


# ---------------------------------------------------------------- item 11

def seed_store():
    """A store of the seed articles, made once."""
    db = os.path.join(TMP, "seeds.db")
    if not os.path.exists(db):
        rc, _, err = run("ingest", "-q", "--store", db, SEEDS)
        assert rc == 0, err
    return db


@case("11: -o through a symbolic link replaces the file it names and keeps the link")
def _():
    db = seed_store()
    d = os.path.join(TMP, "o-link")
    os.makedirs(d)
    real = os.path.join(d, "real.json")
    open(real, "w").write("old")
    os.symlink("real.json", os.path.join(d, "link.json"))
    rc, _, err = run("render", "--store", db, "-f", "json", "-o", os.path.join(d, "link.json"))
    assert rc == 0, err
    assert os.path.islink(os.path.join(d, "link.json")), "the link was replaced by a file"
    assert json.load(open(real))["format"] == "frise-timeline"
    os.symlink("new.json", os.path.join(d, "dangling.json"))
    rc, _, err = run("render", "--store", db, "-f", "json", "-o", os.path.join(d, "dangling.json"))
    assert rc == 0 and os.path.islink(os.path.join(d, "dangling.json")), err
    assert json.load(open(os.path.join(d, "new.json")))["format"] == "frise-timeline"
    assert sorted(os.listdir(d)) == ["dangling.json", "link.json", "new.json", "real.json"], os.listdir(d)


@case("11: -o keeps the mode of the file it replaces (0600 stays 0600)")
def _():
    db = seed_store()
    path = os.path.join(TMP, "private.json")
    open(path, "w").write("old")
    os.chmod(path, 0o600)
    rc, _, err = run("render", "--store", db, "-f", "json", "-o", path)
    assert rc == 0, err
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, oct(os.stat(path).st_mode)
    assert open(path).read() != "old"


@case("11: -o a FIFO writes into it (a reader gets the JSON) and leaves it a FIFO")
def _():
    db = seed_store()
    fifo = os.path.join(TMP, "out.fifo")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    try:
        rc, _, err = run("render", "--store", db, "-f", "json", "-o", fifo, timeout=60)
        got = reader.communicate(timeout=20)[0]
    finally:
        reader.kill()  # a frise that replaced the FIFO left it waiting
        reader.wait()
    assert rc == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced"
    assert json.loads(got)["format"] == "frise-timeline"
    assert not [n for n in os.listdir(TMP) if n.startswith("out.fifo.")], os.listdir(TMP)


@case("11: -o a character device writes into it, never replaces it")
def _():
    dev = os.path.join(TMP, "null")
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        return  # not root: /dev/null itself is safe to use then
    db = seed_store()
    # the real /dev/null only once a device node of our own survived
    for target in (dev, "/dev/null"):
        rc, _, err = run("render", "--store", db, "-f", "json", "-o", target)
        assert rc == 0, err
        assert stat.S_ISCHR(os.lstat(target).st_mode), "%s was replaced" % target


@case("11: -o - is standard output")
def _():
    db = seed_store()
    rc, out, err = run("render", "--store", db, "-f", "json", "-o", "-")
    assert rc == 0 and json.loads(out)["format"] == "frise-timeline", err
    assert not os.path.exists("-")


# ---------------------------------------------------------------- item 13

OUT_FILES = ["index.html", "timeline.ics", "timeline.json", "timeline.png", "timeline.svg", "timelinejs.json"]


def fill_old(out):
    os.makedirs(out, exist_ok=True)
    for n in OUT_FILES:
        open(os.path.join(out, n), "w").write("old " + n)


def state(out):
    """'old' when every file is the previous build's, 'new' when none is."""
    old = [open(os.path.join(out, n), "rb").read() == ("old " + n).encode() for n in OUT_FILES]
    return "old" if all(old) else "new" if not any(old) else "mixed %r" % old


def many_articles(name, n):
    """n articles that stay n events: each names its own company, model and
    place (words the merge compares; numbers alone made main merge the
    announcements of one month into one event)."""
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre"]
    syl = ["ba", "ko", "ri", "tu", "ne", "sa", "lo", "mi", "pe", "du"]

    def word(i, salt):
        return "".join(syl[int(d)] for d in str(i * 7 + salt)).capitalize() + "x"
    return jsonl(name, [{"id": "m%d" % i, "published": "2024-12-01", "lang": "fr",
                         "text": "Le %d %s %d, la société %s a présenté le modèle %s à %s."
                                 % (1 + i % 28, months[i % 12], 1990 + i % 34, word(i, 1), word(i, 3), word(i, 5))}
                        for i in range(n)])


@case("13: a build whose PNG is refused exits 5 and replaces none of the previous build's files")
def _():
    src = many_articles("set/many.jsonl", 1200)
    out = os.path.join(TMP, "set/out-png")
    fill_old(out)
    rc, _, err = run("build", "--jsonl", src, "--image-top", "0", "-o", out, timeout=300)
    assert rc == 5 and "timeline.png" in err and "nothing" in err, "%d %s" % (rc, err)
    assert state(out) == "old", state(out)
    assert sorted(os.listdir(out)) == OUT_FILES, os.listdir(out)


@case("13: a build that cannot write one file (a folder in its place) replaces none (exit 4)")
def _():
    out = os.path.join(TMP, "set/out-dir")
    fill_old(out)
    os.unlink(os.path.join(out, "timeline.svg"))
    os.mkdir(os.path.join(out, "timeline.svg"))
    rc, _, err = run("build", SEEDS, "-o", out)
    assert rc == 4 and "timeline.svg" in err, "%d %s" % (rc, err)
    others = [n for n in OUT_FILES if n != "timeline.svg"]
    assert all(open(os.path.join(out, n)).read() == "old " + n for n in others)
    assert sorted(os.listdir(out)) == OUT_FILES, os.listdir(out)


@case("13: under ulimit -f, a build is an output error (exit 4), leaves no temporary and no new file")
def _():
    import resource

    def limit():  # the store (115 KB) fits, timeline.svg (400 KB) does not
        resource.setrlimit(resource.RLIMIT_FSIZE, (200000, 200000))
    db = seed_store()
    out = os.path.join(TMP, "set/out-fsize")
    fill_old(out)
    tmp = os.path.join(TMP, "set/tmp-fsize")
    os.makedirs(tmp)
    rc, _, err = run("build", "--store", db, SEEDS, "-o", out, env=dict(ENV, TMPDIR=tmp), preexec=limit)
    assert rc == 4 and "too large" in err, "%d %s" % (rc, err)
    assert state(out) == "old" and sorted(os.listdir(out)) == OUT_FILES, os.listdir(out)
    assert os.listdir(tmp) == [], os.listdir(tmp)


@case("13: SIGINT/SIGTERM during a build: the output folder is all old or all new, no temporary left")
def _():
    src = many_articles("set/sig.jsonl", 600)
    out = os.path.join(TMP, "set/out-sig")
    tmp = os.path.join(TMP, "set/tmp-sig")
    os.makedirs(tmp)
    seen = set()
    for i, delay in enumerate([0.05, 0.2, 0.4, 0.7, 1.0, 1.5, 2.0, 3.0]):
        fill_old(out)
        p = subprocess.Popen(WRAPPER + [FRISE, "build", "-q", "--jsonl", src, "-o", out],
                             env=dict(ENV, TMPDIR=tmp), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGTERM if i % 2 else signal.SIGINT)
        rc = p.wait(timeout=120)
        st = state(out)
        seen.add(st)
        assert st in ("old", "new"), "after %.2fs: %s" % (delay, st)
        assert sorted(os.listdir(out)) == OUT_FILES, "after %.2fs: %r" % (delay, os.listdir(out))
        assert os.listdir(tmp) == [], "after %.2fs (exit %d): %r" % (delay, rc, os.listdir(tmp))
    assert "old" in seen, seen


# ---------------------------------------------------------------- item 16

@case("16: a FIFO named x.txt (or z.html, a web page's name) in an input folder is not read (the reader never blocks on it)")
def _():
    d = os.path.join(TMP, "fifo-dir")
    os.makedirs(d)
    open(os.path.join(d, "a.txt"), "w").write(" date 2024-03-04 Le 3 mars 2024, OpenAI a annoncé un modèle.\n")
    os.mkfifo(os.path.join(d, "x.txt"))
    os.mkfifo(os.path.join(d, "y.jsonl"))
    os.mkfifo(os.path.join(d, "z.html"))
    rc, out, err = run("articles", d, timeout=30)
    assert rc == 0 and out.decode().startswith("a.txt\n") and "x.txt" not in out.decode() and \
        "z.html" not in out.decode(), "%d %s %s" % (rc, out, err)
    rc, out, err = run("articles", "--jsonl", d, timeout=30)
    assert rc == 1 and "no *.jsonl file" in err, "%d %s" % (rc, err)
    rc, out, err = run("build", "-q", d, "-o", os.path.join(TMP, "fifo-out"), timeout=60)
    assert rc == 0, err


# ---------------------------------------------------------------- item 17

@case("17: --templates fed by an endless stream is a limit error (exit 5), not all the memory")
def _():
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        t0 = time.time()
        p = subprocess.run(WRAPPER + [FRISE, "ingest", "--store", os.path.join(TMP, "tpl.db"),
                                      "--templates", "/dev/stdin", SEEDS],
                           stdin=yes.stdout, capture_output=True, timeout=60, env=ENV)
    finally:
        yes.kill()
        yes.wait()
    err = p.stderr.decode()
    assert p.returncode == 5 and "/dev/stdin" in err and "limit" in err, "%d %s" % (p.returncode, err)
    assert time.time() - t0 < 30


# ---------------------------------------------------------------- item 12

def foreign_db(name, sql, version=0):
    path = os.path.join(TMP, name)
    con = sqlite3.connect(path)
    con.executescript(sql)
    con.execute("PRAGMA user_version = %d" % version)
    con.commit()
    con.close()
    return path


@case("12: another program's SQLite file (its own 'articles' table) is refused untouched, never adopted")
def _():
    for name, sql, version in [
            ("foreign-articles.db", "CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT);"
                                    "INSERT INTO articles (body) VALUES ('mine');", 0),
            ("foreign-notes.db", "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('keep');", 3),
            ("foreign-version.db", "", 1)]:
        path = foreign_db(name, sql, version)
        before = open(path, "rb").read()
        for args in (["ingest", "--store", path, SEEDS], ["events", "--store", path],
                     ["render", "--store", path, "-f", "json"], ["build", "--store", path, SEEDS, "-o",
                                                                os.path.join(TMP, "foreign-out")]):
            rc, _, err = run(*args)
            assert rc == 3 and "not a frise store" in err and path in err, "%s %s: %d %s" % (name, args[0], rc, err)
        assert open(path, "rb").read() == before, "%s was changed" % name
        assert sorted(os.listdir(TMP)).count(name + "-wal") == 0


@case("12: a store made before application_id (version 1, frise's tables) is read and then stamped")
def _():
    db = os.path.join(TMP, "legacy.db")
    rc, _, err = run("ingest", "-q", "--store", db, SEEDS)
    assert rc == 0, err
    n = len(json.loads(run("events", "--store", db, "--json")[1]))
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA application_id").fetchone()[0] == 0x46726973
    con.execute("PRAGMA application_id = 0")
    con.commit()
    con.close()
    rc, out, err = run("events", "--store", db, "--json")
    assert rc == 0 and len(json.loads(out)) == n > 0, err
    rc, _, err = run("ingest", "-q", "--store", db, SEEDS)
    assert rc == 0, err
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA application_id").fetchone()[0] == 0x46726973
    con.close()


def as_other_user():
    """The preexec that drops root (root ignores file modes); None when not root."""
    if os.geteuid() != 0:
        return None

    def drop():
        os.setgid(65534)
        os.setuid(65534)
    return drop


@case("12: a read-only store (mode 444; read-only folder) can be listed and rendered, not written")
def _():
    base = tempfile.mkdtemp(prefix="frise-ro-")
    os.chmod(base, 0o755)
    rc, _, err = run("ingest", "-q", "--store", os.path.join(base, "ro.db"), SEEDS)
    assert rc == 0, err
    n = len(json.loads(run("events", "--store", os.path.join(base, "ro.db"), "--json")[1]))
    os.makedirs(os.path.join(base, "ro-folder"))
    os.rename(os.path.join(base, "ro.db"), os.path.join(base, "ro-folder", "s.db"))
    # (a) the file is 444 in a folder anyone may write: SQLite makes its -shm there
    os.makedirs(os.path.join(base, "rw-folder"))
    os.chmod(os.path.join(base, "rw-folder"), 0o777)
    import shutil
    shutil.copy(os.path.join(base, "ro-folder", "s.db"), os.path.join(base, "rw-folder", "s.db"))
    os.chmod(os.path.join(base, "rw-folder", "s.db"), 0o444)
    # (b) the folder is 555 and the file 644: no -wal nor -shm can be made
    os.chmod(os.path.join(base, "ro-folder", "s.db"), 0o644)
    os.chmod(os.path.join(base, "ro-folder"), 0o555)
    drop = as_other_user()
    for db in (os.path.join(base, "rw-folder", "s.db"), os.path.join(base, "ro-folder", "s.db")):
        before = open(db, "rb").read()
        rc, out, err = run("events", "--store", db, "--json", preexec=drop)
        assert rc == 0 and len(json.loads(out)) == n > 0, "%s: %d %s" % (db, rc, err)
        rc, out, err = run("events", "--store", db, "articles", preexec=drop)
        assert rc == 0 and out.count(b"mentions") == 5, "%s: %d %s" % (db, rc, err)
        rc, out, err = run("articles", "--store", db, preexec=drop)
        assert rc == 0 and out.count(b"mentions") == 5, "%s: %d %s" % (db, rc, err)
        for fmt in ("json", "ics", "svg"):
            rc, out, err = run("render", "--store", db, "-f", fmt, preexec=drop)
            assert rc == 0 and len(out) > 1000, "%s %s: %d %s" % (db, fmt, rc, err)
        rc, _, err = run("ingest", "--store", db, SEEDS, preexec=drop)
        assert rc == 3 and db in err, "%s: %d %s" % (db, rc, err)
        events = json.loads(run("events", "--store", db, "--json", preexec=drop)[1])
        rc, _, err = run("events", "--store", db, "edit", events[0]["id"], "--title", "x", preexec=drop)
        assert rc == 3 and "read-only" in err, "%s: %d %s" % (db, rc, err)
        assert open(db, "rb").read() == before
    os.chmod(os.path.join(base, "ro-folder"), 0o755)


# ---------------------------------------------------------------- items 15 and 5: JSON Lines

GOOD = "Le 3 mars 2024, OpenAI a annoncé un modèle."


def feed(cmd, timeout=60):
    """Runs `frise articles --jsonl ... -` on the output of the shell command `cmd`."""
    src = subprocess.Popen(["sh", "-c", cmd], stdout=subprocess.PIPE)
    try:
        t0 = time.time()
        p = subprocess.run(WRAPPER + [FRISE, "articles", "--jsonl", "--max-size", "1", "--max-files", "1000", "-"],
                           stdin=src.stdout, capture_output=True, timeout=timeout, env=ENV)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), time.time() - t0
    finally:
        src.kill()
        src.wait()


@case("15: articles --jsonl /dev/zero ends at once: a NUL byte is no JSON Lines")
def _():
    rc, out, err = run("articles", "--jsonl", "/dev/zero", timeout=30)
    assert rc == 1 and "/dev/zero:1: NUL byte at byte 0" in err, "%d %s" % (rc, err)


@case("15: an endless JSONL stream stops at record max+1 of --max-files (exit 5), line number said")
def _():
    rc, out, err, took = feed("yes '{\"text\": \"%s\"}'" % GOOD)
    assert rc == 5 and "-:1001: more than 1000 articles" in err and out == b"", "%d %s" % (rc, err[-300:])


@case("15: a JSONL line over --max-size is skipped (exit 5) unheld; one that never ends ends the stream")
def _():
    rc, out, err, took = feed("yes x | tr -d '\\n'")
    assert rc == 5 and "-:1: a line that does not end" in err, "%d %s" % (rc, err[-300:])
    big = jsonl("jl/big.jsonl", [{"id": "a", "text": GOOD}, {"id": "big", "text": "x " * 600000},
                                 {"id": "c", "text": GOOD}])
    rc, out, err = run("articles", "--jsonl", "--max-size", "1", big)
    assert rc == 5 and ":2: a line of 1200025 bytes, longer than the 1 MiB" in err and \
        out.startswith(b"a\n") and b"\nc\n" in out, "%d %s %s" % (rc, out, err)


@case("15: a NUL byte inside a JSONL line is refused")
def _():
    path = write("jl/nul.jsonl", b'{"id": "a", "text": "' + GOOD.encode() + b'"}\n{"id": "b", "text": "x\x00y"}\n')
    rc, out, err = run("articles", "--jsonl", path)
    assert rc == 1 and ":2: NUL byte" in err and out.startswith(b"a\n"), "%d %s" % (rc, err)


@case("5: invalid UTF-8 in any JSONL string member is an error naming file:line and the member")
def _():
    for member in ("title", "url", "id", "source", "text", "html"):
        rec = {"id": "b", "text": GOOD} if member != "html" else {"id": "b"}
        rec[member] = "ab\udcffcd"  # a lone byte 0xFF once encoded with surrogateescape
        if member == "html":  # a web page instead of a text
            rec[member] = "<html><body><article><p>%s ab\udcffcd</p></article></body></html>" % GOOD
        line = json.dumps(rec, ensure_ascii=False).encode("utf-8", "surrogateescape")
        assert b"\xff" in line
        path = write("jl/bad-%s.jsonl" % member, line + b"\n")
        rc, out, err = run("articles", "--jsonl", path)
        assert rc == 1 and ('bad-%s.jsonl:1: "%s": invalid UTF-8' % (member, member)) in err, \
            "%s: %d %s" % (member, rc, err)
        rc, out, err = run("articles", "--json", "--jsonl", "--lossy", path)
        assert rc == 0, "%s --lossy: %d %s" % (member, rc, err)
        json.loads(out)  # valid JSON out


@case("5: with --lossy, invalid UTF-8 in a title is replaced and every output parses")
def _():
    path = write("jl/lossy.jsonl", b'{"id": "t", "published": "2024-03-04", "title": "Ti\xfftre", "text": "'
                 + GOOD.encode() + b'"}\n')
    out = os.path.join(TMP, "jl/lossy-out")
    rc, _, err = run("build", "-q", "--jsonl", "--lossy", path, "-o", out)
    assert rc == 0, err
    for name in ("timeline.json", "timelinejs.json"):
        doc = json.load(open(os.path.join(out, name), encoding="utf-8"))
        assert "Ti\ufffdtre" in json.dumps(doc, ensure_ascii=False), name
    assert len(vevents(open(os.path.join(out, "timeline.ics"), "rb").read())) == 1


@case("5: \\u0000 in a JSONL text is refused, not a silently shortened article")
def _():
    path = write("jl/u0000.jsonl", '{"id": "z", "text": "Le 3 mars 2024,\\u0000 OpenAI a annoncé un modèle."}\n')
    rc, out, err = run("articles", "--jsonl", "--lossy", path)
    assert rc == 1 and 'u0000.jsonl:1: "text": NUL character (\\u0000)' in err, "%d %s" % (rc, err)


# ---------------------------------------------------------------- small exit-code and message defects

@case("small: a lone surrogate escape is named (try --lossy), and --lossy replaces it")
def _():
    path = write("jl/sur.jsonl", '{"id": "s", "text": "Le 3 mars 2024, \\ud800 OpenAI a annoncé un modèle."}\n')
    rc, out, err = run("articles", "--jsonl", path)
    assert rc == 1 and '"text": lone surrogate \\ud800' in err and "--lossy" in err, "%d %s" % (rc, err)
    rc, out, err = run("tag", "--jsonl", "--lossy", "--dct", "2024-03-04", path)
    assert rc == 0 and "2024-03-03" in out.decode(), "%d %s" % (rc, err)


@case("small: JSON nested past cJSON's limit is a limit error, not 'not valid JSON'")
def _():
    path = write("jl/deep.jsonl", '{"text": "%s", "x": %s1%s}\n' % (GOOD, "[" * 1200, "]" * 1200))
    rc, out, err = run("articles", "--jsonl", path)
    assert rc == 5 and "nested deeper than 1000 levels" in err, "%d %s" % (rc, err)


@case("small: text after the object, a duplicate 'text' and an unknown 'lang' are errors")
def _():
    for name, line, what in [
            ("after", '{"text": "%s"} {"text": "x"}' % GOOD, "text after the JSON object (at column"),
            ("dup", '{"text": "%s", "text": "autre"}' % GOOD, '"text" given twice'),
            ("duphtml", '{"html": "<p>%s</p>", "html": "<p>autre</p>"}' % GOOD, '"html" given twice'),
            ("lang", '{"text": "%s", "lang": "de"}' % GOOD, "\"lang\": 'de' is not fr or en")]:
        path = write("jl/%s.jsonl" % name, line + "\n")
        rc, out, err = run("articles", "--jsonl", path)
        assert rc == 1 and (name + ".jsonl:1: " + what) in err, "%s: %d %s" % (name, rc, err)
    path = write("jl/region.jsonl", '{"text": "%s", "lang": "fr-CA"}\n' % GOOD)
    rc, out, err = run("articles", "--jsonl", path)
    assert rc == 0 and "language   fr" in out.decode(), "%d %s" % (rc, err)


@case("small: the published date's error states the range accepted")
def _():
    path = write("jl/y3000.jsonl", '{"text": "%s", "published": "3024-01-01"}\n' % GOOD)
    rc, out, err = run("articles", "--jsonl", path)
    assert rc == 1 and "years 1000 to 2999" in err, "%d %s" % (rc, err)
    rc, out, err = run("articles", "--dct", "0999", path)
    assert rc == 2 and "years 1000 to 2999" in err, "%d %s" % (rc, err)


@case("small: one file over --max-size beside a good one exits 5 (the limit), the good one still read")
def _():
    good = write("ms/good.txt", " date 2024-03-04 " + GOOD + "\n")
    big = write("ms/big.txt", " date 2024-03-04 " + "x " * 700000 + "\n")
    rc, out, err = run("articles", "--max-size", "1", good, big)
    assert rc == 5 and out.startswith(b"good.txt\n") and "big.txt" in err, "%d %s" % (rc, err)


@case("small: 'frise tag -- --weird.txt' reads the file '--weird.txt'; '--' is no file")
def _():
    d = os.path.join(TMP, "dashdash")
    os.makedirs(d)
    open(os.path.join(d, "--weird.txt"), "w").write(" date 2024-03-04 " + GOOD + "\n")
    p = subprocess.run(WRAPPER + [FRISE, "tag", "--", "--weird.txt"], cwd=d, capture_output=True, env=ENV)
    assert p.returncode == 0 and b"2024-03-03" in p.stdout and b"--:" not in p.stderr, p.stderr
    p = subprocess.run(WRAPPER + [FRISE, "articles", "-q", "--", "--weird.txt"], cwd=d, capture_output=True, env=ENV)
    assert p.returncode == 0 and p.stdout.startswith(b"--weird.txt\n"), p.stderr


@case("small: 'frise events frobnicate' is a usage error (exit 2), with or without a store")
def _():
    for args in (["events", "frobnicate"], ["events", "--store", seed_store(), "frobnicate"]):
        rc, _, err = run(*args)
        assert rc == 2 and "unknown action 'frobnicate'" in err, "%d %s" % (rc, err)


@case("small: --max-size 0, --max-files 0, --scale nan/0.0001/inf and --width 0 are usage errors")
def _():
    good = write("ms/g2.txt", " date 2024-03-04 " + GOOD + "\n")
    for args in (["articles", "--max-size", "0", good], ["articles", "--max-size", "x", good],
                 ["tag", "--max-size", "0", "--dct", "2024-01-01", "--lang", "fr", good],
                 ["articles", "--max-files", "0", good]):
        rc, _, err = run(*args)
        assert rc == 2 and "--max-" in err, "%s: %d %s" % (args, rc, err)
    db = seed_store()
    for opt, v in (("--scale", "nan"), ("--scale", "0.0001"), ("--scale", "inf"), ("--scale", "17"),
                   ("--width", "0"), ("--width", "12x")):
        rc, _, err = run("render", "--store", db, "-f", "png", opt, v, "-o", os.path.join(TMP, "s.png"))
        assert rc == 2 and opt in err, "%s %s: %d %s" % (opt, v, rc, err)
    rc, out, err = run("render", "--store", db, "-f", "png", "--scale", "0.5", "--width", "800")
    assert rc == 0 and out[16:24] == (400).to_bytes(4, "big") + out[20:24], err


# ---------------------------------------------------------------- item 2

@case("2: a --templates label with markup reaches timelinejs.json's group escaped")
def _():
    tpl = write("tpl/evil.json", json.dumps({"version": 1, "types": [
        {"id": "leak", "label": {"fr": "<img src=x onerror=alert(1)>Fuite", "en": "<b>Leak</b>"},
         "colour": "#D55E00", "triggers": {"fr": ["fuite"], "en": ["leak"]}}]}))
    src = write("tpl/a.txt", " date 2024-03-04 Le 3 mars 2024, une fuite de données a eu lieu dans la société.\n")
    # (no verb of saying: main types "a révélé" as a statement, whatever it reveals)
    out = os.path.join(TMP, "tpl/out")
    rc, _, err = run("build", "-q", "--templates", tpl, src, "-o", out)
    assert rc == 0, err
    tl = json.load(open(os.path.join(out, "timelinejs.json")))
    groups = [e["group"] for e in tl["events"]]
    assert groups and all("<" not in g for g in groups) and "&lt;img src=x onerror=alert(1)&gt;Fuite" in groups, groups


# ---------------------------------------------------------------- item 6

def icaljs(path):
    """What ical.js (tests/web/ics.mjs) reads in a calendar; installs it when missing."""
    if not os.path.isdir(os.path.join(WEB, "node_modules", "ical.js")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=WEB,
                       capture_output=True, timeout=240)
    p = subprocess.run(["node", os.path.join(WEB, "ics.mjs"), path], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout)


@case("6: a category with a comma stays one category (ical.js), X-WR-CALNAME is escaped TEXT, no METHOD")
def _():
    title = 'Sora, Hollywood; et "le reste"'
    src = jsonl("ics/a.jsonl", [{"id": "a", "published": "2024-03-04", "lang": "fr",
                                 "url": 'https://x.org/a"b', "text": "Le 3 mars 2024, le New York Times a "
                                 "déposé une plainte contre OpenAI devant le tribunal."}])
    out = os.path.join(TMP, "ics/out")
    rc, _, err = run("build", "-q", "--jsonl", src, "--title", title, "-o", out)
    assert rc == 0, err
    path = os.path.join(out, "timeline.ics")
    ics = open(path, "rb").read()
    assert b"METHOD" not in ics
    seen = icaljs(path)
    assert seen["calname"] == title, seen["calname"]
    cats = [c for e in seen["events"] for c in e["categories"]]
    assert cats == ["Procès, plainte"], cats
    assert [e["url"] for e in seen["events"]] == ["https://x.org/a%22b"], seen["events"]
    import icalendar
    cal = icalendar.Calendar.from_ical(ics)
    assert str(cal["X-WR-CALNAME"]) == title and str(cal["NAME"]) == title, cal["X-WR-CALNAME"]


# ---------------------------------------------------------------- item 3

CONTROLS = (b"\x1b", b"\x07", b"\x9b", b"\xc2\x9b", b"\r", b"\x08")


def no_controls(data):
    """The bytes that drive a terminal, if any are in `data` (LF and tab aside)."""
    return [c for c in CONTROLS if c in data]


@case("3: ESC/OSC/BEL/CR from an article print visibly in articles, events, events articles and warnings")
def _():
    evil = "Titre \x1b]0;pwned\x07 \x1b[2J\r faux \u009b31m fin"
    src = jsonl("esc/a.jsonl", [
        {"id": "e\x1b[31mvil", "title": evil, "published": "2024-03-04", "lang": "fr",
         "source": "Le \x1b[1mMonde", "text": "Le 3 mars 2024, OpenAI a annoncé \x1b[5m un modèle \x07 nouveau."},
        {"id": "bad\x1b]8;;x\x07", "text": "Le 3 mars 2024, \x1b[31m rien."}])
    db = os.path.join(TMP, "esc.db")
    outs = []
    for args in (["articles", "--jsonl", src], ["articles", "-v", "--jsonl", src],
                 ["ingest", "--jsonl", "--store", db, src], ["events", "--store", db],
                 ["events", "--store", db, "--explain"], ["events", "--store", db, "articles"],
                 ["articles", "--store", db], ["tag", "--jsonl", "--format", "tsv", src],
                 ["tag", "--jsonl", "--format", "timeml", src]):
        rc, out, err = run(*args)
        assert rc in (0, 1), "%s: %d %s" % (args, rc, err)
        for name, data in (("stdout", out), ("stderr", err.encode("utf-8", "surrogateescape"))):
            bad = no_controls(data)
            assert not bad, "%s %s holds %r: %r" % (args[0:2], name, bad, data[:400])
        outs.append(out + err.encode())
    text = b"".join(outs)
    assert b"\\x1b]0;pwned\\x07" in text and b"\\u009b31m" in text and b"e\\x1b[31mvil" in text, text[:600]


# ---------------------------------------------------------------- item 4

def xmllint(data):
    p = subprocess.run(["xmllint", "--noout", "-"], input=data, capture_output=True)
    return p.returncode, p.stderr.decode("utf-8", "replace")


@case("4: TimeML with U+0001, U+000B, U+001B (and --lossy bytes) is well-formed XML, text kept around them")
def _():
    body = b" date 2024-03-04 Le 3 mars\x01 2024,\x0b OpenAI \x1b[31m a annonc\xc3\xa9 un mod\xc3\xa8le le 5 avril 2024.\n"
    src = write("timeml/ctl.txt", body)
    lossy = write("timeml/lossy.txt", body.replace(b"OpenAI", b"Open\xffAI"))
    for args in (["tag", "--format", "timeml", src],                                   # through the reader
                 ["tag", "--format", "timeml", "--dct", "2024-03-04", "--lang", "fr", src],  # the fast path
                 ["tag", "--format", "timeml", "--explain", src],
                 ["tag", "--format", "timeml", "--lossy", lossy]):
        rc, out, err = run(*args)
        assert rc == 0, "%s: %d %s" % (args, rc, err)
        code, why = xmllint(out)
        assert code == 0, "%s: %s" % (args, why)
        assert b"2024-04-05" in out and b"a annonc\xc3\xa9 un mod\xc3\xa8le" in out, out


@case("4: the tag fast path refuses a NUL byte as the reader does, and its TimeML drops nothing")
def _():
    src = write("timeml/nul.txt", b" date 2024-03-04 Le 3 mars 2024\x00 OpenAI a annonc\xc3\xa9 un mod\xc3\xa8le.\n")
    for extra in ([], ["--dct", "2024-03-04", "--lang", "fr"]):
        rc, out, err = run("tag", "--format", "timeml", *extra, src)
        assert rc == 1 and "NUL byte at byte 31" in err and out == b"", "%s: %d %s %r" % (extra, rc, err, out)


# ---------------------------------------------------------------- item 20

@case("20: timeline.json of a corpus with times of day validates against templates/timeline.schema.json")
def _():
    import jsonschema
    d = os.path.join(TMP, "tod")
    write("tod/a.txt", " date 2024-03-04 Le 3 mars 2024 à 14 h 30, OpenAI a annoncé un nouveau modèle vidéo.\n"
          "Le 2 mars 2024 au soir, Google a publié un rapport sur la sécurité.\n"
          "Le 1er mars 2024 dans la matinée, Netflix a signé un accord de licence.\n")
    write("tod/b.txt", " date 2024-03-05 On Monday morning, Apple released a report at 9:30 a.m. about the launch.\n")
    out = os.path.join(TMP, "tod-out")
    rc, _, err = run("build", "-q", d, SEEDS, "-o", out)
    assert rc == 0, err
    doc = json.load(open(os.path.join(out, "timeline.json")))
    grans = {e["date"]["granularity"] for e in doc["events"]}
    assert {"part_of_day", "minute", "day", "month"} <= grans, grans
    schema = json.load(open(os.path.join(ROOT, "templates", "timeline.schema.json")))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "%d errors: %s" % (len(errors), "; ".join(e.message for e in errors[:5]))
    # the page reads the same spelling: its tables have a key for each granularity the schema allows
    page = open(os.path.join(ROOT, "templates", "timeline.html"), encoding="utf-8").read()
    assert "part_of_day" in page and "part-of-day" not in page


# ---------------------------------------------------------------- items 21, 22

def page_dom(path):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import cli_web
    assert cli_web.chromium() is not None, "no chromium (.ci/setup installs it)"
    return cli_web.dump_dom(path)


@case("22: the page highlights the top tenth of the events by score (2 of the seeds'), not every one")
def _():
    out = os.path.join(TMP, "major")
    rc, _, err = run("build", "-q", SEEDS, "-o", out)
    assert rc == 0, err
    doc = json.load(open(os.path.join(out, "timeline.json")))
    ranked = sorted(doc["events"], key=lambda e: (-e["score"], e["id"]))
    want = {e["id"] for e in ranked[:(len(ranked) + 9) // 10]}
    dom = page_dom(os.path.join(out, "index.html"))
    got = set(re.findall(r'<li class="event[^"]*\bmajor\b[^"]*" data-id="([0-9a-f]+)"', dom))
    assert len(doc["events"]) >= 10 and len(want) == 2 and got == want, "%r, want %r" % (got, want)


@case("22: the <noscript> text is in the page's language")
def _():
    for lang, words in (("fr", "Cette page a besoin de JavaScript"), ("en", "This page needs JavaScript")):
        out = os.path.join(TMP, "noscript-" + lang)
        rc, _, err = run("build", "-q", "--output-lang", lang, SEEDS, "-o", out)
        assert rc == 0, err
        page = open(os.path.join(out, "index.html"), encoding="utf-8").read()
        m = re.search(r"<noscript>(.*?)</noscript>", page, re.S)
        assert m and words in m.group(1) and ('lang="%s"' % lang) in page, (lang, m and m.group(1))


@case("21: 'avant 2025' is placed on 2024-12-31 by the calendar, both JSONs, the page and the image")
def _():
    src = write("bound/a.txt", " date 2024-06-01 OpenAI a promis de publier Sora avant 2025, selon la société.\n"
                "Le 3 mars 2024, OpenAI a présenté un modèle.\n")
    out = os.path.join(TMP, "bound/out")
    rc, _, err = run("build", "-q", src, "-o", out)
    assert rc == 0, err
    doc = json.load(open(os.path.join(out, "timeline.json")))
    bound = [e for e in doc["events"] if e["date"]["mod"] == "BEFORE" and e["date"]["value"] == "2025"]
    assert len(bound) == 1, [(e["date"]["value"], e["date"]["mod"]) for e in doc["events"]]
    b = bound[0]
    assert (b["date"]["start"], b["date"]["end"]) == ("2024-12-31", "2025-01-01"), b["date"]
    ics = [v for v in vevents(open(os.path.join(out, "timeline.ics"), "rb").read())
           if str(v["UID"]) == b["id"] + "@frise"]
    assert [v["DTSTART"].dt.isoformat() for v in ics] == ["2024-12-31"], ics
    tl = [e for e in json.load(open(os.path.join(out, "timelinejs.json")))["events"] if e["unique_id"] == b["id"]]
    assert [(e["start_date"]["year"], e["start_date"]["month"], e["start_date"]["day"]) for e in tl] == \
        [(2024, 12, 31)] and all("end_date" not in e for e in tl), tl
    dom = page_dom(os.path.join(out, "index.html"))
    years = re.split(r'<section class="year"', dom)[1:]
    holder = [y for y in years if ('data-id="%s"' % b["id"]) in y]
    assert len(holder) == 1 and re.match(r'[^>]*><h2>2024</h2>', holder[0]), holder[0][:200] if holder else dom[:300]
    # the image: test_draw.c /draw/layout/bounds (the marker sits where 2024-12-31's does)


# ---------------------------------------------------------------- item 23

@case("23: without --store, SEQUENCE/CREATED/LAST-MODIFIED come from the articles' dates, not the clock")
def _():
    outs = []
    for epoch in ("1000000000", "1732665600"):
        out = os.path.join(TMP, "stamp-" + epoch)
        rc, _, err = run("build", "-q", SEEDS, "-o", out, env=dict(ENV, SOURCE_DATE_EPOCH=epoch))
        assert rc == 0, err
        outs.append(out)
    a, b = (open(os.path.join(o, "timeline.ics"), "rb").read() for o in outs)
    strip = lambda ics: [l for l in unfolded(ics) if not l.startswith(b"DTSTAMP:")]
    assert strip(a) == strip(b), "the calendars differ beyond DTSTAMP"
    doc = json.load(open(os.path.join(outs[0], "timeline.json")))
    import datetime

    def first_day(published):  # "2024", "2024-03", "2024-03-25", an estimate's "2024-W13"
        m = re.fullmatch(r"(\d{4})-W(\d\d)", published)
        if m:
            return datetime.date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
        return (published + "-01-01")[:10] if len(published) == 4 else \
            published + "-01" if len(published) == 7 else published[:10]
    for e in doc["events"]:
        days = sorted(first_day(s["published"]) for s in e["sources"] if s["published"])
        want = (days[0] + "T00:00:00Z", days[-1] + "T00:00:00Z") if days else (None, None)
        assert (e["created"], e["modified"]) == want, (e["id"], e["created"], e["modified"], days)
        assert e["sequence"] == (len(e["sources"]) - 1 if days else 0), e
    assert any(e["sequence"] > 0 for e in doc["events"])


# ---------------------------------------------------------------- item 19 (the edit)

@case("19: 'events edit --date 2024-W53' is refused (2024 has 52 ISO weeks), 2020-W53 accepted")
def _():
    import shutil
    db = os.path.join(TMP, "edit.db")
    shutil.copy(seed_store(), db)
    ev = json.loads(run("events", "--store", db, "--json")[1])[0]["id"]
    for date, code in (("2024-W53", 2), ("2023-02-29", 2), ("2024-13", 2), ("2020-W53", 0), ("2024-02-29", 0)):
        rc, _, err = run("events", "--store", db, "edit", ev, "--date", date)
        assert rc == code, "%s: %d %s" % (date, rc, err)
        if code:
            assert date in err and "not a date" in err, err
    got = [e for e in json.loads(run("events", "--store", db, "--json")[1]) if e["id"] == ev]
    assert got and got[0]["date"]["value"] == "2024-02-29", got


# ---------------------------------------------------------------- item 18 and the PNG message

@case("18/small: the PNG limits are checked before the layout and say what --scale makes of them")
def _():
    db = os.path.join(TMP, "png.db")
    rc, _, err = run("ingest", "-q", "--jsonl", "--store", db, many_articles("png/many.jsonl", 300))
    assert rc == 0, err
    rc, _, err = run("render", "--store", db, "-f", "png", "--scale", "16", "--width", "4000",
                     "-o", os.path.join(TMP, "x.png"))
    assert rc == 5 and "4000 px wide at --scale 16 is 64000 px, more than 32767 px a side" in err, "%d %s" % (rc, err)
    # --top N: all of them (by default an image draws a page's worth, 24)
    rc, _, err = run("render", "--store", db, "-f", "png", "--scale", "4", "--layout", "vertical", "--top", "300",
                     "-o", os.path.join(TMP, "x.png"))
    assert rc == 5 and "at --scale 4 (32767 px a side: 8191 px before scaling)" in err and "more than 8191" in err, \
        "%d %s" % (rc, err)
    big = os.path.join(TMP, "png-big.db")
    rc, _, err = run("ingest", "-q", "--jsonl", "--store", big, many_articles("png/big.jsonl", 1200))
    assert rc == 0, err
    rc, _, err = run("render", "--store", big, "-f", "png", "--layout", "horizontal", "--width", "480",
                     "--top", "1200", "-o", os.path.join(TMP, "x.png"))
    assert rc == 5 and "events need a canvas at least" in err, "%d %s" % (rc, err)
    assert not os.path.exists(os.path.join(TMP, "x.png"))


# ---------------------------------------------------------------- main's paths: frise extract, ingest --candidates

def extract_line(name, record):
    """The line `frise extract` writes for one JSON Lines article, as a dict."""
    rc, out, err = run("extract", "-q", "--jsonl", jsonl("x/%s.jsonl" % name, [record]))
    assert rc == 0, err
    return json.loads(out.decode("utf-8"))


def dump(line):
    """A line as `frise extract` writes it (compact, UTF-8), bytes with its newline."""
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def store_rows(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


KOX = {"id": "kox", "published": "2024-03-04", "lang": "fr", "title": "Kox", "url": "https://x.org/kox",
       "text": "Le 3 mars 2024, la société Kox a présenté le modèle Tux à Paris."}


def bad_member(line, how):
    """`line` (a dict from extract_line) made bad as `how` says; bytes."""
    import copy
    d = copy.deepcopy(line)
    c = d["candidates"][0]
    raw = None
    if how == "date":
        c["date"]["value"] = "2024-02-31"
    elif how == "mod":
        c["date"]["mod"] = "WHATEVER"
    elif how == "key":
        c["key"] = '"><script>x</s'
    elif how == "type":
        c["type"] = "nosuchtype"
    elif how == "words":
        c["words"] = ["a\x1fb"]
    elif how == "cut":
        d["mentions"][0]["end"] = d["text"].encode().index("é".encode()) + 1  # inside é
    elif how == "hash":
        d["hash"] = "00"
    elif how == "published":
        d["published"] = "3024-01-01"
    b = dump(d)
    if how == "utf8":
        raw = b.replace(b'"title":"Kox"', b'"title":"K\xffox"')
    elif how == "nul":
        raw = b.replace(b'"text":"Le 3 mars', b'"text":"Le 3\\u0000 mars')
    elif how == "after":
        raw = b[:-1] + b' {"x":1}\n'
    elif how == "twice":
        raw = b.replace(b'"title":"Kox"', b'"title":"Kox","title":"Other"')
    assert raw is None or raw != b, how
    return raw if raw is not None else b


@case("5/1/19 (ingest --candidates): every member of a line is untrusted; a bad one is refused naming FILE:LINE and the member, nothing stored")
def _():
    good = extract_line("kox", KOX)
    for how, expect in (("date", "\"value\" '2024-02-31' is not a date"), ("mod", '"mod" \'WHATEVER\' is not a TIMEX3 mod'),
                        ("key", '"key" must be 16 lowercase hexadecimal digits'),
                        ("type", "\"type\": 'nosuchtype' is not an event type"),
                        ("words", '"words" must be an array of words'),
                        ("cut", '"mentions" cuts a character of the text in two'),
                        ("hash", '"hash" must be 64 lowercase hexadecimal digits'),
                        ("published", "\"published\" '3024-01-01' is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 1000 to 2999)"),
                        ("utf8", '"title" is not valid UTF-8'), ("nul", '"text": NUL character (\\u0000)'),
                        ("after", "text after the JSON object"), ("twice", '"title" given twice')):
        path = write("x/bad-%s.cand" % how, bad_member(good, how))
        db = os.path.join(TMP, "x/bad-%s.db" % how)
        rc, _, err = run("ingest", "-q", "--candidates", "--store", db, path)
        assert rc == 1 and ("%s:1: %s" % (path, expect)) in err, "%s: %d %s" % (how, rc, err)
        assert store_rows(db, "SELECT count(*) FROM articles") == [(0,)], how
    path = write("x/good.cand", dump(good))
    db = os.path.join(TMP, "x/good.db")
    rc, _, err = run("ingest", "-q", "--candidates", "--store", db, path)
    assert rc == 0 and store_rows(db, "SELECT id FROM articles") == [("kox",)], "%d %s" % (rc, err)


@case("1 (ingest --candidates): a line's url is kept only as a web link, as the reader keeps it")
def _():
    good = extract_line("kox-url", KOX)
    lines = b""
    for i, url in enumerate(["javascript:alert(1)", "https://x.org/a\r\nEND:VEVENT", "https://x.org/\"q\""]):
        d = dict(good, id="u%d" % i, url=url)
        lines += dump(d)
    db = os.path.join(TMP, "x/url.db")
    rc, _, err = run("ingest", "-q", "--candidates", "--store", db, write("x/url.cand", lines))
    assert rc == 0, err
    got = dict(store_rows(db, "SELECT id, url FROM articles"))
    assert got == {"u0": None, "u1": "https://x.org/a%0D%0AEND:VEVENT", "u2": "https://x.org/%22q%22"}, got


def feed_candidates(cmd, *args, timeout=120):
    """Runs `frise ingest --candidates -` on the output of the shell command `cmd`."""
    src = subprocess.Popen(["sh", "-c", cmd], stdout=subprocess.PIPE)
    try:
        os.makedirs(os.path.join(TMP, "x"), exist_ok=True)
        db = tempfile.mktemp(suffix=".db", dir=os.path.join(TMP, "x"))
        p = subprocess.run(WRAPPER + [FRISE, "ingest", "-q", "--candidates", "--store", db, *args, "-"],
                           stdin=src.stdout, capture_output=True, timeout=timeout, env=ENV)
        return p.returncode, p.stderr.decode("utf-8", "replace"), db
    finally:
        src.kill()
        src.wait()


@case("15 (ingest --candidates): bounded as the reader: an endless line ends unheld, a NUL is refused, the line past --max-files stops")
def _():
    rc, err, _ = feed_candidates("yes x | tr -d '\\n'", "--max-size", "1")
    assert rc == 5 and "-:1: a line that does not end" in err and "64 times the 1 MiB article limit" in err, \
        "%d %s" % (rc, err[-300:])
    good = dump(extract_line("kox-feed", KOX))
    path = write("x/nul.cand", good + b'{"frise-candidates":1,\x00}\n')
    rc, _, err = run("ingest", "-q", "--candidates", "--store", os.path.join(TMP, "x/nul.db"), path)
    assert rc == 1 and ("%s:2: NUL byte" % path) in err, "%d %s" % (rc, err)
    line = shlex.quote(good.decode("utf-8").rstrip("\n"))
    rc, err, db = feed_candidates("yes %s" % line, "--max-files", "1000", "--batch", "100")
    assert rc == 5 and "-:1001: more than 1000 lines" in err, "%d %s" % (rc, err[-300:])
    assert store_rows(db, "SELECT id FROM articles") == [("kox",)]  # the batches before it, committed


@case("1/5 (extract, build): a file name that is not UTF-8 gives ids and paths of text; every JSON output parses")
def _():
    folder = os.path.join(TMP, "x/names")
    os.makedirs(folder)
    with open(os.path.join(folder.encode(), b"b\xffad.txt"), "wb") as f:
        f.write("Le 3 mars 2024, la société Kox a présenté le modèle Tux.\n".encode())
    rc, out, err = run("extract", "-q", folder)
    assert rc == 0, err
    line = json.loads(out.decode("utf-8"))
    assert line["id"] == "b\\xffad.txt" and line["path"].endswith("/b\\xffad.txt"), line["id"]
    out_dir = os.path.join(TMP, "x/names-out")
    rc, _, err = run("build", "-q", folder, "-o", out_dir)
    assert rc == 0, err
    tl = json.loads(open(os.path.join(out_dir, "timeline.json"), "rb").read().decode("utf-8"))
    assert [a["id"] for a in tl["articles"]] == ["b\\xffad.txt"], tl["articles"]
    open(os.path.join(out_dir, "index.html"), "rb").read().decode("utf-8")

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
