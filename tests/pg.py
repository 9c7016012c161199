#!/usr/bin/env python3
"""A throwaway PostgreSQL server for the tests.

    pg.py run [--wrap] -- COMMAND [ARG…]
    pg.py serve

`run` starts a new cluster in a temporary folder (initdb, then pg_ctl
start: Unix socket only, in that folder; trust authentication; fsync
off), runs COMMAND with FRISE_TEST_PG_URL set to a libpq URL of its
`postgres` database (postgresql:///postgres?host=DIR&user=postgres), then
stops the server and removes the folder — also when COMMAND fails,
crashes or is interrupted. Exits with COMMAND's status. With --wrap,
COMMAND runs under $FRISE_WRAPPER (valgrind).

`serve` is the same for a program that starts the server itself (the C
unit tests, so that valgrind and ASan see only them): it prints the URL
on a line of its own, then keeps the server until its standard input
ends — when the program closes it, exits or is killed — and removes it.

PostgreSQL refuses to run as root: as root (CI), the server runs as the
unprivileged user `nobody` (runuser), which owns the folder.

No silent skip: a missing server (/usr/lib/postgresql/15/bin, or
$FRISE_PG_BIN) is a failure that says why and how to install it (bash
.ci/setup does), unless FRISE_TEST_PG=off, which skips (exit 77) and says
so. Python tests import this module and call server() for the same thing.
"""
import contextlib, os, pwd, shutil, signal, subprocess, sys, tempfile

BIN = os.environ.get('FRISE_PG_BIN', '/usr/lib/postgresql/15/bin')
SKIP = 77


class Missing(Exception):
    pass


def _as_server_user(cmd):
    """cmd run as the server's user: `nobody` when we are root."""
    if os.geteuid() != 0:
        return cmd
    return ['runuser', '-u', 'nobody', '--'] + cmd


def _check():
    for tool in ('initdb', 'pg_ctl', 'postgres'):
        if not os.access(os.path.join(BIN, tool), os.X_OK):
            raise Missing('%s/%s not found: the PostgreSQL tests need the Debian package postgresql (15); '
                          'bash .ci/setup installs it (FRISE_TEST_PG=off skips these tests, saying so)'
                          % (BIN, tool))
    if os.geteuid() == 0:
        try:
            pwd.getpwnam('nobody')
        except KeyError:
            raise Missing('running as root and there is no user nobody to run PostgreSQL as')
        if not shutil.which('runuser'):
            raise Missing('running as root and runuser (util-linux) is missing')


class Server:
    """A running cluster: .url, .dir; stop() ends it and removes the folder."""

    def __init__(self):
        _check()
        self.dir = tempfile.mkdtemp(prefix='frise-pg-')
        self.data = os.path.join(self.dir, 'data')
        self.log = os.path.join(self.dir, 'server.log')
        self.started = False
        if os.geteuid() == 0:
            nobody = pwd.getpwnam('nobody')
            os.chown(self.dir, nobody.pw_uid, nobody.pw_gid)
        os.chmod(self.dir, 0o755)
        try:
            self._run([os.path.join(BIN, 'initdb'), '-D', self.data, '-U', 'postgres', '-A', 'trust', '-N',
                       '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions'])
            opts = ("-c listen_addresses='' -c unix_socket_directories=%s -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40" % self.dir)
            self._run([os.path.join(BIN, 'pg_ctl'), '-D', self.data, '-l', self.log, '-w', '-t', '120', '-s',
                       '-o', opts, 'start'])
            self.started = True
        except BaseException:
            self.stop()
            raise
        self.url = 'postgresql:///postgres?host=%s&user=postgres' % self.dir

    def _run(self, cmd):
        p = subprocess.run(_as_server_user(cmd), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            log = ''
            with contextlib.suppress(OSError):
                log = open(self.log, encoding='utf8', errors='replace').read()[-2000:]
            raise RuntimeError('%s failed (%d):\n%s%s' % (os.path.basename(cmd[0]), p.returncode, p.stdout, log))

    def stop(self):
        if self.started:
            self.started = False
            subprocess.run(_as_server_user([os.path.join(BIN, 'pg_ctl'), '-D', self.data, '-m', 'immediate',
                                            '-s', '-w', 'stop']), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def server():
    """with pg.server() as url: … — a cluster for the block's length.
    Raises Missing (say it, then fail) when PostgreSQL is not there."""
    s = Server()
    try:
        yield s.url
    finally:
        s.stop()


def serve():
    """pg.py serve: the URL on stdout, the server until stdin ends."""
    if os.environ.get('FRISE_TEST_PG') == 'off':
        print('off')
        return SKIP
    try:
        s = Server()
    except (Missing, RuntimeError, OSError) as e:
        print('Bail out! %s' % str(e).replace('\n', ' | '), flush=True)
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a ^C ends the program, whose exit ends us
    try:
        print(s.url, flush=True)
        sys.stdin.read()
    finally:
        s.stop()
    return 0


def main(argv):
    wrap = False
    args = argv[1:]
    if args[:1] == ['serve']:
        return serve()
    if args[:1] != ['run']:
        print(__doc__, file=sys.stderr)
        return 2
    args = args[1:]
    if args[:1] == ['--wrap']:
        wrap, args = True, args[1:]
    if args[:1] == ['--']:
        args = args[1:]
    if not args:
        print('pg.py run: no command', file=sys.stderr)
        return 2
    if os.environ.get('FRISE_TEST_PG') == 'off':
        print('1..0 # SKIP FRISE_TEST_PG=off: the PostgreSQL tests were not asked for')
        return SKIP
    if wrap and os.environ.get('FRISE_WRAPPER'):
        args = os.environ['FRISE_WRAPPER'].split() + args
    srv, url = spawn_server()
    if srv is None:
        print(url)
        print('pg.py: %s' % url, file=sys.stderr)
        return 1
    child = None

    def forward(signum, frame):
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    old = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        print('# PostgreSQL %s' % url, file=sys.stderr)
        child = subprocess.Popen(args, env=dict(os.environ, FRISE_TEST_PG_URL=url))
        rc = child.wait()
    finally:
        for sig, h in old.items():
            signal.signal(sig, h)
        srv.stdin.close()
        srv.wait()
    return rc if rc >= 0 else 128 - rc


def spawn_server():
    """`pg.py serve` in a session of its own, so that a kill of our
    process group (a test runner's timeout) does not reach it: it stops
    the server when our end of its stdin closes, however we end.
    Returns (process, url), or (None, why)."""
    srv = subprocess.Popen([sys.executable, os.path.abspath(__file__), 'serve'], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True, start_new_session=True)
    line = srv.stdout.readline().strip()
    srv.stdout.close()
    if not line.startswith('postgresql:'):
        srv.stdin.close()
        srv.wait()
        return None, line or 'Bail out! pg.py serve started no server'
    return srv, line


if __name__ == '__main__':
    sys.exit(main(sys.argv))
