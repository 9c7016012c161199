#!/usr/bin/env python3
"""A PostgreSQL store shared by several processes at once (run through
tests/pg.py run --, which starts the server and sets FRISE_TEST_PG_URL):

- four `frise ingest` processes started together, on overlapping sets of
  articles: each article is in the store once, and the events are exactly
  those of the same batches ingested one after the other in the order they
  committed (and the same again in SQLite);
- two curators editing one event from the version they both saw: one
  wins, the other gets the conflict (exit 3) naming the winner, and the
  winner's change is what the store holds.

Prints TAP. Honours $FRISE_WRAPPER."""
import json, os, random, shlex, subprocess, sys, tempfile

FRISE = os.path.abspath(os.environ.get('FRISE', 'build/frise'))
WRAP = shlex.split(os.environ.get('FRISE_WRAPPER', ''))
ENV = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get('SOURCE_DATE_EPOCH', '1732665600'), TZ='UTC')
PG = os.environ.get('FRISE_TEST_PG_URL')

MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
          'septembre', 'octobre', 'novembre', 'décembre']
ACTORS = ['OpenAI', 'Google', 'Netflix', 'Ubisoft', 'le Sénat', 'Mistral AI', 'la CGT', 'Runway']
ACTS = ['a dévoilé', 'a annoncé', 'a lancé', 'a publié', 'a signé', 'a présenté']
OBJECTS = ['un nouveau modèle vidéo', 'un rapport sur la sécurité', 'un accord de licence',
           'une application mobile', 'un fonds de soutien']

results = []


def case(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def start(*args, who=None):
    env = dict(ENV, FRISE_USER=who) if who else ENV
    return subprocess.Popen(WRAP + [FRISE] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def run(*args, who=None):
    p = start(*args, who=who)
    out, err = p.communicate(timeout=600)
    return p.returncode, out, err


def store(name):
    return '%s&schema=%s' % (PG, name)


def write_articles(folder, n, rnd):
    """n dated French articles whose events share dates and actors, so
    that the merge joins articles of different batches."""
    os.makedirs(folder, exist_ok=True)
    names = []
    for i in range(n):
        y, m, d = 2024, rnd.randint(1, 12), rnd.randint(1, 28)
        lines = [' date %04d-%02d-%02d Dépêche %d' % (y, m, d, i)]
        for _ in range(rnd.randint(3, 6)):
            lines.append('Le %d %s 2023, %s %s %s. Les détails restent flous selon la presse.' % (
                rnd.randint(1, 3), rnd.choice(MONTHS[:3]), rnd.choice(ACTORS[:3]), rnd.choice(ACTS[:2]),
                rnd.choice(OBJECTS[:2])))
        name = os.path.join(folder, 'a%03d.txt' % i)
        with open(name, 'w', encoding='utf8') as f:
            f.write('\n'.join(lines) + '\n')
        names.append(name)
    return names


def listing(target, history=True):
    rc, out, err = run('events', '--store', target, '--json', '--all')
    assert rc == 0, err
    rc2, out2, err2 = run('articles', '--store', target, '--json')
    assert rc2 == 0, err2
    evs = json.loads(out)
    if not history:
        # how many rebuilds changed an event depends on how the ingests
        # interleaved (one that finds its articles merged by another's
        # rebuild has nothing left to do); what the events say does not
        for e in evs:
            e.pop('version', None)
            e.pop('sequence', None)
    return evs, json.loads(out2)


def four_ingests(tmp):
    files = write_articles(os.path.join(tmp, 'wire'), 40, random.Random(7))
    # four batches of 13, each sharing three articles with the next
    batches = [files[i * 10:i * 10 + 13] for i in range(4)]
    target = store('four')
    procs = [start('ingest', '-q', '--store', target, *b) for b in batches]
    outs = [p.communicate(timeout=600) for p in procs]
    case('four concurrent ingests: all exit 0', all(p.returncode == 0 for p in procs),
         ' | '.join(e for _, e in outs))
    evs, arts = listing(target, history=False)
    ids = [a['id'] for a in arts]
    want = {os.path.basename(f) for f in files}
    case('four concurrent ingests: every article once (%d)' % len(want),
         len(ids) == len(set(ids)) == len(want) and set(ids) == want, '%d listed, %d distinct' % (len(ids), len(set(ids))))
    # the order the batches committed in: where each batch's own articles landed
    pos = {a: i for i, a in enumerate(ids)}
    own = [[f for f in b if sum(f in o for o in batches) == 1] for b in batches]
    order = sorted(range(4), key=lambda k: min(pos.get(os.path.basename(f), 1 << 30) for f in own[k]))
    serial = store('serial')
    for k in order:
        rc, _, err = run('ingest', '-q', '--store', serial, *batches[k])
        assert rc == 0, err
    s_evs, s_arts = listing(serial, history=False)
    case('four concurrent ingests: the events of a serial ingest in commit order %s (%d events)' % (order, len(evs)),
         evs == s_evs and arts == s_arts and len(evs) > 10,
         'concurrent %d events, serial %d' % (len(evs), len(s_evs)))
    merged = [e for e in evs if len({s['article'] for s in e['sources']}) > 1]
    case('four concurrent ingests: events merged across articles of different batches', len(merged) > 0)
    db = os.path.join(tmp, 'serial.db')
    for k in order:
        rc, _, err = run('ingest', '-q', '--store', db, *batches[k])
        assert rc == 0, err
    q_evs, q_arts = listing(db, history=False)
    case('four concurrent ingests: the same events in SQLite', q_evs == evs and q_arts == arts)


def two_editors(tmp):
    files = write_articles(os.path.join(tmp, 'desk'), 6, random.Random(11))
    target = store('desk')
    rc, _, err = run('ingest', '-q', '--store', target, *files)
    assert rc == 0, err
    for rnd in range(3):
        evs, _ = listing(target)
        e = evs[rnd]
        ref = '%s@%d' % (e['id'], e['version'])
        editors = [start('events', 'edit', ref, '--title', 'Titre de %s' % who, '--store', target, who=who)
                   for who in ('alice', 'bob')]
        outs = [p.communicate(timeout=600) for p in editors]
        rcs = sorted(p.returncode for p in editors)
        case('two editors on %s: one wins, the other gets exit 3' % ref, rcs == [0, 3],
             ' | '.join(err for _, err in outs))
        if rcs != [0, 3]:
            continue
        win = 0 if editors[0].returncode == 0 else 1
        winner, loser = ('alice', 'bob')[win], ('alice', 'bob')[1 - win]
        err = outs[1 - win][1]
        case('two editors: the conflict names %s, the change, and the version to redo it on' % winner,
             'conflict' in err and '%s (edit --title)' % winner in err and
             '%s@%d' % (e['id'], e['version'] + 1) in err, err)
        now = [x for x in listing(target)[0] if x['id'] == e['id']]
        case('two editors: the store holds %s\'s title, not %s\'s' % (winner, loser),
             len(now) == 1 and now[0]['title'] == 'Titre de %s' % winner and now[0]['version'] == e['version'] + 1,
             json.dumps(now)[:300])


def main():
    if not PG:
        print('Bail out! FRISE_TEST_PG_URL is not set: run me through tests/pg.py run --')
        sys.exit(1)
    tmp = tempfile.mkdtemp(prefix='frise-cli-pg-')
    four_ingests(tmp)
    two_editors(tmp)
    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:6]:
                print('#   ' + line)
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)


if __name__ == '__main__':
    main()
