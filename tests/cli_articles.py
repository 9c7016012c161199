#!/usr/bin/env python3
"""CLI tests of `frise articles` and of the input options every reading
subcommand shares (--jsonl, --lossy, --lang, --dct, --max-size).

Runs $FRISE (prefixed by $FRISE_WRAPPER, e.g. valgrind, when set) on the
seed articles in $FRISE_SOURCE_ROOT/articles and on inputs made in a
temporary folder. Prints TAP, one line per case."""
import json
import os
import pty
import shlex
import subprocess
import sys
import tempfile
import time

FRISE = os.environ.get("FRISE", "build/frise")
ROOT = os.environ.get("FRISE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
WRAPPER = shlex.split(os.environ.get("FRISE_WRAPPER", ""))
SEEDS = os.path.join(ROOT, "articles")
TMP = tempfile.mkdtemp(prefix="frise-cli-articles-")

results = []


def run(*args, stdin=b"", timeout=120):
    """Runs frise; returns (exit code, stdout text, stderr text)."""
    p = subprocess.run(WRAPPER + [FRISE, *args], input=stdin, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def write(name, data):
    path = os.path.join(TMP, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def parse_text(out):
    """The plain output: {id: {title, language, published}}."""
    arts = {}
    cur = None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            cur = arts.setdefault(line, {})
        elif line.strip() and cur is not None:
            key, _, value = line.strip().partition(" ")
            cur[key] = value.strip()
    return arts


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


SEED_META = {  # id: (published as printed, language)
    "000_3fdb38df11dbab28.txt": ("unknown (none)", "fr"),
    "001_5e8de47143d2b25d.txt": ("unknown (none)", "fr"),
    "002_625f1368fff93cb8.txt": ("2024-03 (header)", "fr"),
    "003_1b4fb6547746176d.txt": ("2024-11 (header)", "fr"),
    "004_dbbdb871ba59854e.txt": ("unknown (none)", "fr"),
}


@case("articles/ lists the five seeds, 002 and 003 dated by their header")
def _():
    code, out, err = run("articles", SEEDS)
    assert code == 0, "exit %d: %s" % (code, err)
    arts = parse_text(out)
    assert sorted(arts) == sorted(SEED_META), "ids: %s" % sorted(arts)
    for id_, (published, lang) in SEED_META.items():
        assert arts[id_]["published"] == published, "%s: %r" % (id_, arts[id_])
        assert arts[id_]["language"] == lang, "%s: %r" % (id_, arts[id_])
    assert list(arts) == sorted(arts), "not sorted by name"


@case("the header is cut from the title; the prompt is cut from 001's title")
def _():
    code, out, _ = run("articles", SEEDS)
    arts = parse_text(out)
    assert arts["002_625f1368fff93cb8.txt"]["title"].startswith("L’éditeur de ChatGPT"), arts["002_625f1368fff93cb8.txt"]
    assert "date" not in arts["003_1b4fb6547746176d.txt"]["title"], arts["003_1b4fb6547746176d.txt"]
    t = arts["001_5e8de47143d2b25d.txt"]["title"]
    assert t.startswith("Le générateur de texte-vidéo Sora") and "Customize" not in t, t
    assert arts["004_dbbdb871ba59854e.txt"]["title"] != "Tech"


@case("--json: same metadata; boilerplate offsets are bytes of the file")
def _():
    code, out, err = run("articles", "--json", SEEDS)
    assert code == 0, err
    arts = {a["id"]: a for a in json.loads(out)}
    assert sorted(arts) == sorted(SEED_META)
    assert arts["002_625f1368fff93cb8.txt"]["published"] == "2024-03"
    assert arts["002_625f1368fff93cb8.txt"]["published_origin"] == "header"
    assert arts["000_3fdb38df11dbab28.txt"]["published"] is None
    a = arts["001_5e8de47143d2b25d.txt"]
    raw = open(os.path.join(SEEDS, a["id"]), "rb").read()
    flagged = [raw[s:e].decode() for s, e in a["boilerplate"]]
    assert flagged[0] == "Customize this title in french", flagged
    assert flagged[-1] == "Source link -57", flagged
    assert a["bytes"] == len(raw)


@case("a bad file in a folder is reported and skipped, the rest listed, exit 1")
def _():
    for f in ("002_625f1368fff93cb8.txt", "004_dbbdb871ba59854e.txt"):
        write("mixed/" + f, open(os.path.join(SEEDS, f), "rb").read())
    bad = write("mixed/003_binary.txt", b"GIF89a\x01\x00\x00\x00")
    code, out, err = run("articles", os.path.join(TMP, "mixed"))
    assert code == 1, "exit %d" % code
    assert "%s: NUL byte at byte 7 (binary file?)" % bad in err, err
    assert sorted(parse_text(out)) == ["002_625f1368fff93cb8.txt", "004_dbbdb871ba59854e.txt"], out


@case("standard input: '-' and no argument")
def _():
    for args in (["articles", "-"], ["articles"]):
        code, out, err = run(*args, stdin=" date 2024-03-05 Le texte de l’article est ici.\n".encode())
        assert code == 0, err
        arts = parse_text(out)
        assert list(arts) == ["-"], out
        assert arts["-"]["published"] == "2024-03-05 (header)", arts
        assert arts["-"]["title"] == "Le texte de l’article est ici.", arts


@case("JSON Lines: one article a line, a bad line reported as FILE:LINE and skipped")
def _():
    path = write("in.jsonl", '{"id": "a1", "text": "The studios met OpenAI and the artists were there.", "published": "2024-03-25", "title": "T1"}\n'
                             '{"text": oops}\n'
                             '{"text": "Le second article est sans date et il parle de la grève."}\n')
    code, out, err = run("articles", "--jsonl", "--json", path)
    assert code == 1, "exit %d" % code
    assert "%s:2: not valid JSON" % path in err, err
    arts = json.loads(out)
    assert [a["id"] for a in arts] == ["a1", "%s:3" % path], arts
    assert arts[0]["published"] == "2024-03-25" and arts[0]["published_origin"] == "jsonl", arts[0]
    assert arts[0]["title"] == "T1" and arts[0]["lang"] == "en", arts[0]
    assert arts[1]["lang"] == "fr" and arts[1]["published"] is None, arts[1]


@case("JSON Lines on standard input")
def _():
    code, out, err = run("articles", "--jsonl", "--json", "-", stdin=b'{"id": "x", "text": "Le texte."}\n')
    assert code == 0, err
    assert [a["id"] for a in json.loads(out)] == ["x"]


@case("--dct wins over the header; --lang wins over detection")
def _():
    code, out, _ = run("articles", "--dct", "2020-01-02", "--lang", "en", os.path.join(SEEDS, "002_625f1368fff93cb8.txt"))
    a = parse_text(out)["002_625f1368fff93cb8.txt"]
    assert code == 0 and a["published"] == "2020-01-02 (option)" and a["language"] == "en", a


@case("bad options are usage errors (exit 2)")
def _():
    for args in (["--dct", "mars"], ["--lang", "de"], ["--max-size", "-3"], ["--nope"]):
        code, _, err = run("articles", *args, SEEDS)
        assert code == 2, "%s: exit %d" % (args, code)
        assert err.strip(), args


@case("empty and whitespace-only files: 'empty article', exit 1")
def _():
    for name, data in (("empty.txt", b""), ("blank.txt", b" \r\n\t\n\xc2\xa0\n")):
        path = write(name, data)
        code, _, err = run("articles", path)
        assert code == 1 and "%s: empty article" % path in err, (code, err)


@case("invalid UTF-8: error with its byte offset; --lossy reads it")
def _():
    path = write("latin1.txt", "Le café est à Paris.\n".encode("latin-1"))
    code, _, err = run("articles", path)
    assert code == 1 and "%s: invalid UTF-8 at byte 6" % path in err, (code, err)
    code, out, err = run("articles", "--lossy", "--json", path)
    assert code == 0, err
    assert json.loads(out)[0]["title"] == "Le caf\ufffd est \ufffd Paris."


@case("BOM and CRLF: offsets printed refer to the file's bytes")
def _():
    raw = "\ufeffLe titre de l’article\r\n\r\nLe texte.\r\nSource link\r\n".encode()
    path = write("crlf.txt", raw)
    code, out, err = run("articles", "--json", path)
    assert code == 0, err
    a = json.loads(out)[0]
    assert a["title"] == "Le titre de l’article", a
    assert [raw[s:e] for s, e in a["boilerplate"]] == [b"Source link"], a["boilerplate"]
    assert a["body"] == [3, len(raw)], a["body"]


@case("a file over --max-size: exit 5, message naming the file")
def _():
    path = write("big.txt", b"Un article trop long.\n" * 100000)  # 2.2 MB
    code, _, err = run("articles", "--max-size", "1", path)
    assert code == 5, "exit %d" % code
    assert "%s: 2200000 bytes, over the 1 MiB limit (see --max-size)" % path in err, err


@case("a 100 MB single line: refused at once (exit 5)")
def _():
    path = os.path.join(TMP, "huge.txt")
    with open(path, "wb") as f:
        block = b"a" * (1 << 20)
        for _ in range(100):
            f.write(block)
    t = time.monotonic()
    code, _, err = run("articles", path, timeout=60)
    secs = time.monotonic() - t
    assert code == 5 and "over the 16 MiB limit" in err, (code, err)
    assert WRAPPER or secs < 5, "took %.1f s" % secs


@case("100 MB on standard input: stops reading at the limit (exit 5)")
def _():
    p = subprocess.Popen(WRAPPER + [FRISE, "articles", "-"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sent = 0
    block = b"b" * (1 << 20)
    try:
        for _ in range(100):
            p.stdin.write(block)
            sent += len(block)
        p.stdin.close()
    except BrokenPipeError:
        pass
    out, err = p.communicate(timeout=120)
    assert p.returncode == 5, "exit %d" % p.returncode
    assert b"-: larger than the 16 MiB limit" in err, err
    assert sent < 100 << 20, "frise read all 100 MB"


@case("a 100 MB single line under a raised --max-size is read in bounded time")
def _():
    if WRAPPER:
        return  # too slow under valgrind; the refusal cases above still run
    path = os.path.join(TMP, "huge.txt")
    t = time.monotonic()
    code, out, err = run("articles", "--max-size", "128", path, timeout=120)
    secs = time.monotonic() - t
    assert code == 0, (code, err)
    title = parse_text(out)["huge.txt"]["title"]
    assert len(title.encode()) <= 170 and title.endswith("…"), title
    assert secs < 30, "took %.1f s" % secs
    print("# 100 MB line read in %.2f s (%.0f MB/s)" % (secs, 100 / secs))


@case("a missing file: 'cannot open', exit 1; nothing readable: exit 1")
def _():
    code, _, err = run("articles", os.path.join(TMP, "nope.txt"))
    assert code == 1 and "nope.txt: cannot open" in err and "no article could be read" in err, (code, err)


@case("progress is not printed when stderr is not a terminal")
def _():
    code, _, err = run("articles", SEEDS)
    assert code == 0 and err == "", err


def run_tty(args, tty_stdin=False):
    """Runs frise with stderr (and stdin if asked) on a pseudo-terminal;
    returns (exit code, stdout, what the terminal got)."""
    master, slave = pty.openpty()
    p = subprocess.Popen(WRAPPER + [FRISE, *args], stdout=subprocess.PIPE, stderr=slave,
                         stdin=slave if tty_stdin else subprocess.DEVNULL)
    os.close(slave)
    got = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        got += chunk
    out, _ = p.communicate(timeout=120)
    os.close(master)
    return p.returncode, out.decode(), got.decode("utf-8", "replace")


@case("progress on a terminal: 'reading N/5' on stderr, not on stdout")
def _():
    code, out, tty = run_tty(["articles", SEEDS])
    assert code == 0, tty
    assert "reading 5/5" in tty and "reading 1/5" in tty, repr(tty)
    assert "reading" not in out


@case("no FILES and stdin a terminal: usage error, no wait")
def _():
    code, _, tty = run_tty(["articles"], tty_stdin=True)
    assert code == 2 and "no input" in tty, (code, tty)


@case("--help documents the exit codes")
def _():
    code, out, _ = run("articles", "--help")
    assert code == 0 and "1 input error" in out and "5 limit exceeded" in out and "--max-size" in out, out


def site_corpus(folder):
    """Four articles of one site: its header and footer, a title, a
    reading time and a paragraph each."""
    towns = ["Brega", "Syrte", "Misrata", "Tobrouk"]
    paths = []
    for i, town in enumerate(towns):
        paths.append(write("%s/%d.txt" % (folder, i),
                           "Les sites du groupe\nNos journaux et magazines\n"
                           "Les rebelles avancent vers %s\nTemps de lecture : %d min\n"
                           "Les rebelles ont pris %s le %d mars, selon des témoins.\n"
                           "Plan du site\n" % (town, i + 2, town, i + 1)))
    return paths


@case("--explain: each dropped line with why (repeated across the articles read, reading time); titles skip them")
def _():
    paths = site_corpus("explain")
    code, out, err = run("articles", "--explain", os.path.join(TMP, "explain"))
    assert code == 0, err
    arts = out.split("\n\n")
    assert len(arts) == 4, out
    first = arts[0]
    assert "  title      Les rebelles avancent vers Brega" in first, first
    assert "  title from line 3" in first, first
    assert "dropped    line 1 (bytes 0-19), repeated in 4 of 4 articles: Les sites du groupe" in first, first
    assert "line 2 (bytes 20-45), repeated in 4 of 4 articles: Nos journaux et magazines" in first, first
    assert "line 4 (bytes 79-103), reading-time line: Temps de lecture : 2 min" in first, first
    assert "line 6 " in first and "Plan du site" in first, first
    assert "selon des témoins" not in first, first
    # one file alone: its lines cannot be repeated, its title is the header
    code, out, err = run("articles", "--explain", paths[0])
    assert code == 0 and "repeated in" not in out and "reading-time line" in out, out
    assert "  title      Les sites du groupe" in out, out


@case("--explain --json: 'dropped' spans with kind, why and counts, as bytes of the file")
def _():
    site_corpus("explain-json")
    code, out, err = run("articles", "--explain", "--json", os.path.join(TMP, "explain-json"))
    assert code == 0, err
    a = json.loads(out)[0]
    raw = open(os.path.join(TMP, "explain-json", "0.txt"), "rb").read()
    kinds = [(d["kind"], raw[d["start"]:d["end"]].decode()) for d in a["dropped"]]
    assert kinds == [("repeated", "Les sites du groupe"), ("repeated", "Nos journaux et magazines"),
                     ("reading time", "Temps de lecture : 2 min"), ("navigation", "Plan du site")], kinds
    assert a["dropped"][0]["why"] == "repeated in 4 of 4 articles" and a["dropped"][0]["count"] == 4, a["dropped"][0]
    assert [[d["start"], d["end"]] for d in a["dropped"]] == a["boilerplate"], a
    code, out, _ = run("articles", "--json", os.path.join(TMP, "explain-json"))
    assert code == 0 and "dropped" not in json.loads(out)[0], out


@case("--explain reads files: with --store it is a usage error (exit 2)")
def _():
    code, _, err = run("articles", "--explain", "--store", os.path.join(TMP, "none.db"))
    assert code == 2 and "--explain" in err, (code, err)


print("1..%d" % len(results))
for i, (ok, name, why) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        for line in (why[:400] + ("…" if len(why) > 400 else "")).splitlines() or [""]:
            print("#   " + line)
subprocess.run(["rm", "-rf", TMP])
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
