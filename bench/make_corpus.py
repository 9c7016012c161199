#!/usr/bin/env python3
"""Writes a French news corpus for the benchmarks, made from the repository's
own texts: the seed articles' paragraphs, shuffled and re-dated, plus
generated sentences that each report a distinct dated event, so that the
store holds many events, not five. Deterministic (fixed seed).

Usage: make_corpus.py OUTDIR [--articles N] [--mb MB]
Writes OUTDIR/NNNNN.txt (each with a " date YYYY-MM-DD" header, as the
seeds have) until both N articles and MB megabytes are reached, and
OUTDIR/all.txt, the same text in one file (for single-file taggers).
"""
import argparse, glob, os, random

MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
          'septembre', 'octobre', 'novembre', 'décembre']
ACTORS = ['OpenAI', 'le ministère', 'la mairie de Lyon', 'Google', 'le syndicat SAG-AFTRA', 'Runway',
          'la Commission européenne', 'Netflix', 'Ubisoft', 'le Sénat', 'Mistral AI', 'la CGT']
ACTS = ['a dévoilé', 'a présenté', 'a annoncé', 'a lancé', 'a publié', 'a déposé une plainte contre',
        'a rencontré', 'a signé un partenariat avec', 'a levé des fonds auprès de', 'a critiqué']
OBJECTS = ['un nouveau modèle vidéo', 'les studios de Hollywood', 'un rapport sur la sécurité',
           'un accord de licence', 'les artistes indépendants', 'une grève des doublages',
           'un générateur d’images', 'le projet de loi sur l’IA', 'un fonds de soutien', 'une application mobile']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('--articles', type=int, default=10000)
    ap.add_argument('--mb', type=float, default=50)
    a = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    paras = []
    for p in sorted(glob.glob(os.path.join(root, 'articles', '*.txt'))):
        text = open(p, encoding='utf8').read()
        if text.startswith(' date '):
            text = text[len(' date 2024-03 '):]
        paras += [l for l in text.split('\n') if len(l) > 40]
    rnd = random.Random(20241126)
    os.makedirs(a.outdir, exist_ok=True)
    total = 0
    n = 0
    with open(os.path.join(a.outdir, 'all.txt'), 'w', encoding='utf8') as whole:
        while n < a.articles or total < a.mb * 1e6:
            year = rnd.randint(1995, 2025)
            month = rnd.randint(1, 12)
            day = rnd.randint(1, 28)
            lines = []
            for _ in range(rnd.randint(3, 8)):
                lines.append(rnd.choice(paras))
                d = rnd.randint(1, 28)
                m = rnd.randint(1, 12)
                lines.append('Le %d %s %d, %s %s %s.' % (d, MONTHS[m - 1], year - rnd.randint(0, 3),
                             rnd.choice(ACTORS), rnd.choice(ACTS), rnd.choice(OBJECTS)))
            body = ' date %04d-%02d-%02d %s\n' % (year, month, day, '\n'.join(lines))
            data = body.encode('utf8')
            with open(os.path.join(a.outdir, '%05d.txt' % n), 'wb') as f:
                f.write(data)
            whole.write(body)
            total += len(data)
            n += 1
    print('%d articles, %.1f MB' % (n, total / 1e6))


if __name__ == '__main__':
    main()
