#!/usr/bin/env python3
"""How close frise's estimates of undated articles come to their real dates.

Takes a corpus laid out TOPIC/YYYY-MM-DD/NAME.txt (the folder is the
publication date), feeds it to frise as JSON Lines with "published" left out
for every third article (sorted by path, i % 3 == 1: a third, spread over the
story), ingests it and compares each stripped article's estimate with its
real date: the error in days from the real date to the estimate's span (0
when the span holds it) and to the span's middle (a year's estimate is
then up to half a year off), the estimate's precision, and whether the
span holds the real date.

Usage: estimate_strip.py [--frise PATH] [--every N] [--show] [--jsonl FILE] TOPIC_DIR...
"""
import argparse, datetime as dt, glob, json, os, re, statistics, subprocess, sys, tempfile


def span(v):
    """[first, last] days of a TIMEX3 value (day, ISO week, month, year), or None."""
    if v is None:
        return None
    m = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', v)
    if m:
        d = dt.date(*map(int, m.groups()))
        return d, d
    m = re.fullmatch(r'(\d{4})-W(\d{2})', v)
    if m:
        d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return d, d + dt.timedelta(days=6)
    m = re.fullmatch(r'(\d{4})-(\d{2})', v)
    if m:
        y, mo = int(m[1]), int(m[2])
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
    m = re.fullmatch(r'(\d{4})', v)
    if m:
        return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--frise', default=os.environ.get('FRISE', 'build/frise'))
    ap.add_argument('--every', type=int, default=3, help='strip one article in N (default 3)')
    ap.add_argument('--show', action='store_true', help='print each stripped article')
    ap.add_argument('--jsonl', help='also write the stripped corpus to this file')
    ap.add_argument('topics', nargs='+')
    a = ap.parse_args()
    for topic in a.topics:
        topic = topic.rstrip('/')
        paths = sorted(glob.glob(os.path.join(topic, '*', '*.txt')))
        truth = {}
        with tempfile.TemporaryDirectory() as tmp:
            jl = os.path.join(tmp, 'articles.jsonl')
            with open(jl, 'w', encoding='utf8') as f:
                for i, p in enumerate(paths):
                    rec = {'id': os.path.relpath(p, topic)}
                    day = os.path.basename(os.path.dirname(p))
                    if i % a.every == 1:
                        truth[rec['id']] = dt.date.fromisoformat(day)
                    else:
                        rec['published'] = day
                    rec['text'] = open(p, encoding='utf8', errors='replace').read()
                    f.write(json.dumps(rec, ensure_ascii=False) + '\n')
            if a.jsonl:
                with open(a.jsonl, 'w', encoding='utf8') as out, open(jl, encoding='utf8') as f:
                    out.write(f.read())
            db = os.path.join(tmp, 'store.db')
            subprocess.run([a.frise, 'ingest', '-q', '--store', db, '--jsonl', jl], check=True)
            rows = json.loads(subprocess.run([a.frise, 'articles', '--store', db, '--json'], check=True,
                                             capture_output=True, text=True).stdout)
        errs, cerrs, prec, held = [], [], {}, 0
        for r in rows:
            if r['id'] not in truth:
                continue
            real = truth[r['id']]
            est = r.get('estimate') or {}
            v = est.get('value')
            s = span(v)
            p = est.get('precision') or 'none'
            prec.setdefault(p, [0, 0])[0] += 1
            if s is None:
                err = None
            else:
                err = 0 if s[0] <= real <= s[1] else min(abs((real - s[0]).days), abs((real - s[1]).days))
                held += err == 0
                prec[p][1] += err == 0
                errs.append(err)
                mid = s[0] + (s[1] - s[0]) / 2
                cerrs.append(abs((real - mid).days))
            if a.show:
                print('  %-40s real %s  est %-10s %-5s err %s  %s' % (r['id'][:40], real, v, p, err,
                                                                     (est.get('evidence') or '')[:150]))
        n = len(truth)
        med = statistics.median(errs) if errs else float('nan')
        print('%-14s stripped %3d  estimated %3d  span holds the date %3d  median error %.1f days '
              '(to the span\'s middle %.1f)  within 7 days of the middle %d  precision %s' % (
                  os.path.basename(topic), n, len(errs), held, med,
                  statistics.median(cerrs) if cerrs else float('nan'), sum(e <= 7 for e in cerrs),
                  ' '.join('%s %d (%d right)' % (k, v[0], v[1]) for k, v in sorted(prec.items()))))


if __name__ == '__main__':
    main()
