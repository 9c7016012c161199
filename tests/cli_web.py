#!/usr/bin/env python3
"""The web page in a real browser (Debian's chromium, driven by playwright-core
from npm, pinned in tests/web/package-lock.json): tests/web/page.mjs over

  1. the renderer fixture (hostile text, every kind of date), opened from disk;
  2. the bare template served over HTTP on 127.0.0.1 beside timeline.json;
  3. when `frise build` works, the seed articles' index.html.

Installs playwright-core (npm ci) when tests/web/node_modules lacks it.
Skips (77) only when no chromium can be had; without node, or when npm
cannot install, falls back to `chromium --dump-dom` checks.
Environment: FRISE, FRISE_RENDER_FIXTURE, FRISE_SOURCE_ROOT, FRISE_WRAPPER;
FRISE_WEB_SHOTS=DIR keeps screenshots there.
"""
import functools
import http.server
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.environ.get('FRISE_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..'))
WEB = os.path.join(ROOT, 'tests', 'web')
WRAP = shlex.split(os.environ.get('FRISE_WRAPPER', ''))
failures = 0


def fail(msg):
    global failures
    failures += 1
    print('FAIL: ' + msg)


def chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        path = shutil.which(name)
        if path:
            return path
    return None


def playwright_ready():
    """True when tests/web/node_modules has playwright-core (installing it if needed)."""
    if not shutil.which('node'):
        print('# node not found: falling back to chromium --dump-dom')
        return False
    if os.path.isfile(os.path.join(WEB, 'node_modules', 'playwright-core', 'package.json')):
        return True
    npm = shutil.which('npm')
    if not npm:
        print('# npm not found: falling back to chromium --dump-dom')
        return False
    r = subprocess.run([npm, 'ci', '--no-audit', '--no-fund', '--ignore-scripts'], cwd=WEB,
                       capture_output=True, text=True, timeout=240)
    if r.returncode != 0:
        print('# npm ci failed, falling back to chromium --dump-dom:\n# ' + r.stderr.replace('\n', '\n# '))
        return False
    return True


def run_page(env_extra, what):
    env = dict(os.environ, CHROMIUM=chromium(), **env_extra)
    r = subprocess.run(['node', os.path.join(WEB, 'page.mjs')], env=env, capture_output=True,
                       text=True, timeout=240)
    for line in r.stdout.splitlines():
        print(('# %s: ' % what if line.startswith('1..') else '') + line)
    if r.returncode != 0:
        fail('%s: page.mjs failed (exit %d)\n%s' % (what, r.returncode, r.stderr[-3000:]))


def dump_dom(path):
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([chromium(), '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
                            '--no-first-run', '--disable-background-networking',
                            '--disable-component-update', '--disable-sync',
                            '--user-data-dir=' + profile, '--virtual-time-budget=5000',
                            '--dump-dom', 'file://' + os.path.abspath(path)],
                           capture_output=True, text=True, timeout=120)
    return r.stdout


def check_dump(folder, what):
    """The fallback: the DOM after the script ran holds every event and no injected element."""
    data = json.load(open(os.path.join(folder, 'timeline.json'), encoding='utf8'))
    dom = dump_dom(os.path.join(folder, 'index.html'))
    ids = re.findall(r'<li class="event[^"]*"[^>]*data-id="([0-9a-f]+)"', dom)
    if ids != [e['id'] for e in data['events']]:
        fail('%s: --dump-dom shows events %s' % (what, ids))
    main = dom[dom.find('<main'):dom.find('</main>')]
    if re.search(r'<(img|script|iframe)\b', main):
        fail('%s: an element came from article text' % what)
    print('ok - %s: --dump-dom shows all %d events' % (what, len(ids)))


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """An HTTP server on 127.0.0.1 (a free port) serving `folder`; returns it."""
    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main():
    if not chromium():
        print('# no chromium on this machine: skipped (.ci/setup installs it)')
        return 77
    fixture = os.environ.get('FRISE_RENDER_FIXTURE')
    shots = os.environ.get('FRISE_WEB_SHOTS')
    use_playwright = playwright_ready()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'fixture')
        os.mkdir(out)
        r = subprocess.run(WRAP + [fixture, out], capture_output=True, text=True)
        if r.returncode != 0:
            fail('render-fixture failed: ' + r.stderr)
            return 1
        if not use_playwright:
            check_dump(out, 'fixture')
        else:
            bare = os.path.join(tmp, 'bare')
            os.mkdir(bare)
            shutil.copy(os.path.join(ROOT, 'templates', 'timeline.html'), os.path.join(bare, 'index.html'))
            shutil.copy(os.path.join(out, 'timeline.json'), os.path.join(bare, 'timeline.json'))
            httpd = serve(bare)
            try:
                env = {'PAGE_URL': 'file://' + os.path.join(out, 'index.html'),
                       'DATA_JSON': os.path.join(out, 'timeline.json'), 'MODE': 'fixture',
                       'FETCH_URL': 'http://127.0.0.1:%d/index.html' % httpd.server_address[1]}
                if shots:
                    os.makedirs(os.path.join(shots, 'fixture'), exist_ok=True)
                    env['SHOT_DIR'] = os.path.join(shots, 'fixture')
                run_page(env, 'fixture')
            finally:
                httpd.shutdown()
            # The same page in English: interface words and dates follow --lang.
            en = os.path.join(tmp, 'en')
            os.mkdir(en)
            subprocess.run(WRAP + [fixture, en, '--lang', 'en'], check=True, capture_output=True)
            page = open(os.path.join(en, 'index.html'), encoding='utf8').read()
            if '<html lang="en">' not in page:
                fail('en: the page does not say lang="en"')
            run_page({'PAGE_URL': 'file://' + os.path.join(en, 'index.html'),
                      'DATA_JSON': os.path.join(en, 'timeline.json'), 'MODE': 'fixture'}, 'fixture in English')

        # The seeds, end to end, once `frise build` writes the page.
        seeds = os.path.join(tmp, 'seeds')
        r = subprocess.run(WRAP + [os.path.abspath(os.environ['FRISE']), 'build', os.path.join(ROOT, 'articles'), '-o', seeds],
                           cwd=tmp, capture_output=True, text=True, timeout=600)
        if r.returncode != 0 or not os.path.isfile(os.path.join(seeds, 'index.html')):
            print('# frise build does not write the page yet: seeds not checked (%s)' % r.stderr.strip()[:200])
        elif not use_playwright:
            check_dump(seeds, 'seeds')
        else:
            env = {'PAGE_URL': 'file://' + os.path.join(seeds, 'index.html'),
                   'DATA_JSON': os.path.join(seeds, 'timeline.json'), 'MODE': 'seeds'}
            if shots:
                os.makedirs(os.path.join(shots, 'seeds'), exist_ok=True)
                env['SHOT_DIR'] = os.path.join(shots, 'seeds')
            run_page(env, 'seeds')
    print('%d failed' % failures if failures else 'all passed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
