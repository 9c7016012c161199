#!/usr/bin/env python3
"""What libfrise and the layer libraries export.

    abi.py --lib libfrise.so --frise FRISE [--aux abi-decls.aux]
           --headers include/frise/*.h --layers libfrise-core.a …

Checks, with nm and readelf:
  - libfrise.so exports exactly the functions the public headers declare
    (read by tools/frise-symbols.py, which makes the version script, and,
    with --aux, by GCC itself: -aux-info of a file that includes every
    public header), versioned FRISE_<major>, with soname libfrise.so.<major>;
  - each public function carries its header's prefix (date.h: date_;
    render.h: render_ and the renderers' ics_, json_, html_, draw_);
  - private functions that share a public prefix (store_begin of
    src/store/rows.h, text_*, lang_*, morph_*, templates_*, tx_*…) are
    not exported;
  - each object of the static layer libraries exports only its module's
    prefix (STYLE.md item 1): its file's name (date.c: date_; morph_en.c:
    morph_en_ or morph_), or the prefix its layer or module states, listed
    in the tables below;
  - the frise executable uses the shared library and holds none of it.
Prints one TAP line per check; exits 1 when one fails.
"""
import argparse
import importlib.util
import os
import re
import subprocess
import sys

# What an object may export beyond its file's name, by layer and by file.
# Keep these short: a new module normally takes its file's name as prefix.
LAYER_PREFIXES = {
    'tagger': ['tx_'],          # timex_private.h: what the tagger's files share
}
FILE_PREFIXES = {
    'candidate': ['candidates_'],   # candidate.h: candidate_ (one), candidates_ (a document's)
    'similarity': ['sim_'],         # similarity.h
    'attribution': ['attrib_'],     # attribution.h
    'boilerplate': ['boiler_'],     # frise/boilerplate.h
    'frise-resources': ['frise_res_'],  # gnome.compile_resources(c_name: 'frise_res')
}
# Public headers whose functions carry more than the header's name.
HEADER_PREFIXES = {
    'render.h': ['render_', 'ics_', 'json_', 'html_', 'draw_'],
    'boilerplate.h': ['boiler_'],
}
# Private functions that share a public prefix: never exported.
PRIVATE = ['store_begin', 'store_commit', 'store_put_article', 'store_load_docs', 'text_fold',
           'lang_has', 'morph_find', 'templates_new', 'candidates_find', 'merge_candidates',
           'estimate_of', 'headline_make', 'sim_words', 'tx_resolve', 'frise_res_get_resource']

failures = 0
count = 0


def check(ok, what, got=None):
    global failures, count
    count += 1
    if not ok:
        failures += 1
    print('%s %d - %s%s' % ('ok' if ok else 'not ok', count, what,
                            '' if ok or got is None else '  # got %r' % (got,)))
    return ok


def run(*argv):
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


def symbols_py():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools', 'frise-symbols.py')
    spec = importlib.util.spec_from_file_location('frise_symbols', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def aux_declarations(path):
    """{name: header} of the functions GCC saw declared in include/frise/."""
    out = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'/\* (\S*include/frise/(\w+\.h)):\d+:\w+ \*/ (.*)$', line)
            if not m or re.search(r'\bstatic\b', m[3]):
                continue
            name = re.search(r'(\w+) \(', m[3])
            if name:
                out[name[1]] = m[2]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lib', required=True)
    ap.add_argument('--frise', required=True)
    ap.add_argument('--version', required=True)
    ap.add_argument('--aux')
    ap.add_argument('--headers', nargs='+', required=True)
    ap.add_argument('--layers', nargs='+', required=True)
    args = ap.parse_args()
    major = args.version.split('.')[0]

    sym = symbols_py()
    # the reader of declarations, on the forms it must tell apart
    sample = '''/* a comment with f(x); */ #define X(a) (a)
G_BEGIN_DECLS
typedef void (*Fn)(int);
__attribute__((warn_unused_result)) char *a_new(void);
G_GNUC_PRINTF(1, 2) void a_log(const char *fmt, ...);
void a_each(void (*fn)(int x), void *d);
static inline int a_inline(int x) { return x + 1; }
typedef struct { int (*cb)(void); } A;
struct b { int x; };
extern const char a_table[];
int a_last(void) G_GNUC_CONST;
G_END_DECLS
'''
    got = sym.declared(sample)
    check(got == ['a_new', 'a_log', 'a_each', 'a_table', 'a_last'],
          'frise-symbols.py keeps declarations, drops typedefs, statics, macros and comments', got)
    api = sym.public_functions(args.headers)
    check(len(api) > 50, 'tools/frise-symbols.py reads the public functions (%d)' % len(api))
    if args.aux:
        gcc = aux_declarations(args.aux)
        check(gcc == api, 'frise-symbols.py reads the headers as GCC does',
              {'gcc only': sorted(set(gcc) - set(api)), 'script only': sorted(set(api) - set(gcc))})
    else:
        print('# not GCC: the headers were read by frise-symbols.py only')

    # libfrise.so: exactly the API, versioned
    dyn = {}
    for line in run('nm', '-D', '--defined-only', args.lib).split('\n'):
        f = line.split()
        if len(f) == 3 and f[1] != 'A':  # A: the version node itself
            name, _, node = f[2].partition('@@')
            dyn[name] = node
    check(sorted(dyn) == sorted(api), 'libfrise.so exports exactly the public API',
          {'missing': sorted(set(api) - set(dyn)), 'extra': sorted(set(dyn) - set(api))})
    check(set(dyn.values()) <= {'FRISE_' + major}, 'every export is versioned FRISE_' + major,
          sorted(set(dyn.values())))
    for name in PRIVATE:
        check(name not in dyn, 'libfrise.so keeps %s private' % name)
    soname = re.search(r'\(SONAME\)\s+Library soname: \[(.*)\]', run('readelf', '-d', args.lib))
    check(soname and soname[1] == 'libfrise.so.' + major, 'soname libfrise.so.' + major,
          soname and soname[1])
    for name, header in sorted(api.items()):
        allowed = HEADER_PREFIXES.get(header, [header[:-2] + '_'])
        if not name.startswith(tuple(allowed)):
            check(False, '%s (%s) carries its header\'s prefix %s' % (name, header, ' or '.join(allowed)))
    check(True, 'every public function carries its header\'s prefix')

    # the layers: each object exports its module's prefixes only
    bad = []
    nobjects = 0
    for archive in args.layers:
        layer = re.match(r'libfrise-(\w+)\.a$', os.path.basename(archive))[1]
        seen = set()
        for line in run('nm', '-A', '-g', '--defined-only', archive).split('\n'):
            m = re.match(r'.*?:([^:]+\.o):\s*(?:[0-9a-f]+ )?[A-Za-z] (\S+)$', line)
            if not m:
                continue
            obj, sym = os.path.basename(m[1]), m[2]  # meson's archives are thin: members are paths
            if sym.startswith('_'):  # the compiler's and sanitizers' own
                continue
            seen.add(obj)
            stem = re.sub(r'\.c\.o$', '', obj)
            stem = 'frise-resources' if 'frise-resources' in stem else stem
            allowed = [stem + '_', stem.split('_')[0] + '_'] + LAYER_PREFIXES.get(layer, []) + \
                FILE_PREFIXES.get(stem, []) + FILE_PREFIXES.get(stem.split('_')[0], [])  # a module's files share its prefixes
            if not sym.startswith(tuple(allowed)):
                bad.append('%s/%s: %s (allowed: %s)' % (layer, obj, sym, ', '.join(allowed)))
        nobjects += len(seen)
    check(nobjects > 20, 'nm reads the objects of the layer libraries (%d)' % nobjects)
    check(not bad, 'each object exports only its module\'s prefixes', bad)

    # the executable: linked against libfrise.so, none of it inside
    needed = re.findall(r'\(NEEDED\)\s+Shared library: \[(.*)\]', run('readelf', '-d', args.frise))
    check('libfrise.so.' + major in needed, 'frise needs libfrise.so.' + major, needed)
    own = [l.split()[-1] for l in run('nm', '--defined-only', args.frise).split('\n')
           if l.strip() and l.split()[-1] in api]
    check(not own, 'frise holds no copy of a libfrise function', own)

    print('1..%d' % count)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
