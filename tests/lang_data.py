#!/usr/bin/env python3
"""Language knowledge is data: no month or weekday name of French or English in
a string of the C sources (they belong in src/lang/xx/), every list and string
key the code reads is in each language's words.txt, and each words.txt has only
sections the loader knows. One line per check."""
import os, re, sys, unicodedata

ROOT = os.environ.get('FRISE_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..'))
SRC = os.path.join(ROOT, 'src')
failures = 0
n = 0


def check(name, cond, detail=''):
    global failures, n
    n += 1
    print('%s %d - %s%s' % ('ok' if cond else 'not ok', n, name, '' if cond else ' # ' + str(detail)[:600]))
    if not cond:
        failures += 1


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if not unicodedata.combining(c)).lower()


def strings_of(path):
    """The string literals of a C file, comments removed."""
    text = open(path, encoding='utf-8').read()
    out, i = [], 0
    while i < len(text):
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = len(text) if j < 0 else j + 2
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = len(text) if j < 0 else j
        elif text[i] == "'":
            j = i + 1
            while j < len(text) and text[j] != "'":
                j += 2 if text[j] == '\\' else 1
            i = j + 1
        elif text[i] == '"':
            j = i + 1
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i + 1:j])
            i = j + 1
        else:
            i += 1
    return out


sources = []
for d, _, files in os.walk(SRC):
    if os.path.relpath(d, SRC).split(os.sep)[0] == 'lang':
        continue
    sources += [os.path.join(d, f) for f in files if f.endswith(('.c', '.h'))]

# 1. no calendar word in a C string
NAMES = ('janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre '
         'january february april june july august september october november december '
         'lundi mardi mercredi jeudi vendredi samedi dimanche '
         'monday tuesday wednesday thursday friday saturday sunday').split()
word = re.compile(r'\b(%s)\b' % '|'.join(NAMES))
hits = []
for p in sorted(sources):
    for s in strings_of(p):
        m = word.search(fold(s))
        if m:
            hits.append('%s: "%s"' % (os.path.relpath(p, ROOT), s[:60]))
check('no month or weekday name in a string of src/ (outside src/lang/)', not hits, '; '.join(hits))


# 2. words.txt: known sections, and the lists and strings the code reads
def sections(path):
    secs, cur = {}, None
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if line.startswith('[') and line.endswith(']'):
            cur = line[1:-1]
            secs.setdefault(cur, [])
        elif cur is not None:
            secs[cur].append(line)
    return secs


lang_c = open(os.path.join(SRC, 'core', 'lang.c'), encoding='utf-8').read()
known = set(re.findall(r'\{ "([a-z-]+)", (?:true|false) \}', lang_c)) | {'strings'}
keys = set()
for p in sources:
    for m in re.finditer(r'lang_string(?:_own)?\([^,]+, "([a-z0-9._-]+)"\)', open(p, encoding='utf-8').read()):
        keys.add(m.group(1))
langs = sorted(d for d in os.listdir(os.path.join(SRC, 'lang')) if os.path.isdir(os.path.join(SRC, 'lang', d)))
check('there are languages in src/lang/', len(langs) >= 2, langs)
for lang in langs:
    secs = sections(os.path.join(SRC, 'lang', lang, 'words.txt'))
    check('%s/words.txt: every section is one the loader reads' % lang, set(secs) <= known, set(secs) - known)
    for name, count in (('months', 12), ('months-abbr', 12), ('weekdays', 7)):
        check('%s/words.txt: [%s] has %d entries' % (lang, name, count), len(secs.get(name, [])) == count,
              len(secs.get(name, [])))
    for name in ('detect', 'stop-words', 'abbreviations', 'planned-cues', 'boilerplate'):
        check('%s/words.txt: [%s] is not empty' % (lang, name), len(secs.get(name, [])) > 0)
    strings = {l.split(' = ', 1)[0].strip() for l in secs.get('strings', []) if ' = ' in l or l.endswith(' =')}
    if lang == 'en':  # the fallback of every string
        missing = sorted(k for k in keys if k not in strings)
        check('en/words.txt has every string key the code reads', not missing, missing)
    page = sorted(k for k in sections(os.path.join(SRC, 'lang', 'en', 'words.txt')).get('strings', []) if k.startswith('page.'))
    page_keys = {k.split(' = ', 1)[0].strip() for k in page}
    mine = {k for k in strings if k.startswith('page.')}
    missing = sorted(k for k in page_keys - mine if not k.endswith('.zero'))
    check('%s/words.txt has every page.* string English has' % lang, not missing, missing)

print('1..%d' % n)
sys.exit(1 if failures else 0)
