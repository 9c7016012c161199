#!/usr/bin/env python3
"""Throughput of `frise tag` on a large French corpus (run on demand; not a
timed test).

  python3 bench/tag_speed.py [--frise build/frise] [--mb 50] [--runs 3] [--eval DIR]

Builds (once) a French corpus of at least --mb megabytes from the seed
articles (articles/) and the French evaluation texts (the TEXT of every
ftib-dev/*.tml, the mlcrisis-dev articles), repeated in a fixed order, then
runs `frise tag --lang fr --dct 2024-11-27 --format tsv` on it --runs times
and prints the best wall-clock and CPU MB/s (1 core: the tagger is single
threaded). The issue's target is >= 100 MB/s on one core.
"""
import argparse, glob, os, re, resource, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def texts(eval_dir):
    for p in sorted(glob.glob(os.path.join(ROOT, 'articles', '*.txt'))):
        yield open(p, encoding='utf-8', errors='replace').read()
    for p in sorted(glob.glob(os.path.join(eval_dir, 'ftib-dev', '*.tml'))):
        s = open(p, encoding='utf-8', errors='replace').read()
        m = re.search(r'<TEXT>(.*?)</TEXT>', s, re.S)
        if m:
            yield re.sub(r'<[^>]+>', '', m.group(1))
    for p in sorted(glob.glob(os.path.join(eval_dir, 'mlcrisis-dev', '**', '*.txt'), recursive=True)):
        yield open(p, encoding='utf-8', errors='replace').read()


def build_corpus(path, mb, eval_dir):
    parts = [t.strip() + '\n\n' for t in texts(eval_dir) if t.strip()]
    if not parts:
        sys.exit('no texts found under articles/ or %s' % eval_dir)
    block = ''.join(parts).encode('utf-8')
    need = int(mb * 1e6)
    with open(path, 'wb') as f:
        written = 0
        while written < need:
            f.write(block)
            written += len(block)
    return written


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--frise', default=os.path.join(ROOT, 'build', 'frise'))
    ap.add_argument('--mb', type=float, default=50)
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--eval', default=os.environ.get('FRISE_EVAL', os.path.join(ROOT, '..', 'shared', 'eval')))
    ap.add_argument('--corpus', default='/tmp/frise-tag-bench.txt')
    a = ap.parse_args()
    if not os.path.exists(a.corpus) or os.path.getsize(a.corpus) < a.mb * 1e6:
        build_corpus(a.corpus, a.mb, a.eval)
    size = os.path.getsize(a.corpus)
    cmd = [a.frise, 'tag', '--lang', 'fr', '--dct', '2024-11-27', '--format', 'tsv', '--max-size', '1024',
           a.corpus]
    best_wall = best_cpu = float('inf')
    lines = 0
    for _ in range(a.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if out.returncode != 0:
            sys.exit('frise tag failed: %s' % out.stderr.decode(errors='replace'))
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall = min(best_wall, wall)
        best_cpu = min(best_cpu, cpu)
        lines = out.stdout.count(b'\n') - 1
    print('corpus      %.1f MB (%s)' % (size / 1e6, a.corpus))
    print('timexes     %d' % lines)
    print('wall        %.3f s  %.1f MB/s' % (best_wall, size / 1e6 / best_wall))
    print('cpu         %.3f s  %.1f MB/s' % (best_cpu, size / 1e6 / max(best_cpu, 1e-6)))


if __name__ == '__main__':
    main()
