#!/usr/bin/env python3
"""The article stage apart, batches and resumption (issue 15):

- `frise extract` prints one line per article, each valid against
  templates/candidates.schema.json (an undated article: candidates null);
- the events (frise events --json) and the calendar (.ics) are byte for
  byte those of one `frise ingest` of every article in one batch, whatever
  the batches: --batch 3, two ingests one after the other, extract then
  ingest --candidates, extract on GNU parallel (4 jobs), extract on a Dask
  LocalCluster of two workers (tools/frise-dask.py, started here), a
  store whose candidates must be found again (another extractor);
- an ingest killed (SIGKILL) after its first batches committed keeps
  whole batches only, and run again ends with the clean run's events;
- a bad candidates line is refused naming FILE:LINE and what is wrong;
- progress (articles/s) is printed when stderr is a terminal, never to
  a pipe.

With FRISE_TEST_PG_URL (run through tests/pg.py run --), the same
comparisons into a PostgreSQL store instead. Prints TAP. Honours
$FRISE_WRAPPER."""
import glob, json, os, random, shlex, shutil, signal, sqlite3, subprocess, sys, tempfile, time

ROOT = os.environ.get('FRISE_SOURCE_ROOT', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
FRISE = os.path.abspath(os.environ.get('FRISE', 'build/frise'))
WRAP = shlex.split(os.environ.get('FRISE_WRAPPER', ''))
ENV = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get('SOURCE_DATE_EPOCH', '1732665600'), TZ='UTC')
PG = os.environ.get('FRISE_TEST_PG_URL')
PY = '/usr/bin/python3' if os.path.exists('/usr/bin/python3') else sys.executable

MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
          'septembre', 'octobre', 'novembre', 'décembre']
ACTORS = ['OpenAI', 'Google', 'Netflix', 'Ubisoft', 'le Sénat', 'Mistral AI', 'la CGT', 'Runway']
ACTS = ['a dévoilé', 'a annoncé', 'a lancé', 'a publié', 'a signé', 'a présenté']
OBJECTS = ['un nouveau modèle vidéo', 'un rapport sur la sécurité', 'un accord de licence',
           'une application mobile', 'un fonds de soutien']

results = []


def case(name, ok, detail=''):
    results.append((name, bool(ok), detail))
    return ok


def run(*args, stdin=None, env=None):
    p = subprocess.run(WRAP + [FRISE] + list(args), capture_output=True, text=True, input=stdin,
                       env=env or ENV, timeout=600)
    return p.returncode, p.stdout, p.stderr


def write_corpus(folder, n, rnd, undated=0):
    """n small French articles (dated by their header, the last `undated`
    without a date) whose events share dates and actors across articles."""
    os.makedirs(folder, exist_ok=True)
    names = []
    for i in range(n):
        y, m, d = 2024, rnd.randint(1, 12), rnd.randint(1, 28)
        lines = [] if i >= n - undated else [' date %04d-%02d-%02d Dépêche %d' % (y, m, d, i)]
        if not lines:
            lines.append('Dépêche %d' % i)
        for _ in range(rnd.randint(2, 5)):
            lines.append('Le %d %s 2023, %s %s %s. Les détails restent flous selon la presse.' % (
                rnd.randint(1, 6), rnd.choice(MONTHS[:4]), rnd.choice(ACTORS[:4]), rnd.choice(ACTS[:3]),
                rnd.choice(OBJECTS[:3])))
        name = os.path.join(folder, 'a%03d.txt' % i)
        with open(name, 'w', encoding='utf8') as f:
            f.write('\n'.join(lines) + '\n')
        names.append(name)
    return names


def outputs(store, tmp, tag):
    """frise events --json and the .ics of `store`, as bytes."""
    rc, ev, err = run('events', '--store', store, '--json', '--all')
    assert rc == 0, err
    ics = os.path.join(tmp, tag + '.ics')
    rc, _, err = run('render', '--store', store, '--format', 'ics', '-o', ics)
    assert rc == 0, err
    with open(ics, 'rb') as f:
        return ev, f.read()


def same(name, got, want):
    ev, ics = got
    case(name, ev == want[0] and ics == want[1],
         'events %s, ics %s' % ('equal' if ev == want[0] else 'differ', 'equal' if ics == want[1] else 'differ'))


def target(tmp, name):
    return '%s&schema=%s' % (PG, name) if PG else os.path.join(tmp, name + '.db')


def main():
    tmp = tempfile.mkdtemp(prefix='frise-scale-')
    try:
        rnd = random.Random(15)
        files = write_corpus(os.path.join(tmp, 'wire'), 36, rnd, undated=2)
        # real text too: the seed articles and a few crisis articles
        files += sorted(glob.glob(os.path.join(ROOT, 'articles', '*.txt')))
        crisis = os.path.join(ROOT, '..', 'shared', 'eval', 'mlcrisis-dev', 'libya')
        files += sorted(glob.glob(os.path.join(crisis, '2011-02-2*', '*.txt')))[:6]
        # and a web page: its main text and its metadata's date (origin "html") go through the records too
        files.append(os.path.join(ROOT, 'tests', 'pages', 'news.html'))

        one = target(tmp, 'one')
        rc, _, err = run('ingest', '-q', '--batch', '100000', '--store', one, *files)
        assert rc == 0, err
        want = outputs(one, tmp, 'one')
        nev = len(json.loads(want[0]))
        case('the reference: one ingest in one batch (%d articles, %d events)' % (len(files), nev), nev > 20)
        if PG:  # the same events as SQLite's
            db = os.path.join(tmp, 'sqlite.db')
            rc, _, err = run('ingest', '-q', '--batch', '100000', '--store', db, *files)
            same('PostgreSQL: the events of the same ingest in SQLite', outputs(db, tmp, 'sqlite'), want)

        store = target(tmp, 'batch3')
        rc, _, err = run('ingest', '-q', '--batch', '3', '--store', store, *files)
        case('--batch 3: exit 0', rc == 0, err)
        same('--batch 3: the same events and calendar', outputs(store, tmp, 'batch3'), want)

        store = target(tmp, 'two')
        rc1, _, err1 = run('ingest', '-q', '--store', store, *files[:17])
        rc2, _, err2 = run('ingest', '-q', '--store', store, *files[17:])
        case('two ingests one after the other: exit 0', rc1 == rc2 == 0, err1 + err2)
        # the second ingest bumps the version of each event it changed: the rest is the same
        ev, ics = outputs(store, tmp, 'two')
        norm = lambda evs: [dict(e, sequence=0, version=0) for e in json.loads(evs)]
        unseq = lambda b: b'\n'.join(l for l in b.split(b'\n') if not l.startswith(b'SEQUENCE:'))
        case('two ingests one after the other: the same events but their versions',
             norm(ev) == norm(want[0]) and unseq(ics) == unseq(want[1]))

        # the article stage alone
        rc, lines, err = run('extract', *files)
        case('extract: exit 0, one line per article', rc == 0 and len(lines.splitlines()) == len(files),
             '%d lines for %d articles: %s' % (len(lines.splitlines()), len(files), err))
        recs = [json.loads(l) for l in lines.splitlines()]
        try:
            import jsonschema
            schema = json.load(open(os.path.join(ROOT, 'templates', 'candidates.schema.json'), encoding='utf8'))
            v = jsonschema.Draft202012Validator(schema)
            errors = [e.message for r in recs for e in v.iter_errors(r)]
            case('extract: every line valid against templates/candidates.schema.json', not errors, errors[:3])
        except ImportError:
            case('extract: jsonschema (python3-jsonschema, bash .ci/setup installs it) is there', False)
        undated = [r for r in recs if r['published'] is None]
        case('extract: an undated article has candidates null, a dated one its candidates',
             {'a034.txt', 'a035.txt'} <= {r['id'] for r in undated} and
             all(r['candidates'] is None for r in undated) and
             sum(len(r['candidates'] or []) for r in recs) > 40,
             '%d undated (%s), %d candidates' % (len(undated), [r['id'] for r in undated],
                                                 sum(len(r['candidates'] or []) for r in recs)))
        cands = os.path.join(tmp, 'cands.jsonl')
        with open(cands, 'w', encoding='utf8') as f:
            f.write(lines)
        store = target(tmp, 'reduce')
        rc, _, err = run('ingest', '-q', '--candidates', '--store', store, cands)
        case('ingest --candidates: exit 0', rc == 0, err)
        same('extract | ingest --candidates: the same events and calendar', outputs(store, tmp, 'reduce'), want)

        # GNU parallel: 4 jobs of 5 articles, output kept in input order (-k)
        if shutil.which('parallel'):
            listed = os.path.join(tmp, 'files.txt')
            with open(listed, 'w') as f:
                f.write('\n'.join(files) + '\n')
            par = os.path.join(tmp, 'par.jsonl')
            cmd = 'parallel --will-cite -k -j4 -n5 %s %s extract -q :::: %s > %s' % (
                ' '.join(map(shlex.quote, WRAP)), shlex.quote(FRISE), shlex.quote(listed), shlex.quote(par))
            p = subprocess.run(cmd, shell=True, env=ENV, capture_output=True, text=True, timeout=600)
            store = target(tmp, 'parallel')
            rc, _, err = run('ingest', '-q', '--candidates', '--store', store, par)
            case('GNU parallel (4 jobs of 5 articles), then ingest --candidates: exit 0',
                 p.returncode == 0 and rc == 0, p.stderr + err)
            same('GNU parallel: the same events and calendar', outputs(store, tmp, 'parallel'), want)
        else:
            case('GNU parallel is there (bash .ci/setup installs it)', False)

        # Dask: a LocalCluster of two worker processes, started by the driver
        store = target(tmp, 'dask')
        drv = [PY, os.path.join(ROOT, 'tools', 'frise-dask.py'), '--local', '2', '--chunk', '6',
               '--frise', FRISE, '-q', '--store', store] + files
        p = subprocess.run(drv, env=ENV, capture_output=True, text=True, timeout=600)
        case('Dask LocalCluster (2 workers, tasks of 6 articles): exit 0', p.returncode == 0,
             (p.stdout + p.stderr)[-800:])
        if p.returncode == 0:
            same('Dask: the same events and calendar', outputs(store, tmp, 'dask'), want)

        if not PG:
            refound(tmp, files, want)
            bad_lines(tmp, lines)
            progress(tmp, files)
        killed(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:12]:
                print('#   ' + line)
    return 0 if all(ok for _, ok, _ in results) else 1


def refound(tmp, files, want):
    """Candidates of another extractor (another frise, other templates) are found again."""
    db = os.path.join(tmp, 'old.db')
    rc, _, err = run('ingest', '-q', '--store', db, *files)
    con = sqlite3.connect(db)
    con.execute("UPDATE state SET value = 'frise 0.0.0, templates x' WHERE name = 'extractor'")
    con.execute("INSERT INTO state (name, value) VALUES ('stale', '1')")
    con.execute("UPDATE candidates SET title = 'stale candidate'")
    con.commit()
    con.close()
    rc2, _, err2 = run('ingest', '-q', '--store', db, files[0])
    case('another extractor\'s candidates: exit 0', rc == rc2 == 0, err + err2)
    same('another extractor\'s candidates: found again, the same events', outputs(db, tmp, 'old'), want)


def bad_lines(tmp, lines):
    good = lines.splitlines()
    for name, bad, expect in (
            ('broken JSON', good[0][:40], 'bad.jsonl:2: not valid JSON'),
            ('not frise extract\'s', '{"id": "x", "text": "Le 3 mars 2024, rien."}', 'bad.jsonl:2: not a line of \'frise extract\''),
            ('a member missing', good[0].replace('"hash":', '"hush":'), 'bad.jsonl:2: "hash" is missing'),
            ('an offset out of the text', good[0].replace('"sentences":[[', '"sentences":[[999999,'), 'bad.jsonl:2: "sentences" must hold')):
        path = os.path.join(tmp, 'bad.jsonl')
        with open(path, 'w', encoding='utf8') as f:
            f.write('%s\n%s\n' % (good[1], bad))
        rc, _, err = run('ingest', '-q', '--candidates', '--store', os.path.join(tmp, 'bad.db'), path)
        case('ingest --candidates, %s: exit 1 naming %s' % (name, expect.split(':', 2)[-1].strip()),
             rc == 1 and expect.replace('bad.jsonl', path) in err, 'exit %d: %s' % (rc, err))


def progress(tmp, files):
    db = os.path.join(tmp, 'progress.db')
    rc, _, err = run('ingest', '--store', db, *files)
    case('progress: none when stderr is not a terminal', rc == 0 and 'articles/s' not in err, err)
    script = shutil.which('script')
    if script is None:
        case('progress: script(1) (util-linux) is there to give stderr a terminal', False)
        return
    db = os.path.join(tmp, 'progress2.db')
    cmd = ' '.join(map(shlex.quote, WRAP + [FRISE, 'ingest', '--batch', '4', '--store', db] + files))
    # a slow ingest would show a rate; here the rate needs half a second: pace the batches
    p = subprocess.run([script, '-qec', cmd, '/dev/null'], capture_output=True, text=True, env=ENV, timeout=600)
    case('progress: on a terminal, articles read of the total', p.returncode == 0 and
         ('reading %d/%d' % (len(files), len(files))) in p.stdout, p.stdout[-300:])


def killed(tmp):
    """SIGKILL after the first batches committed, then again to the end."""
    # enough batches that a poll through psql on a busy machine still
    # finds the ingest running (200 were sometimes all in before it looked)
    files = write_corpus(os.path.join(tmp, 'big'), 600, random.Random(5))
    clean = target(tmp, 'clean')
    rc, _, err = run('ingest', '-q', '--store', clean, *files)
    assert rc == 0, err
    want = outputs(clean, tmp, 'clean')
    store = target(tmp, 'killed')
    proc = subprocess.Popen(WRAP + [FRISE, 'ingest', '-q', '--batch', '10', '--store', store] + files, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    committed = 0
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        committed = count_articles(store)
        if committed >= 20:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = count_articles(store)
    case('killed ingest: killed after its first batches committed (%d articles in the store)' % left,
         proc.returncode == -signal.SIGKILL and 0 < left < len(files), 'exit %s, %d articles' % (proc.returncode, left))
    case('killed ingest: whole batches of 10 only', left % 10 == 0, '%d articles' % left)
    rc, _, err = run('ingest', '-q', '--batch', '10', '--store', store, *files)
    case('killed ingest, run again: exit 0', rc == 0, err)
    same('killed ingest, run again: the events and calendar of the clean run', outputs(store, tmp, 'resumed'), want)


def count_articles(store):
    if PG:
        r = subprocess.run(['psql', '-qtAX', PG.split('&schema=')[0], '-c',
                            'SELECT count(*) FROM %s.articles' % store.split('&schema=')[1]],
                           capture_output=True, text=True)
        try:
            return int(r.stdout.strip() or 0)
        except ValueError:
            return 0
    if not os.path.exists(store):
        return 0
    try:
        con = sqlite3.connect('file:%s?mode=ro' % store, uri=True, timeout=0.05)
        try:
            return con.execute('SELECT count(*) FROM articles').fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


if __name__ == '__main__':
    sys.exit(main())
