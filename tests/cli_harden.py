#!/usr/bin/env python3
"""Hardening: the store survives kill -9 during `frise ingest` (reopened, it
holds every article whose ingest committed and no half-ingested one, and a
later ingest completes); output files are replaced atomically (a render
that fails or is killed leaves the previous file whole); limits (--max-size,
--max-files) and odd Unicode give a clear message or are handled; `frise
events --top` keeps memory bounded by the events kept. Prints TAP.
Honours $FRISE_WRAPPER."""
import json, os, random, re, resource, shlex, signal, sqlite3, subprocess, sys, tempfile, time

FRISE = os.path.abspath(os.environ.get('FRISE', 'build/frise'))
WRAP = shlex.split(os.environ.get('FRISE_WRAPPER', ''))
ENV = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get('SOURCE_DATE_EPOCH', '1732665600'), TZ='UTC')

MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
          'septembre', 'octobre', 'novembre', 'décembre']
ACTORS = ['OpenAI', 'Google', 'Netflix', 'Ubisoft', 'le Sénat', 'Mistral AI', 'la CGT', 'Runway']
ACTS = ['a dévoilé', 'a annoncé', 'a lancé', 'a publié', 'a signé', 'a présenté']
OBJECTS = ['un nouveau modèle vidéo', 'un rapport sur la sécurité', 'un accord de licence',
           'une application mobile', 'un fonds de soutien']

results = []


def run(*args, cwd=None, timeout=600, preexec=None):
    p = subprocess.run(WRAP + [FRISE] + list(args), capture_output=True, text=True, env=ENV, cwd=cwd,
                       timeout=timeout, preexec_fn=preexec)
    return p.returncode, p.stdout, p.stderr


def case(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def write_articles(folder, prefix, n, rnd):
    """n dated French articles, each with a few distinct dated events."""
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        y, m, d = rnd.randint(2000, 2024), rnd.randint(1, 12), rnd.randint(1, 28)
        lines = [' date %04d-%02d-%02d %s, article %d' % (y, m, d, prefix, i)]
        for _ in range(rnd.randint(4, 12)):
            lines.append('Le %d %s %d, %s %s %s. Les détails restent flous selon la presse.' % (
                rnd.randint(1, 28), rnd.choice(MONTHS), rnd.randint(1990, 2024), rnd.choice(ACTORS),
                rnd.choice(ACTS), rnd.choice(OBJECTS)))
        with open(os.path.join(folder, '%s_%04d.txt' % (prefix, i)), 'w', encoding='utf8') as f:
            f.write('\n'.join(lines) + '\n')
    return {'%s_%04d' % (prefix, i) for i in range(n)}


def store_ids(db):
    con = sqlite3.connect(db)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchall():
            return set()  # killed before it made the store
        return {row[0].rsplit('.', 1)[0] for row in con.execute('SELECT coalesce(name, id) FROM articles')}
    finally:
        con.close()


def store_check(db):
    """integrity, foreign keys, and every article whole (sentences, mentions, events' sources)."""
    con = sqlite3.connect(db)
    try:
        problems = []
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchall():
            return problems
        ic = con.execute('PRAGMA integrity_check').fetchall()
        if ic != [('ok',)]:
            problems.append('integrity_check: %r' % ic[:3])
        fk = con.execute('PRAGMA foreign_key_check').fetchall()
        if fk:
            problems.append('foreign_key_check: %r' % fk[:3])
        bare = con.execute('SELECT id FROM articles a WHERE NOT EXISTS '
                           '(SELECT 1 FROM sentences s WHERE s.article = a.seq) OR NOT EXISTS '
                           '(SELECT 1 FROM mentions m WHERE m.article = a.seq)').fetchall()
        if bare:
            problems.append('articles without sentences or mentions: %r' % bare[:3])
        orphan = con.execute('SELECT count(*) FROM event_sources WHERE article NOT IN (SELECT seq FROM articles) '
                             'OR event NOT IN (SELECT id FROM events)').fetchone()[0]
        if orphan:
            problems.append('%d orphan event sources' % orphan)
        return problems
    finally:
        con.close()


def crash_safety(tmp):
    rnd = random.Random(7)
    db = os.path.join(tmp, 'crash.db')
    batches = []
    for k in range(8):
        folder = os.path.join(tmp, 'batch%d' % k)
        batches.append((folder, write_articles(folder, 'b%d' % k, 120, rnd)))
    # time one uninterrupted ingest to spread the kills over it
    ref = os.path.join(tmp, 'ref.db')
    t0 = time.monotonic()
    rc, out, err = run('ingest', '-q', '--store', ref, batches[0][0], batches[1][0])
    span = max(time.monotonic() - t0, 0.05)
    case('kill -9: a reference ingest of 240 articles exits 0', rc == 0, err)

    committed, killed_before = set(), 0
    fractions = [0.1, 0.9, 0.3, 0.6, 0.05, 0.45, 0.75, 0.2]
    for k, (folder, ids) in enumerate(batches):
        p = subprocess.Popen(WRAP + [FRISE, 'ingest', '-q', '--store', db, folder], env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # the store grows, so does each ingest: later batches are killed later
        time.sleep(span * fractions[k] * (1 + k / 4))
        p.send_signal(signal.SIGKILL)
        p.wait()
        p.stderr.close()
        present = store_ids(db) & ids
        if p.returncode == 0:
            case('kill -9 #%d: finished before the kill, all its articles kept' % k, present == ids,
                 '%d of %d' % (len(present), len(ids)))
        else:
            if not present:
                killed_before += 1
            case('kill -9 #%d after %.2fs: all or none of its %d articles (has %d)'
                 % (k, span * fractions[k] * (1 + k / 4), len(ids), len(present)),
                 present == ids or not present)
        if present == ids:
            committed |= ids
        held = store_ids(db)
        case('kill -9 #%d: the store holds exactly the committed ingests' % k, held == committed,
             'extra %r missing %r' % (sorted(held - committed)[:3], sorted(committed - held)[:3]))
        problems = store_check(db)
        case('kill -9 #%d: store intact (integrity, keys, whole articles)' % k, not problems, '\n'.join(problems))
    case('kill -9: at least two ingests were cut before their commit', killed_before >= 2, str(killed_before))
    rc, out, err = run('events', '--store', db, '--json')
    case('kill -9: frise events reads the store afterwards', rc == 0 and isinstance(json.loads(out or '[]'), list), err)
    rc, out, err = run('ingest', '-q', '--store', db, *[f for f, _ in batches])
    every = set().union(*[ids for _, ids in batches])
    case('kill -9: a later ingest of every batch completes', rc == 0 and store_ids(db) == every, err)
    case('kill -9: the store is intact after it', not store_check(db))
    rc, out, err = run('articles', '--store', db, '--json')
    case('kill -9: frise articles --store lists all %d' % len(every), rc == 0 and len(json.loads(out)) == len(every),
         err)
    return db


def atomic_outputs(tmp, db):
    out = os.path.join(tmp, 'timeline.json')
    rc, _, err = run('render', '--store', db, '-f', 'json', '-o', out)
    if 'not written yet' in err:
        case('atomic render # SKIP the json renderer has not landed', True)
        return
    case('render json of the big store: exit 0', rc == 0, err)
    good = open(out, 'rb').read()
    old = b'{"previous": "file"}\n'

    def limit_size():
        # a write past 64 KiB fails (EFBIG) instead of killing the process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    open(out, 'wb').write(old)
    rc, _, err = run('render', '--store', db, '-f', 'json', '-o', out, preexec=limit_size)
    case('render that cannot write: output error (exit 4), says why', rc == 4 and 'timeline.json' in err,
         '%d %s' % (rc, err))
    case('render that cannot write: previous file intact', open(out, 'rb').read() == old)
    case('render that cannot write: no temporary file left',
         sorted(os.listdir(tmp)).count('timeline.json') == 1 and
         not [n for n in os.listdir(tmp) if n.startswith('timeline.json.')])
    # killed at varied moments: the file is the old one or the whole new one
    seen = set()
    for i, delay in enumerate([0.01, 0.05, 0.1, 0.2, 0.3, 0.5]):
        open(out, 'wb').write(old)
        p = subprocess.Popen(WRAP + [FRISE, 'render', '--store', db, '-f', 'json', '-o', out], env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGINT if i % 2 else signal.SIGKILL)
        p.wait()
        now = open(out, 'rb').read()
        seen.add('old' if now == old else 'new' if now == good else 'other')
        case('render killed after %.2fs: old file or the whole new one' % delay, now in (old, good),
             '%d bytes' % len(now))
    for n in os.listdir(tmp):
        if n.startswith('timeline.json.'):
            os.unlink(os.path.join(tmp, n))  # a kill -9 mid-write leaves its temporary file


def limits(tmp):
    d = os.path.join(tmp, 'limits')
    os.makedirs(d)
    big = os.path.join(d, 'big.txt')
    with open(big, 'w', encoding='utf8') as f:
        f.write(('Le 3 mars 2024, OpenAI a annoncé un modèle. ' * 30000)[:1100000])
    rc, out, err = run('tag', '--max-size', '1', '--dct', '2024-03-15', '--lang', 'fr', big)
    case('--max-size 1: a 1.1 MB article is a limit error (exit 5) naming it',
         rc == 5 and 'big.txt' in err and 'limit' in err, '%d %s' % (rc, err))
    rc, out, err = run('tag', '--max-size', '2', '--dct', '2024-03-15', '--lang', 'fr', big)
    case('--max-size 2: the same article is tagged', rc == 0, err[:300])

    many = os.path.join(tmp, 'many')
    write_articles(many, 'm', 30, random.Random(3))
    rc, out, err = run('articles', '--max-files', '20', many)
    case('--max-files 20 on 30 files: limit error (exit 5) that says so',
         rc == 5 and '--max-files' in err and '20' in err, '%d %s' % (rc, err))
    rc, out, err = run('articles', '--max-files', '30', many)
    case('--max-files 30 on 30 files: read', rc == 0, err)
    rc, out, err = run('articles', '--max-files', '-1', many)
    case('--max-files -1: usage error', rc == 2, err)
    jl = os.path.join(tmp, 'many.jsonl')
    with open(jl, 'w') as f:
        for i in range(25):
            f.write(json.dumps({'id': 'j%d' % i, 'text': 'Le 3 mars 2024, rien.', 'published': '2024-03-04'}) + '\n')
    rc, out, err = run('articles', '--jsonl', '--max-files', '10', jl)
    case('--max-files counts JSON Lines articles too', rc == 5 and '--max-files' in err, '%d %s' % (rc, err))

    # odd Unicode: tag and build handle it (exit 0 or a clear input error, never a crash)
    odd = {
        'zwj': 'Le 3 mars 2024, l\u2019équipe 👩\u200d👩\u200d👧\u200d👦 a annoncé\u200b un\u200d accord. ' * 50,
        'combining': 'Le 3 mars 2024' + '\u0301' * 1000 + ', OpenAI a annoncé un accord.\n'
                     + 'e' + '\u0308\u0323' * 1000 + ' le 5 avril 2024.\n',
        'rtl': '\u202eLe 3 mars 2024\u202c, \u0627\u0644\u0633\u0644\u0627\u0645 \u200fa annoncé le 5 avril 2024.\n',
        'bidi-nested': ('\u2067\u2066\u202b' * 300) + 'le 3 mars 2024' + ('\u202c\u2069' * 300) + '.\n',
    }
    for name, text in odd.items():
        p = os.path.join(d, name + '.txt')
        open(p, 'w', encoding='utf8').write(' date 2024-03-15 ' + text)
        rc, out, err = run('tag', '--lang', 'fr', p)
        case('odd Unicode (%s): tag exit 0' % name, rc == 0 and 'error' not in err.lower(), '%d %s' % (rc, err))
        found = json.loads(out.splitlines()[0])['timexes'] if rc == 0 and out else []
        raw = open(p, 'rb').read()
        case('odd Unicode (%s): spans are bytes of the input, in bounds' % name,
             all(0 <= t['start'] < t['end'] <= len(raw) for t in found) and
             any(t['value'].startswith('2024-0') for t in found), json.dumps(found)[:300])
    surrogate = os.path.join(d, 'surrogate.txt')
    open(surrogate, 'wb').write(b' date 2024-03-15 Le 3 mars 2024 \xed\xa0\x80 OpenAI a annonc\xc3\xa9 un accord.\n')
    rc, out, err = run('tag', '--lang', 'fr', surrogate)
    case('surrogate bytes ED A0 80: input error (exit 1) naming the file and the byte',
         rc == 1 and 'surrogate.txt' in err and 'byte 32' in err, '%d %s' % (rc, err))
    rc, out, err = run('tag', '--lang', 'fr', '--lossy', surrogate)
    case('surrogate bytes with --lossy: tagged, the date found', rc == 0 and '2024-03-03' in out, err)
    db = os.path.join(tmp, 'odd.db')
    rc, out, err = run('build', '--lossy', '--store', db, '-o', os.path.join(tmp, 'odd-out'), d)
    case('odd Unicode: build completes ', rc == 0, err[:400])


HOSTILE = ['</text><script>alert(1)</script>', ']]>', '\r\nEND:VEVENT\r\nBEGIN:VEVENT', '"}', '<!--', '&amp;']


def hostile_outputs(tmp):
    """Article titles and sentences with markup, CDATA ends, calendar lines,
    JSON ends and surrogate bytes: every output stays well-formed."""
    d = os.path.join(tmp, 'hostile')
    os.makedirs(d)
    with open(os.path.join(d, 'h.jsonl'), 'w', encoding='utf8') as f:
        for i, h in enumerate(HOSTILE):
            f.write(json.dumps({'id': 'h%d' % i, 'title': 'Titre %s fin' % h, 'published': '2024-06-01',
                                'lang': 'fr', 'url': 'https://example.org/%d?a=1&b="%s' % (i, h),
                                'text': 'Le %d mars 2024, OpenAI a annoncé %s un nouveau modèle. '
                                        'Le %d avril 2023, Google a publié « %s » dans un rapport.'
                                        % (i + 1, h, i + 1, h)}) + '\n')
    sur = os.path.join(d, 'sur.txt')
    open(sur, 'wb').write(b' date 2024-06-01 Le 9 juin 2022, Netflix \xed\xa0\x80 a sign\xc3\xa9 un accord.\n')
    db = os.path.join(tmp, 'hostile.db')
    rc, out, err = run('ingest', '-q', '--jsonl', '--store', db, os.path.join(d, 'h.jsonl'))
    case('hostile: ingest the JSON Lines articles', rc == 0, err)
    rc, out, err = run('ingest', '-q', '--lossy', '--store', db, sur)
    case('hostile: ingest the surrogate bytes with --lossy', rc == 0, err)
    rc, out, err = run('events', '--store', db, '--json')
    evs = json.loads(out) if rc == 0 else []
    case('hostile: the store holds events with the hostile text',
         any('</text><script>' in e['text'] for e in evs) and any('Netflix' in e['text'] for e in evs), out[:300])
    outs = {}
    for fmt in ('ics', 'json', 'timelinejs', 'html', 'svg'):
        path = os.path.join(tmp, 'hostile.' + fmt)
        rc, out, err = run('render', '--store', db, '-f', fmt, '-o', path)
        if 'not written yet' in err:
            case('hostile %s # SKIP the renderer has not landed' % fmt, True)
            continue
        case('hostile: render %s exit 0' % fmt, rc == 0, err)
        outs[fmt] = open(path, 'rb').read() if rc == 0 else b''
    if 'json' in outs:
        try:
            tl = json.loads(outs['json'])
            case('hostile: timeline.json is valid JSON with every event', len(tl.get('events', [])) == len(evs))
            flat = json.dumps(tl, ensure_ascii=False)
            case('hostile: timeline.json keeps the characters as text', '</text><script>' in flat and '"}' in flat)
        except ValueError as e:
            case('hostile: timeline.json is valid JSON', False, str(e))
    if 'timelinejs' in outs:
        try:
            json.loads(outs['timelinejs'])
            case('hostile: timelinejs.json is valid JSON', True)
        except ValueError as e:
            case('hostile: timelinejs.json is valid JSON', False, str(e))
    if 'ics' in outs:
        try:
            import icalendar
            cal = icalendar.Calendar.from_ical(outs['ics'])
            vevents = [c for c in cal.walk() if c.name == 'VEVENT']
            case('hostile: the calendar has exactly %d events' % len(evs), len(vevents) == len(evs),
                 '%d VEVENT' % len(vevents))
            lines = outs['ics'].replace(b'\r\n ', b'').split(b'\r\n')  # unfolded
            case('hostile: no calendar line is END:VEVENT or BEGIN:VEVENT but the real ones',
                 lines.count(b'END:VEVENT') == len(evs) and lines.count(b'BEGIN:VEVENT') == len(evs),
                 '%d %d' % (lines.count(b'END:VEVENT'), lines.count(b'BEGIN:VEVENT')))
            descs = ' '.join(str(v.get('DESCRIPTION', '')) + str(v.get('SUMMARY', '')) for v in vevents)
            case('hostile: the calendar keeps END:VEVENT as text', 'END:VEVENT' in descs, descs[:300])
        except ImportError:
            case('hostile ics # SKIP python3-icalendar missing', True)
    if 'svg' in outs:
        p = subprocess.run(['xmllint', '--noout', os.path.join(tmp, 'hostile.svg')], capture_output=True, text=True)
        case('hostile: the SVG is well-formed XML (xmllint)', p.returncode == 0, p.stderr[:400])
        case('hostile: no <script> element in the SVG', b'<script' not in outs['svg'])
    if 'html' in outs:
        html = outs['html'].decode('utf8', 'replace')
        case('hostile: the HTML holds no injected <script>alert', '<script>alert' not in html)
        case('hostile: the HTML has no stray </text><script> markup', '</text><script>' not in html)
        case('hostile: the HTML keeps the text (escaped)', 'alert(1)' in html)
        # in a browser, after the page's script ran (the web tests' chromium --dump-dom)
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import cli_web
        if cli_web.chromium() is None:
            case('hostile html in a browser # SKIP no chromium', True)
            return
        dom = cli_web.dump_dom(os.path.join(tmp, 'hostile.html'))
        main = dom[dom.find('<main'):dom.find('</main>')]
        case('hostile: in the browser, each event is listed (%d)' % len(evs),
             len(re.findall(r'<li class="event', main)) == len(evs), main[:300])
        case('hostile: in the browser, no element came from the text',
             not re.search(r'<(script|img|iframe|text)\b', main), main[:300])
        case('hostile: in the browser, the characters show as text',
             '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;' in main and ']]&gt;' in main and '"}' in main
             and 'END:VEVENT' in main and '\ufffd' in main, main[:300])


def big_store(tmp):
    """A store with many events made with SQL into a store frise created:
    `frise events --top 100` must stay far below what listing all takes."""
    n = int(os.environ.get('FRISE_HARDEN_EVENTS', '200000'))
    db = os.path.join(tmp, 'big.db')
    d = os.path.join(tmp, 'one')
    write_articles(d, 'one', 1, random.Random(1))
    rc, _, err = run('ingest', '-q', '--store', db, d)
    case('big store: seeded by frise', rc == 0, err)
    con = sqlite3.connect(db)
    seq = con.execute('SELECT seq FROM articles').fetchone()[0]
    con.execute('DELETE FROM events')
    # made by SQLite itself: the test's own memory stays small, since a
    # child's peak RSS counts what it had before exec
    con.execute("WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < ?) "
                "INSERT INTO events (id, ord, value, mod, is_time, title, text, type, status, score, conflict, edited, "
                "hidden, sequence, created, modified, digest, rank, why) SELECT printf('e%07d', i), i, printf('%04d-%02d', 1900 + i % 125, 1 + i % 12), "
                "'', 0, 'Évènement numéro ' || i, "
                "'Le texte de l’évènement numéro ' || i || ', assez long pour peser un peu en mémoire.', "
                "'other', 0, ((i * 7919) % 1000003) / 1000003.0, 0, 0, 0, 0, 0, 0, 'd' || i, "
                "((i * 7919) % 1000003) / 1000003.0, NULL FROM c", (n,))
    con.execute("INSERT INTO event_sources (event, idx, article, key, quote, raw_start, raw_end, value, mod, why) "
                "SELECT id, 0, ?, 'k' || ord, 'citation ' || ord, ord, ord + 10, value, '', NULL FROM events", (seq,))
    con.commit()
    best = [r[0] for r in con.execute('SELECT id FROM events ORDER BY rank DESC LIMIT 100')]
    con.close()

    # os.wait4 gives the child's own peak RSS (ru_maxrss, KiB)
    def rss(*args):
        p = subprocess.Popen(WRAP + [FRISE] + list(args), env=ENV, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
        out = p.stdout.read()
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        p.stdout.close()
        return p.returncode, out, ru.ru_maxrss

    rc, out, top_kib = rss('events', '--store', db, '--json', '--top', '100')
    got = [e['id'] for e in json.loads(out)] if rc == 0 else []
    case('big store (%d events): --top 100 lists the 100 best-scored' % n,
         rc == 0 and sorted(got) == sorted(best), str(got[:5]))
    rc, out, all_kib = rss('events', '--store', db, '--json')
    case('big store: listing all of them works', rc == 0 and out.count(b'"id"') >= n)
    case('big store: --top 100 peaks at %d KiB, under a quarter of listing all (%d KiB)' % (top_kib, all_kib),
         top_kib * 4 < all_kib)


def main():
    tmp = tempfile.mkdtemp(prefix='frise-cli-harden-')
    db = crash_safety(tmp)
    atomic_outputs(tmp, db)
    limits(tmp)
    hostile_outputs(tmp)
    big_store(tmp)
    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:6]:
                print('#   ' + line)
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)


if __name__ == '__main__':
    main()
