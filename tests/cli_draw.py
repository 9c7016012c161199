#!/usr/bin/env python3
"""Format checks for the timeline images (draw.c): built-in timelines are
rendered by $FRISE_DRAW_FIXTURE; SVG must pass xmllint and rsvg-convert, PNG
must be non-blank at the requested size, PDF must open with pdftoppm, and
the same input must give byte-identical SVG."""
import os, re, shlex, shutil, struct, subprocess, sys, tempfile, zlib

FIXTURE = os.environ["FRISE_DRAW_FIXTURE"]
WRAP = shlex.split(os.environ.get("FRISE_WRAPPER", ""))
failures = 0
count = 0


def ok(cond, name, detail=""):
    global failures, count
    count += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (count, name))
    if not cond:
        failures += 1
        if detail:
            print("# " + detail.replace("\n", "\n# "))


def render(tmp, timeline, fmt, *opts):
    out = os.path.join(tmp, "%s-%s-%d.%s" % (timeline, fmt, count, fmt))
    r = subprocess.run(WRAP + [FIXTURE, timeline, fmt, out, *opts], capture_output=True, text=True)
    return out if r.returncode == 0 else None, r.stderr


def png_info(path):
    """(width, height, distinct pixel rows) of an 8-bit RGBA/RGB PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    w, h, depth, colour = ihdr[:4]
    raw = zlib.decompress(idat)
    bpp = {6: 4, 2: 3}[colour]
    stride = 1 + w * bpp
    # Filtered rows: a row that is all one colour filters to a short
    # pattern; count rows whose filtered bytes are not all equal past the
    # first pixel (cheap and enough to tell a blank image).
    busy = 0
    for y in range(h):
        row = raw[y * stride + 1 + bpp:(y + 1) * stride]
        if row.count(row[:1]) != len(row):
            busy += 1
    return w, h, busy


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for timeline, opts in [("seeds", []), ("seeds", ["layout=vertical"]), ("seeds", ["theme=dark"]),
                               ("crowded", []), ("decades", []), ("one", []), ("rtl", [])]:
            name = " ".join([timeline] + opts)
            svg, err = render(tmp, timeline, "svg", *opts)
            ok(svg is not None, "svg renders: " + name, err)
            if svg is None:
                continue
            r = subprocess.run(["xmllint", "--noout", svg], capture_output=True, text=True)
            ok(r.returncode == 0, "svg passes xmllint: " + name, r.stderr)
            png = os.path.join(tmp, "rsvg.png")
            r = subprocess.run(["rsvg-convert", "-o", png, svg], capture_output=True, text=True)
            ok(r.returncode == 0 and os.path.getsize(png) > 1000, "svg renders with rsvg-convert: " + name,
               r.stderr)

        for timeline, opts, width in [("seeds", [], 1600), ("seeds", ["scale=2"], 3200),
                                      ("seeds", ["width=900"], 900), ("crowded", [], 1600),
                                      ("one", ["width=480"], 480)]:
            name = " ".join([timeline] + opts)
            png, err = render(tmp, timeline, "png", *opts)
            ok(png is not None, "png renders: " + name, err)
            if png is None:
                continue
            w, h, busy = png_info(png)
            ok(w == width, "png is %d px wide: %s (got %d)" % (width, name, w))
            ok(h > 200 and busy > h // 10, "png is not blank: %s (%d of %d rows drawn)" % (name, busy, h))

        for timeline in ["seeds", "crowded"]:
            pdf, err = render(tmp, timeline, "pdf")
            ok(pdf is not None and open(pdf, "rb").read(5) == b"%PDF-", "pdf renders: " + timeline, err)
            if pdf is None:
                continue
            r = subprocess.run(["pdftoppm", "-r", "20", "-png", pdf, os.path.join(tmp, "page")],
                               capture_output=True, text=True)
            ok(r.returncode == 0 and not r.stderr.strip(), "pdf opens with pdftoppm: " + timeline, r.stderr)

        # Taller than PDF and PNG allow: SVG draws it, the others say what to do instead.
        svg, err = render(tmp, "many:5500", "svg")
        head = open(svg, "rb").read(2000).decode("utf-8", "replace") if svg else ""
        m = re.search(r'height="([0-9.]+)px"', head)
        ok(m is not None and float(m.group(1)) > 200000, "5,500 events: an svg over 200,000 px tall",
           err or head[:300])
        if svg:
            r = subprocess.run(["xmllint", "--noout", "--huge", svg], capture_output=True, text=True)
            ok(r.returncode == 0, "5,500 events: svg passes xmllint", r.stderr[:500])
        pdf, err = render(tmp, "many:5500", "pdf")
        ok(pdf is None and "timeline PDF: 5500 events need a canvas" in err and "--format svg" in err,
           "5,500 events: pdf refused, pointing to svg", err)
        png, err = render(tmp, "many:1000", "png")
        ok(png is None and "timeline PNG: 1000 events need a canvas" in err and "--format svg" in err
           and "--top N" in err, "1,000 events: png refused, pointing to svg and --top N", err)

        a, _ = render(tmp, "seeds", "svg")
        b, _ = render(tmp, "seeds", "svg")
        ok(a and b and open(a, "rb").read() == open(b, "rb").read(), "same input, byte-identical svg")
        a, _ = render(tmp, "seeds", "png")
        b, _ = render(tmp, "seeds", "png")
        ok(a and b and open(a, "rb").read() == open(b, "rb").read(), "same input, byte-identical png")

    print("1..%d" % count)
    return 1 if failures else 0


if __name__ == "__main__":
    for tool in ("xmllint", "rsvg-convert", "pdftoppm"):
        if shutil.which(tool) is None:
            print("# %s missing (.ci/setup installs it)" % tool)
            sys.exit(77)
    sys.exit(main())
