#!/usr/bin/env python3
"""frise tag: formats, offsets into the bytes as given, errors. One line per case."""
import json, os, shlex, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

FRISE = os.environ.get('FRISE', 'build/frise')
WRAP = shlex.split(os.environ.get('FRISE_WRAPPER', ''))
failures = 0
n = 0


def run(args, data=None):
    p = subprocess.run(WRAP + [FRISE, 'tag'] + args, input=data, capture_output=True, timeout=120)
    return p.returncode, p.stdout, p.stderr.decode('utf-8', 'replace')


def check(name, cond, detail=''):
    global failures, n
    n += 1
    print('%s %d - %s%s' % ('ok' if cond else 'not ok', n, name, '' if cond else ' # ' + (detail.decode('utf-8', 'replace') if isinstance(detail, bytes) else str(detail))))
    if not cond:
        failures += 1


tmp = tempfile.mkdtemp()


def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, 'wb') as f:
        f.write(data)
    return path


plain = write('plain.txt', 'Le 24 mars, il a parlé. Il reviendra en février 2025.\n'.encode())
# BOM, CRLF and a decomposed é (NFD): offsets must still slice the raw bytes
odd = write('odd.txt', b'\xef\xbb\xbfTitre\r\nLe 3 fe\xcc\x81vrier 2024, il est venu.\r\n')
bad = write('bad.txt', b'Le 3 mai \xff\xfe 2024')
en = write('en.txt', b'The company said last week that sales rose.\n')


def spans(out):
    doc = json.loads(out)
    return doc, [(t['start'], t['end'], t['text'], t['type'], t['value']) for t in doc['timexes']]


# json: text and offsets agree with the raw bytes
code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', plain])
raw = open(plain, 'rb').read()
doc, sp = spans(out)
check('json exit 0', code == 0, err)
check('json fields', doc['file'] == plain and doc['dct'] == '2024-03-15' and doc['lang'] == 'fr', out)
check('json finds le 24 mars', ('Le 24 mars', 'DATE', '2024-03-24') in [(s[2], s[3], s[4]) for s in sp], out)
check('json finds février 2025', ('février 2025', '2025-02') in [(s[2], s[4]) for s in sp], out)
check('json offsets slice the raw bytes', all(raw[s:e].decode() == t for s, e, t, _, _ in sp), out)

code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', odd])
raw = open(odd, 'rb').read()
doc, sp = spans(out)
check('BOM/CRLF/NFD: one timex', len(sp) == 1, out)
check('BOM/CRLF/NFD: offsets into the raw bytes',
      len(sp) == 1 and raw[sp[0][0]:sp[0][1]] == b'Le 3 fe\xcc\x81vrier 2024' and sp[0][4] == '2024-02-03', out)

# through the article reader (no --dct): the date comes from the article's header,
# and offsets still point at the raw bytes (BOM, CRLF, NFD)
hdr = write('hdr.txt', b'\xef\xbb\xbf date 2024-03-15\r\nIl est venu le 3 fe\xcc\x81vrier.\r\n')
code, out, err = run(['--lang', 'fr', hdr])
raw = open(hdr, 'rb').read()
doc, sp = spans(out)
check('reader: DCT from the header', doc['dct'] == '2024-03-15', out)
got = [(raw[s:e], v) for s, e, _, _, v in sp]
check('reader: offsets into the raw bytes', got == [(b'le 3 fe\xcc\x81vrier', '2024-02-03')], out)
code, out, err = run([hdr])
doc, sp = spans(out)
check('reader: language detected', doc['lang'] == 'fr' and len(sp) >= 1, out)

# stdin
code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', '-'], data=b'Il est venu hier.')
doc, sp = spans(out)
check('stdin', code == 0 and [(s[2], s[4]) for s in sp] == [('hier', '2024-03-14')], out)

# auto language
code, out, err = run(['--dct', '2024-03-15', en])
doc, sp = spans(out)
check('auto language: english', doc['lang'] == 'en', out)

# tsv
code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', '--format', 'tsv', plain])
lines = out.decode().splitlines()
check('tsv header', lines[0].split('\t') == ['file', 'start', 'end', 'text', 'type', 'value', 'mod'], lines[0])
check('tsv row', any(l.split('\t')[3:6] == ['Le 24 mars', 'DATE', '2024-03-24'] for l in lines[1:]), out)

# timeml: well-formed XML whose text is the input and whose TIMEX3 carry values
code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', '--format', 'timeml', '-'],
                     data='Le 24 mars, <b> & "x".'.encode())
try:
    root = ET.fromstring(out)
    text = ''.join(root.find('TEXT').itertext())
    tx = root.find('TEXT').findall('TIMEX3')
    check('timeml parses and keeps the text', text == 'Le 24 mars, <b> & "x".', text)
    check('timeml TIMEX3', len(tx) == 1 and tx[0].get('value') == '2024-03-24' and tx[0].get('type') == 'DATE'
          and tx[0].text == 'Le 24 mars', out)
except ET.ParseError as e:
    check('timeml parses', False, str(e))

# explain
code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', '--explain', plain])
doc = json.loads(out)
t = doc['timexes'][0]
check('explain: rule and steps', t['rule'] and 'DCT' in t['explain'] or 'year' in t['explain'], out)
plan = write('plan.txt', b'The offer had been scheduled to expire Friday.\n')
code, out, err = run(['--dct', '1989-10-30', '--lang', 'en', '--explain', plan])
t = json.loads(out)['timexes'][0]
check('explain: the tense cue names its verb group', t['value'] == '1989-10-27' and
      "tense past (cue 'had been scheduled')" in t['explain'], out)

# without a DCT, values stay underspecified
code, out, err = run(['--lang', 'fr', plain])
doc, sp = spans(out)
check('no DCT: XXXX', ('Le 24 mars', 'XXXX-03-24') in [(s[2], s[4]) for s in sp], out)

# the fast path (--dct and --lang given) reads the body as the reader does:
# front matter and a date header are metadata, never tagged; both paths
# give the same spans
fm = write('fm.txt', '---\ntitle: Le 5 mars en images\ndate: 2024-03-01\n---\nLe 12 mars, il est venu.\n'.encode())
code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', fm])
_, fast = spans(out)
code2, out2, err2 = run(['--dct', '2024-03-15', '--lang', 'fr', '--lossy', fm])  # --lossy: the reader's path
_, slow = spans(out2)
check('fast path: front matter is not tagged', code == 0 and [s[2] for s in fast] == ['Le 12 mars'], out)
check('fast path and reader path give the same spans', fast == slow, (out, out2))
hdr = write('hdr.txt', ' date 2024-03\nLe 12 mars, il est venu.\n'.encode())
code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', hdr])
_, fast = spans(out)
code2, out2, err2 = run(['--dct', '2024-03-15', '--lang', 'fr', '--lossy', hdr])
_, slow = spans(out2)
check('fast path: an inline date header is not tagged', [s[2] for s in fast] == ['Le 12 mars'] and fast == slow, (out, out2))

# one language decision, the reader's: frise tag and frise articles agree,
# and a text no word of which tells its language is said so
def articles_lang(path):
    p = subprocess.run(WRAP + [FRISE, 'articles', '--json', path], capture_output=True, timeout=60)
    return json.loads(p.stdout)[0]['lang']
for name, data in [('few.txt', b'Meeting on March 3, 2024.\n'), ('en2.txt', b'The board said on Tuesday that it would meet on March 3.\n'),
                   ('fr2.txt', 'Le conseil a dit mardi qu\'il se réunira le 3 mars.\n'.encode())]:
    path = write(name, data)
    code, out, err = run(['--dct', '2024-03-01', path])
    doc, sp = spans(out)
    check('tag and articles decide the same language for %s' % name, doc['lang'] == articles_lang(path), (doc['lang'], out))
code, out, err = run(['--dct', '2024-03-01', os.path.join(tmp, 'few.txt')])
check('a text that tells no language is read in a language frise names on stderr',
      'no word tells its language' in err and '--lang' in err, err)

# errors
code, out, err = run(['--dct', '2024-03-15', '--lang', 'fr', bad])
check('invalid UTF-8: exit 1 naming the file and byte', code == 1 and 'bad.txt' in err and 'byte 9' in err, err)
code, out, err = run(['--dct', '2024-03-15', os.path.join(tmp, 'missing.txt')])
check('missing file: exit 1', code == 1 and 'missing.txt' in err, err)
code, out, err = run(['--dct', '2024-13-45', plain])
check('bad DCT: exit 2', code == 2 and '2024-13-45' in err, err)
code, out, err = run(['--format', 'xml', plain])
check('bad format: exit 2', code == 2 and 'xml' in err, err)
code, out, err = run(['--lang', 'de', plain])
check('bad language: exit 2', code == 2, err)

print('1..%d' % n)
sys.exit(1 if failures else 0)
