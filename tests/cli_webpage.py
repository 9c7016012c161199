#!/usr/bin/env python3
"""CLI tests of web pages through `frise articles` (--json, --text) and the
other reading subcommands: the fixture page tests/pages/news.html (made for
these tests: a news page with navigation, a share bar, comments, related
links, a newsletter form and a cookie banner around its article), a copy in
windows-1252, folders of pages, JSON Lines records with "html", and a page
fed to `frise tag`, whose offsets must refer to the --text output.

Runs $FRISE (prefixed by $FRISE_WRAPPER, e.g. valgrind, when set). Prints
TAP, one line per case."""
import json
import os
import shlex
import subprocess
import sys
import tempfile

FRISE = os.environ.get("FRISE", "build/frise")
ROOT = os.environ.get("FRISE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
WRAPPER = shlex.split(os.environ.get("FRISE_WRAPPER", ""))
PAGE = os.path.join(ROOT, "tests", "pages", "news.html")
TMP = tempfile.mkdtemp(prefix="frise-cli-webpage-")

results = []

# What the article of the fixture page says, block by block.
BLOCKS = [
    "The harbour bridge reopened to traffic on Tuesday morning, two years after cracks in its main span forced the "
    "city to close it, and commuters greeted the first buses with applause.",
    "Engineers replaced 1,200 tonnes of steel, repainted the towers and rebuilt the deck, the works department said; "
    "the project cost £48 million, €4 million more than planned, because of a shortage of welders in 2023.",
    "The bridge at dawn on its first day back in service.",
    "A long closure",
    "Shops on both banks lost customers during the closure, and the ferry company doubled its crossings to carry "
    "the 30,000 people who used the bridge each day.",
    "“It feels like the city has been stitched back together,” said Mira Osei, who runs a bakery at the northern "
    "end\u00a0of the bridge.",
    "The council will decide in May whether to add a cycle lane, a plan that residents, cyclists and shopkeepers "
    "have argued about for most of the last decade.",
]


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


@case("--text: the article's blocks in order, a blank line between them, no page chrome")
def _():
    code, out, err = run("articles", "--text", PAGE)
    assert code == 0, "exit %d: %s" % (code, err)
    assert out == "\n\n".join(BLOCKS) + "\n", repr(out)
    for chrome in ("cookies", "Sport", "Share on X", "Related stories", "newsletter", "Advertisement",
                   "hidden", "rights reserved", "not text", "By Ada", "twenty minutes"):
        assert chrome not in out, chrome


@case("--json: every metadata field with where it came from")
def _():
    code, out, err = run("articles", "--json", PAGE)
    assert code == 0, err
    (a,) = json.loads(out)
    want = {
        "id": "news.html", "title": "Harbour bridge reopens after two years of repairs",
        "title_from": "json-ld headline", "published": "2024-03-12T08:30", "published_origin": "html",
        "published_from": "json-ld datePublished", "published_time": "2024-03-12T08:30:00+00:00",
        "modified": "2024-03-12T17:05:00+00:00", "modified_from": "json-ld dateModified",
        "site_name": "The Riverside Post", "site_name_from": "json-ld publisher", "source": "The Riverside Post",
        "byline": "Ada Moreau, Tom Ilić", "byline_from": "json-ld author",
        "url": "https://www.riversidepost.example/news/2024/03/12/harbour-bridge-reopens",
        "url_from": "link[rel=canonical]", "canonical_from": "link[rel=canonical]",
        "lang": "en", "lang_tag": "en-GB", "lang_origin": "metadata", "lang_from": "html[lang]",
    }
    for k, v in want.items():
        assert a.get(k) == v, "%s: %r, want %r" % (k, a.get(k), v)
    assert a["canonical"] == a["url"], a
    text = run("articles", "--text", PAGE)[1]
    assert a["bytes"] == len(text.rstrip("\n").encode()), (a["bytes"], len(text.encode()))
    assert a["body"] == [0, a["bytes"]], a["body"]


@case("--text and --json together: usage error (exit 2)")
def _():
    code, _, err = run("articles", "--text", "--json", PAGE)
    assert code == 2 and "cannot go together" in err, (code, err)


@case("a windows-1252 copy reads the same; the default output says html")
def _():
    raw = open(PAGE, encoding="utf-8").read().replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    path = write("latin/page.htm", raw.encode("cp1252", "xmlcharrefreplace"))  # ć as &#263;
    code, out, err = run("articles", "--text", path)
    assert code == 0, err
    assert out == "\n\n".join(BLOCKS) + "\n", repr(out)
    code, out, err = run("articles", path)
    assert code == 0 and "published  2024-03-12T08:30 (html)" in out, out


@case("folders: *.html and *.htm read beside *.txt; a page without text is reported, the rest read")
def _():
    write("mixed/a.txt", "Un texte simple. Il parle du pont.\n")
    write("mixed/b.html", open(PAGE, "rb").read())
    write("mixed/c.htm", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    code, out, err = run("articles", "--json", os.path.join(TMP, "mixed"))
    assert code == 1, "exit %d" % code
    assert "c.htm: no article text in this web page" in err, err
    assert [a["id"] for a in json.loads(out)] == ["a.txt", "b.html"], out


@case("JSON Lines: an \"html\" record; the record's own members win over the page's")
def _():
    html = open(PAGE, encoding="utf-8").read()
    path = write("in.jsonl", json.dumps({"id": "p1", "html": html}) + "\n" +
                 json.dumps({"id": "p2", "html": html, "title": "Given", "published": "2024-05"}) + "\n")
    code, out, err = run("articles", "--jsonl", "--json", path)
    assert code == 0, err
    a, b = json.loads(out)
    assert a["title_from"] == "json-ld headline" and a["published_origin"] == "html", a
    assert b["title"] == "Given" and b["title_from"] == "jsonl", b
    assert b["published"] == "2024-05" and b["published_origin"] == "jsonl", b
    assert b["site_name"] == "The Riverside Post", b


@case("sniffed: a page saved as .txt or given on stdin is read as a page; --dct still wins")
def _():
    path = write("saved.txt", open(PAGE, "rb").read())
    code, out, err = run("articles", "--text", path)
    assert code == 0 and out == "\n\n".join(BLOCKS) + "\n", (code, err, out[:200])
    code, out, err = run("articles", "--json", "--dct", "2020-01-02", "-", stdin=open(PAGE, "rb").read())
    assert code == 0, err
    (a,) = json.loads(out)
    assert a["published"] == "2020-01-02" and a["published_origin"] == "option", a
    assert a["title"] == "Harbour bridge reopens after two years of repairs", a


@case("tag: offsets of a page's dates are bytes of its --text output")
def _():
    code, out, err = run("tag", "--format", "json", PAGE)
    assert code == 0, err
    text = run("articles", "--text", PAGE)[1].encode()
    doc = json.loads(out)
    timexes = doc[0]["timexes"] if isinstance(doc, list) else doc.get("timexes", doc)
    found = {text[t["start"]:t["end"]].decode() for t in timexes}
    assert "Tuesday morning" in found or "Tuesday" in found, found
    assert "in May" in found or "May" in found, found
    # the same with --dct and --lang, which read plain files without the reader
    code, out2, err = run("tag", "--format", "json", "--dct", "2024-03-12", "--lang", "en", PAGE)
    assert code == 0, err
    doc = json.loads(out2)
    timexes = doc[0]["timexes"] if isinstance(doc, list) else doc.get("timexes", doc)
    assert "Tuesday morning" in {text[t["start"]:t["end"]].decode() for t in timexes}, out2


@case("tag: the fast path (--dct and --lang) reads a page as the reader path does, NUL byte and all")
def _():
    with open(PAGE, "rb") as f:
        page = f.read()
    nul = os.path.join(TMP, "nul.html")
    with open(nul, "wb") as f:
        f.write(page.replace(b"commuters greeted", b"commuters\0greeted", 1))
    for path in (PAGE, nul):
        args = ("tag", "--format", "tsv", "--dct", "2024-03-12", "--lang", "en", path)
        fast, reader = run(*args), run(*args, "--lossy")  # --lossy: through the reader
        assert fast[0] == 0 and reader[0] == 0, (fast, reader)
        assert fast[1] == reader[1] and "Tuesday morning" in fast[1], (fast[1], reader[1])


print("1..%d" % len(results))
for i, (ok, name, why) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        for line in (why[:400] + ("…" if len(why) > 400 else "")).splitlines() or [""]:
            print("#   " + line)
subprocess.run(["rm", "-rf", TMP])
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
