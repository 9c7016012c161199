#!/usr/bin/env python3
"""The man pages agree with the program's --help.

    man.py FRISE MANDIR COMMAND…

FRISE is the built executable, MANDIR the folder of the built pages
(build/docs/man), COMMAND… the subcommands docs/man/meson.build makes a
page for. Checks, reading --help and the troff here, apart from the
generator (tools/frise-man.py):
  - the commands of `frise --help`, the meson list and the pages are the
    same, and each page's NAME line is the command's summary;
  - each page's OPTIONS are exactly the command's options: short and long
    names, argument and description;
  - every --option a page names anywhere (the hand-written docs/man/*.in
    included) is an option of that command, or of `frise OTHER` when the
    line names another command;
  - groff reads every page without a warning.
Prints one TAP line per check; exits 1 when one fails.
"""
import os
import re
import shutil
import subprocess
import sys

FRISE, MANDIR, COMMANDS = sys.argv[1], sys.argv[2], sys.argv[3:]
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


def run_help(*args):
    r = subprocess.run([FRISE] + list(args) + ['--help'], capture_output=True, text=True,
                       env=dict(os.environ, LC_ALL='C.UTF-8'))
    assert r.returncode == 0, r.stderr
    return r.stdout


def help_options(text):
    """{long: (short, arg, desc)} of the "  -x, --long=ARG   desc" lines."""
    opts = {}
    for line in text.split('\n'):
        m = re.match(r'  (?:-(\w), )?--([\w-]+)(?:=(\S+))?\s{2,}(.*)$', line)
        if m:
            opts[m[2]] = (m[1], m[3], m[4].strip())
    return opts


def help_commands(text):
    block = text.split('Commands:\n', 1)[1].split('\n\n', 1)[0]
    return dict(l.strip().split(None, 1) for l in block.split('\n') if l.strip())


def roff_text(s):
    """troff source -> the text it prints, for comparing (fonts dropped)."""
    s = re.sub(r'\\f[BIRP]', '', s)
    return s.replace('\\-', '-').replace('\\e', '\\').replace('\\&', '')


def page_sections(path):
    """{section name: [lines]} of a page."""
    sections, name = {}, None
    with open(path, encoding='utf-8') as f:
        for line in f.read().split('\n'):
            if line.startswith('.SH '):
                name = line[4:].strip().strip('"')
                sections[name] = []
            elif name is not None:
                sections[name].append(line)
    return sections


def page_options(lines):
    """{long: (short, arg, desc)} of the .TP entries of OPTIONS."""
    opts = {}
    for i, line in enumerate(lines):
        if line == '.TP' and i + 2 < len(lines):
            head, desc = roff_text(lines[i + 1]), roff_text(lines[i + 2])
            m = re.match(r'(?:-(\w), )?--([\w-]+)(?:=(\S+))?$', head)
            if m:
                opts[m[2]] = (m[1], m[3], desc)
            else:
                check(False, 'an OPTIONS entry reads as an option', head)
    return opts


top = run_help()
summaries = help_commands(top)
check(sorted(summaries) == sorted(COMMANDS),
      'frise --help lists the commands docs/man/meson.build makes pages for', sorted(summaries))
options = {c: help_options(run_help(c)) for c in summaries}
options[None] = help_options(top)
every = set().union(*(set(o) for o in options.values()))

pages = {None: 'frise.1'}
pages.update({c: 'frise-%s.1' % c for c in COMMANDS})
check(sorted(f for f in os.listdir(MANDIR) if f.endswith('.1')) == sorted(pages.values()),
      'the built pages are frise.1 and one frise-COMMAND.1 per command', sorted(os.listdir(MANDIR)))
groff = shutil.which('groff')
for cmd, file in pages.items():
    path = os.path.join(MANDIR, file)
    if not check(os.path.exists(path), '%s is built' % file):
        continue
    sec = page_sections(path)
    for s in ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXIT STATUS', 'SEE ALSO'):
        check(s in sec, '%s has a %s section' % (file, s))
    if cmd is not None:
        name = roff_text(' '.join(sec.get('NAME', [])))
        check(name == 'frise-%s - %s' % (cmd, summaries.get(cmd)), '%s: NAME is the command\'s summary' % file, name)
    got = page_options(sec.get('OPTIONS', []))
    want = options.get(cmd, {})
    check(sorted(got) == sorted(want), '%s: OPTIONS lists exactly the options of --help' % file,
          {'missing': sorted(set(want) - set(got)), 'unknown': sorted(set(got) - set(want))})
    for long in sorted(set(got) & set(want)):
        check(got[long] == want[long], '%s: --%s as --help has it' % (file, long), (got[long], want[long]))
    # every --option named in the prose (hand-written .in included)
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f.read().split('\n'), 1):
            text = roff_text(line)
            other = re.search(r'\bfrise (\w+)', text)
            known = every if cmd is None else options.get(other[1] if other and other[1] in options else cmd, {})
            for m in re.finditer(r'(?<![\w-])--([a-z][\w-]*)', text):
                if m[1] not in known:
                    check(False, '%s:%d: --%s is an option of the command' % (file, n, m[1]), text)
    if groff:
        r = subprocess.run([groff, '-k', '-man', '-Tutf8', '-ww', '-z', path], capture_output=True, text=True)
        check(r.returncode == 0 and r.stderr == '', '%s: groff reads it without a warning' % file, r.stderr)

print('1..%d' % count)
sys.exit(1 if failures else 0)
