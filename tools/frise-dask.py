#!/usr/bin/env python3
"""Runs frise's article stage (`frise extract`) on a Dask distributed
cluster, then its reduce step (`frise ingest --candidates`) here.

    frise-dask.py --scheduler tcp://host:8786 --store STORE [options] INPUT...
    frise-dask.py --local 2 --store frise.db corpus/          # a LocalCluster of 2 workers

INPUTs are what `frise ingest` reads: files and folders of articles
(*.txt, *.md, sorted by name as frise reads them), or with --jsonl JSON
Lines files of {"id","text","published",...} records. The inputs are cut
into chunks of --chunk articles; each chunk is one Dask task that runs
`frise extract` on a worker (the frise executable must be on every
worker: --frise names it, the same path everywhere, and file paths must
be readable there too, e.g. on a shared file system; JSON Lines records
travel inside the task). The candidate lines come back in input order,
go to --candidates FILE (default: a temporary file), and one `frise
ingest --candidates` merges them into --store, so the store and its
events are exactly those of `frise ingest INPUT...` run in one process.

A JSON Lines record without an "id" gets the one frise would give it,
FILE:LINE, before it is sent, so that chunking does not change ids.

Options -l/--lang, --dct, --lossy, -t/--templates and --max-size pass to
`frise extract` (give the same -t to both steps: --templates does).
Exit status: frise's (1 input, 2 usage, 3 store…); 70 when a task failed
for another reason.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile


def list_files(paths, jsonl):
    """The article files of `paths` in the order frise reads them."""
    want = ('.jsonl', '.json') if jsonl else ('.txt', '.md')
    out = []
    for p in paths:
        if p != '-' and os.path.isdir(p):
            def walk(d):
                for name in sorted(os.listdir(d)):
                    if name.startswith('.'):
                        continue
                    f = os.path.join(d, name)
                    if os.path.isdir(f):
                        if not os.path.islink(f):
                            walk(f)
                    elif f.endswith(want):
                        out.append(f)
            walk(p)
        else:
            out.append(p)
    return out


def jsonl_records(files):
    """Each non-blank line of the files, with the id frise would give it."""
    for f in files:
        stream = sys.stdin if f == '-' else open(f, encoding='utf8', errors='surrogateescape')
        with stream:
            for lineno, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except ValueError:
                    yield line.rstrip('\n')  # frise names the bad line itself
                    continue
                if isinstance(rec, dict) and not rec.get('id'):
                    rec['id'] = '%s:%d' % (f, lineno)
                    line = json.dumps(rec, ensure_ascii=False)
                yield line.rstrip('\n')


def chunks(items, n):
    buf = []
    for x in items:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


def extract(frise, args, files=None, lines=None):
    """One task: `frise extract` on a chunk; returns (exit code, stdout, stderr)."""
    cmd = [frise, 'extract', '-q'] + args
    if lines is not None:
        p = subprocess.run(cmd + ['--jsonl', '-'], input='\n'.join(lines) + '\n', capture_output=True, text=True)
    else:
        p = subprocess.run(cmd + ['--'] + files, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument('--scheduler', help='a running scheduler, tcp://host:8786')
    where.add_argument('--local', type=int, metavar='N', help='start a LocalCluster of N worker processes')
    ap.add_argument('--store', '-s', required=True, help='the store the reduce step writes (frise --store)')
    ap.add_argument('--frise', default=shutil.which('frise') or 'frise', help='frise on the workers and here')
    ap.add_argument('--chunk', type=int, default=200, help='articles per task (default 200)')
    ap.add_argument('--candidates', help='keep the candidate lines in this file')
    ap.add_argument('--jsonl', action='store_true', help='inputs are JSON Lines')
    ap.add_argument('-l', '--lang')
    ap.add_argument('--dct')
    ap.add_argument('--lossy', action='store_true')
    ap.add_argument('--max-size')
    ap.add_argument('-t', '--templates', action='append', default=[])
    ap.add_argument('-q', '--quiet', action='store_true')
    ap.add_argument('inputs', nargs='+')
    a = ap.parse_args()

    from dask.distributed import Client, LocalCluster

    xargs = []
    for opt, val in (('--lang', a.lang), ('--dct', a.dct), ('--max-size', a.max_size)):
        if val:
            xargs += [opt, val]
    if a.lossy:
        xargs.append('--lossy')
    for t in a.templates:
        xargs += ['--templates', os.path.abspath(t)]

    cluster = LocalCluster(n_workers=a.local, threads_per_worker=1, processes=True,
                           dashboard_address=None) if a.local else None
    client = Client(cluster if cluster else a.scheduler)
    files = list_files(a.inputs, a.jsonl)
    if a.jsonl:
        futures = [client.submit(extract, a.frise, xargs, lines=c, pure=False)
                   for c in chunks(jsonl_records(files), a.chunk)]
    else:
        futures = [client.submit(extract, a.frise, xargs, files=c, pure=False) for c in chunks(files, a.chunk)]

    out_path = a.candidates
    tmp = None
    if out_path is None:
        tmp = tempfile.NamedTemporaryFile('w', suffix='.jsonl', prefix='frise-candidates-', delete=False)
        out_path = tmp.name
        tmp.close()
    worst = 0
    with open(out_path, 'w', encoding='utf8') as out:
        # in input order: the store then numbers the articles as one process would
        for i, fut in enumerate(futures):
            code, stdout, stderr = fut.result()
            if stderr and not a.quiet:
                sys.stderr.write(stderr)
            out.write(stdout)
            if code != 0:
                worst = max(worst, code)
            if not a.quiet and sys.stderr.isatty():
                sys.stderr.write('\rextract: %d/%d tasks' % (i + 1, len(futures)))
        if not a.quiet and sys.stderr.isatty():
            sys.stderr.write('\n')
    client.close()
    if cluster:
        cluster.close()
    if worst not in (0, 1):  # 1: some input skipped, the rest extracted (as frise ingest goes on)
        sys.exit(worst)
    cmd = [a.frise, 'ingest', '--candidates', '--store', a.store] + \
          sum((['--templates', t] for t in a.templates), []) + (['-q'] if a.quiet else []) + [out_path]
    code = subprocess.call(cmd)
    if tmp is not None:
        os.unlink(out_path)
    sys.exit(code or worst)


if __name__ == '__main__':
    main()
