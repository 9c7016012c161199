#!/usr/bin/env python3
"""libfrise installed, and a program built against the installed tree.

    install.py --build BUILDDIR --meson MESON --cc CC… [--sanitize S] [--cxx CXX…]

Runs `meson install --destdir DIR`, then:
  - DIR holds exactly the binary, the library (file, soname and dev
    links), every header of include/frise/ (and the generated version.h),
    frise.pc and the man pages: nothing else, no data file (the data is
    compiled in);
  - `pkg-config --cflags --libs frise` (PKG_CONFIG_PATH at DIR; frise.pc
    is relocatable, see src/meson.build) gives what examples/timeline.c
    needs to compile, warning-free, and link: no header or library of the
    build tree is on its command line;
  - the example, run on a seed article (LD_LIBRARY_PATH at DIR), prints
    valid JSON holding that article's events, with libfrise's version;
    on all five seeds it gives the timeline the installed `frise build`
    gives, run from a folder that is not the source tree;
  - every library libfrise.so needs is named by `pkg-config --static
    --libs frise` (a layer's new library must reach frise.pc);
  - the C block of README.md's "Library" section compiles and runs;
  - with --cxx, the headers compile as C++ and link (G_BEGIN_DECLS).
Prints one TAP line per check; exits 1 when one fails.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.environ.get('FRISE_SOURCE_ROOT', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
WRAP = shlex.split(os.environ.get('FRISE_WRAPPER', ''))
SEED = '002_625f1368fff93cb8.txt'  # dated 2024-03 (header): OpenAI meets the studios
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


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', required=True)
    ap.add_argument('--meson', required=True)
    ap.add_argument('--version', required=True)
    ap.add_argument('--sanitize', default='none')
    ap.add_argument('--commands', nargs='*', default=[])
    ap.add_argument('--cc', required=True, help='the C compiler command, as one shell string')
    ap.add_argument('--cxx', default='')
    args = ap.parse_args()
    args.cc, args.cxx = shlex.split(args.cc), shlex.split(args.cxx)
    tmp = tempfile.mkdtemp(prefix='frise-install-')
    try:
        test(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('1..%d' % count)
    sys.exit(1 if failures else 0)


def test(args, tmp):
    # meson test points LD_LIBRARY_PATH at the build tree's libfrise: the
    # installed programs must do without it
    os.environ.pop('LD_LIBRARY_PATH', None)
    dest = os.path.join(tmp, 'root')
    r = run([args.meson, 'install', '-C', args.build, '--destdir', dest, '--no-rebuild', '--quiet'])
    if not check(r.returncode == 0, 'meson install --destdir', r.stdout + r.stderr):
        return
    opts = {o['name']: o['value'] for o in
            json.loads(run([args.meson, 'introspect', '--buildoptions', args.build], check=True).stdout)}
    prefix = opts['prefix']

    def at(option):  # an install folder inside DIR
        d = opts[option]
        return os.path.join(dest + prefix, d) if not os.path.isabs(d) else dest + d

    bindir, libdir, incdir, mandir = at('bindir'), at('libdir'), at('includedir'), at('mandir')
    pcdir = os.path.join(libdir, 'pkgconfig')
    major = args.version.split('.')[0]

    # what is installed: exactly these
    headers = sorted(f for f in os.listdir(os.path.join(ROOT, 'include', 'frise')) if f.endswith('.h'))
    want = {os.path.join(bindir, 'frise'), os.path.join(pcdir, 'frise.pc'),
            os.path.join(libdir, 'libfrise.so'), os.path.join(libdir, 'libfrise.so.' + major),
            os.path.join(libdir, 'libfrise.so.' + args.version)}
    want |= {os.path.join(incdir, 'frise', h) for h in headers + ['version.h']}
    want |= {os.path.join(mandir, 'man1', p + '.1') for p in ['frise'] + ['frise-' + c for c in args.commands]}
    got = {os.path.join(d, f) for d, _, fs in os.walk(dest) for f in fs}
    check(got == want, 'meson install puts the binary, the library, every public header, frise.pc '
          'and the man pages, nothing else',
          {'missing': sorted(want - got), 'unexpected': sorted(got - want)})
    check(os.path.islink(os.path.join(libdir, 'libfrise.so.' + major)) and
          os.readlink(os.path.join(libdir, 'libfrise.so.' + major)) == 'libfrise.so.' + args.version,
          'libfrise.so.%s -> libfrise.so.%s' % (major, args.version))
    frise = os.path.join(bindir, 'frise')
    dyn = run(['readelf', '-d', frise]).stdout
    runpath = re.findall(r'\((?:RUNPATH|RPATH)\)\s+Library r\w*path: \[(.*)\]', dyn)
    check('libfrise.so.' + major in dyn and runpath and os.path.abspath(args.build) not in runpath[0],
          'the installed frise needs libfrise.so.%s, through no build-tree runpath' % major, runpath)
    found = re.search(r'libfrise\.so\.\d+ => (\S+)', run(['ldd', frise]).stdout)
    check(found is not None and os.path.realpath(found[1]).startswith(os.path.realpath(dest)),
          'the installed frise finds the installed libfrise by itself (runpath $ORIGIN/…)',
          found and found[1])

    # pkg-config against DIR
    env = dict(os.environ, PKG_CONFIG_PATH=pcdir)
    env.pop('PKG_CONFIG_LIBDIR', None)
    with open(os.path.join(pcdir, 'frise.pc'), encoding='utf-8') as f:
        relocatable = '${pcfiledir}' in f.read()
    r = run(['pkg-config', '--modversion', 'frise'], env=env)
    check(r.stdout.strip() == args.version, 'pkg-config --modversion frise', r.stdout + r.stderr)
    if relocatable:
        r = run(['pkg-config', '--cflags', '--libs', 'frise'], env=env)
        flags = shlex.split(r.stdout)
    else:
        # A build folder configured before pkgconfig.relocatable became the
        # default: frise.pc names the real prefix. --define-variable would
        # move glib's prefix too (so would PKG_CONFIG_SYSROOT_DIR), so
        # frise's own folders are read with DIR's prefix, its requirements'
        # flags as they are.
        print('# frise.pc is not relocatable (meson configure -Dpkgconfig.relocatable=true): '
              'its folders read with --define-variable=prefix=DIR')
        own = {}
        for var in ('includedir', 'libdir'):
            own[var] = run(['pkg-config', '--define-variable=prefix=' + dest + prefix, '--variable=' + var,
                            'frise'], env=env).stdout.strip()
        r = run(['pkg-config', '--cflags', '--libs', 'frise'], env=env)
        flags = ['-I' + own['includedir'], '-L' + own['libdir']] + shlex.split(r.stdout)
    check(r.returncode == 0 and '-lfrise' in flags, 'pkg-config --cflags --libs frise', r.stdout + r.stderr)
    check(any(f.startswith('-I' + dest) for f in flags) and any(f.startswith('-L' + dest) for f in flags),
          'its -I and -L point into DIR', flags)
    build = os.path.abspath(args.build)
    check(not any(build in f or os.path.abspath(ROOT) in f for f in flags),
          'no flag points into the build or source tree', flags)

    # the example, built against DIR
    san = ['-fsanitize=' + args.sanitize] if args.sanitize not in ('', 'none') else []
    exe = os.path.join(tmp, 'timeline')
    cmd = args.cc + ['-std=c17', '-Wall', '-Wextra', '-Werror', '-o', exe,
                     os.path.join(ROOT, 'examples', 'timeline.c')] + san + flags
    r = run(cmd)
    if not check(r.returncode == 0, 'examples/timeline.c compiles and links, warning-free, with '
                 'pkg-config\'s flags alone', ' '.join(cmd) + '\n' + r.stderr):
        return
    runenv = dict(os.environ, LD_LIBRARY_PATH=libdir)
    ldd = run(['ldd', exe], env=runenv).stdout
    m = re.search(r'libfrise\.so\.\d+ => (\S+)', ldd)
    check(m is not None and m[1].startswith(dest), 'the example loads libfrise from DIR', ldd)

    seed = os.path.join(ROOT, 'articles', SEED)
    r = run(WRAP + [exe, seed], env=runenv)
    check(r.returncode == 0, 'timeline %s exits 0' % SEED, r.stderr)
    try:
        doc = json.loads(r.stdout)
    except ValueError as e:
        check(False, 'its output is JSON', str(e))
        return
    check(doc.get('format') == 'frise-timeline', 'its output is a frise timeline', doc.get('format'))
    check(doc.get('frise_version') == args.version, 'made by libfrise %s' % args.version, doc.get('frise_version'))
    events = doc.get('events', [])
    check(len(events) >= 3, 'the seed gives events', len(events))
    check(all(s.get('article') == SEED for e in events for s in e.get('sources', [])),
          'every source is the seed article')
    meeting = [e for e in events if e.get('type') == 'meeting' and e['date']['value'] == '2024-03']
    check(len(meeting) == 1 and 'studios' in meeting[0]['title'],
          'OpenAI meeting the studios in March 2024 is one of them', [(e['type'], e['date']['value']) for e in events])
    check(re.search(r'timeline: %d events from 1 articles \(libfrise %s\)' % (len(events), re.escape(args.version)),
                    r.stderr) is not None, 'it says so on stderr, with frise_version()', r.stderr)
    bad = run(WRAP + [exe, os.path.join(tmp, 'missing.txt')], env=runenv)
    check(bad.returncode == 1 and 'missing.txt' in bad.stderr, 'a missing file: exit 1, named', bad.stderr)

    # the README's example block, with a main() that feeds it two seeds
    readme = open(os.path.join(ROOT, 'README.md'), encoding='utf-8').read()
    block = re.search(r'\n## Library\n.*?\n```c\n(.*?)\n```\n', readme, re.S)
    if check(block is not None, 'README.md has a C block under "## Library"'):
        src = os.path.join(tmp, 'readme.c')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(block[1] + '''
int main(int argc, char **argv)
{
	GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
	for (int i = 1; i < argc; i++) {
		char *t = NULL;
		g_file_get_contents(argv[i], &t, NULL, NULL);
		g_ptr_array_add(texts, t);
	}
	GError *error = NULL;
	char *json = timeline_json((const char *const *)texts->pdata, texts->len, &error);
	g_ptr_array_unref(texts);
	if (json == NULL) {
		fprintf(stderr, "%s\\n", error->message);
		g_error_free(error);
		return 1;
	}
	fputs(json, stdout);
	g_free(json);
	return 0;
}
''')
        exe2 = os.path.join(tmp, 'readme')
        r = run(args.cc + ['-std=c17', '-Wall', '-Wextra', '-Werror', '-o', exe2, src] + san + flags)
        if check(r.returncode == 0, 'the README\'s block compiles against DIR, warning-free', r.stderr):
            two = [os.path.join(ROOT, 'articles', f) for f in ('003_1b4fb6547746176d.txt', '004_dbbdb871ba59854e.txt')]
            r = run(WRAP + [exe2] + two, env=runenv)
            try:
                doc = json.loads(r.stdout)
            except ValueError:
                doc = {}
            leak = [e for e in doc.get('events', []) if e['type'] == 'leak' and e['date']['value'] == '2024-11-26']
            check(r.returncode == 0 and len(leak) == 1 and len(leak[0]['sources']) == 2,
                  'it gives the leak of 26 November 2024, merged from the two articles that report it',
                  r.stderr or [(e['type'], e['date']['value']) for e in doc.get('events', [])])

    # all five seeds: the example and the installed frise agree
    seeds = sorted(os.path.join(ROOT, 'articles', f) for f in os.listdir(os.path.join(ROOT, 'articles')))
    r = run(WRAP + [exe] + seeds, env=runenv)
    out = os.path.join(tmp, 'out')
    elsewhere = os.path.join(tmp, 'cwd')
    os.makedirs(elsewhere)
    b = run(WRAP + [frise, 'build', '-q', '-o', out] + seeds, cwd=elsewhere)  # no LD_LIBRARY_PATH
    if check(r.returncode == 0 and b.returncode == 0,
             'the example and the installed frise build (run from %s) read the five seeds' % elsewhere,
             r.stderr + b.stderr):
        with open(os.path.join(out, 'timeline.json'), encoding='utf-8') as f:
            cli = json.load(f)
        lib = json.loads(r.stdout)
        key = lambda d: [(e['id'], e['date']['value'], e['title'], len(e['sources'])) for e in d['events']]
        check(key(lib) == key(cli) and len(key(lib)) >= 10, 'they give the same %d events' % len(key(cli)),
              (key(lib), key(cli)))
        reveal = [e for e in lib['events'] if e['type'] == 'reveal' and e['date']['value'] == '2024-02-15']
        check(len(reveal) == 1 and len(reveal[0]['sources']) == 3,
              'the February 2024 reveal of Sora is merged from three articles')
        check(sorted(os.listdir(out)) == ['index.html', 'timeline.ics', 'timeline.json', 'timeline.png',
                                          'timeline.svg', 'timelinejs.json'],
              'the installed frise writes every format from any folder (data compiled in)', os.listdir(out))

    # frise.pc names every library libfrise links
    static = run(['pkg-config', '--static', '--libs', 'frise'], env=env).stdout
    named = set(re.findall(r'-l(\S+)', static))
    lib = os.path.join(libdir, 'libfrise.so.' + args.version)
    needed = re.findall(r'\(NEEDED\)\s+Shared library: \[lib(.+?)\.so', run(['readelf', '-d', lib]).stdout)
    system = {'c', 'm', 'pthread', 'dl', 'rt', 'asan', 'ubsan', 'stdc++', 'gcc_s'}
    missing = [n for n in needed if n not in named and n not in system]
    check(not missing, 'pkg-config --static --libs frise names every library libfrise.so needs '
          '(else add it to requires_private in src/meson.build)', missing)

    # C++ callers
    if args.cxx:
        src = os.path.join(tmp, 'api.cc')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(''.join('#include <frise/%s>\n' % h for h in headers) +
                    '#include <cstdio>\nint main() { std::printf("%s\\n", frise_version()); '
                    'return frise_lang_parse("fr") == FRISE_LANG_FR ? 0 : 1; }\n')
        cxx = args.cxx + ['-Wall', '-Wextra', '-Werror', '-o', os.path.join(tmp, 'api'), src] + san + flags
        r = run(cxx)
        if check(r.returncode == 0, 'the public headers compile and link as C++', ' '.join(cxx) + '\n' + r.stderr):
            r = run(WRAP + [os.path.join(tmp, 'api')], env=runenv)
            check(r.returncode == 0 and r.stdout.strip() == args.version, 'a C++ program calls libfrise',
                  r.stdout + r.stderr)


if __name__ == '__main__':
    main()
