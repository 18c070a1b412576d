"""`serve --workers N`: N processes under gunicorn, each with its own pool of threads and its
own index readers.

A search holds the interpreter lock while it computes, so one process uses one core however
many threads it has; a second core only helps with a second process. The app is made once, in
the parent, before the fork: every worker then shares one SECRET_KEY (a form made by one worker
is valid on another) and the imported code, copy-on-write. No reader is opened before the fork;
each worker's threads open their own and refresh them per request, so every worker follows new
index generations. One worker, or no fork (Windows), is waitress (serve.py).
"""

from __future__ import annotations

import contextlib
import os
import selectors
import socket
import sys
import time
from functools import partial
from pathlib import Path

from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import TConn, ThreadWorker

from . import create_app
from .serve import CONNECTION_LIMIT, IDLE_SECONDS, SWITCH_INTERVAL_SECONDS, room_for_connections

# gunicorn kills a worker whose main loop has not checked in for this long. gthread's loop checks
# in every second whatever its threads do, so this only catches a stuck worker; generous all the
# same, so that a long export is never the reason.
STUCK_WORKER_SECONDS = 120
ACCEPT_DELAY_SECONDS = 0.002
REQUEST_LINE_BYTES = 8190  # gunicorn's maximum: a search URL with many facet values fits


class _Worker(ThreadWorker):
    """gthread, except that a new connection waits for its first bytes on the worker's poller,
    as a kept-alive one does. gthread hands it to a pool thread that waits up to 5 s for them,
    so 150 idle connections held all 8 threads for tens of seconds and a real request behind them
    went unanswered (tests/test_stall.py; waitress answers it). Idle ones close after IDLE_SECONDS."""

    def accept(self, *args):
        if not hasattr(self, "pending_conns"):  # an older gunicorn, which polls them itself
            return super().accept(*args)
        # every worker is woken for a new connection, and the first to accept it keeps it for
        # as long as the client keeps it alive: a worker that already holds connections waits
        # a moment (2 ms each, at most 20 ms), so an idler worker takes it and the load spreads
        # (without this, 8 kept-alive clients could all land on one worker and one core)
        time.sleep(min(ACCEPT_DELAY_SECONDS * self.nr_conns, 10 * ACCEPT_DELAY_SECONDS))
        listener = args[-1]
        try:
            client, address = listener.accept()
        except (BlockingIOError, ConnectionAbortedError):
            return  # another worker took it, or the client gave up
        self.nr_conns += 1
        conn = TConn(self.cfg, client, address, listener.getsockname())  # non-blocking until served
        conn.timeout = time.monotonic() + self.cfg.keepalive
        self.pending_conns.append(conn)
        self.poller.register(client, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn))

    _quitting = False

    def handle_quit(self, sig, frame):
        """Once: Ctrl+C reaches every process of the group, and the arbiter then sends SIGQUIT
        as well; gthread's handler, entered again while it shuts its thread pool down, waited
        forever on the pool's lock (until the arbiter killed the worker 30 s later)."""
        if not self._quitting:
            self._quitting = True
            super().handle_quit(sig, frame)


def _hung_up(client: socket.socket) -> bool:
    """Whether the client closed its end, asked of the socket (a peek that does not wait)."""
    try:
        return client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:  # reset by the client
        return True


def _noticing_hangups(app):
    """So that a search nobody waits for stops at its next deadline check, as under waitress
    (the views ask the environ key waitress sets)."""

    def wsgi(environ, start_response):
        client = environ.get("gunicorn.socket")
        if client is not None:
            environ.setdefault("waitress.client_disconnected", partial(_hung_up, client))
        return app(environ, start_response)

    return wsgi


def _in_each_worker(_arbiter, _worker) -> None:
    """What serve.py's waitress path does for its one process (why: see there)."""
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    room_for_connections()


def _warm(worker) -> None:
    """Before the worker accepts a connection, so the first user is not the one who waits for the
    index to open: caches built, one reader per thread opened. A failure is only logged: gunicorn
    stops the whole server when a worker fails to boot, and requests report a missing index."""
    try:
        worker.app.flask_app.extensions["readers"].warm(spares=worker.cfg.threads)
    except Exception:  # noqa: BLE001
        worker.log.warning("could not warm the index readers", exc_info=True)


class PreforkServer(BaseApplication):
    """`PreforkServer(…).run()` serves until SIGTERM (graceful: answers in flight are finished,
    for up to 30 s) or Ctrl+C (at once, as waitress does)."""

    def __init__(self, index_dir: Path, host: str, port: int, workers: int, threads: int, corpus_dir: Path):
        self.index_dir, self.host, self.port, self.workers, self.threads = index_dir, host, port, workers, threads
        self.flask_app = create_app({"INDEX_PATH": str(index_dir), "CORPUS_PATH": str(corpus_dir)})
        self.parent = os.getpid()
        super().__init__()

    def load_config(self) -> None:
        settings = {
            "bind": [f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"],
            "workers": self.workers, "worker_class": _Worker, "threads": self.threads,
            "worker_connections": CONNECTION_LIMIT, "keepalive": IDLE_SECONDS, "timeout": STUCK_WORKER_SECONDS,
            # gunicorn has no body limit: Flask's MAX_CONTENT_LENGTH refuses a long body as it is
            # read, and gunicorn only reads (and drops) what the app left, for 5 s at most
            "limit_request_line": REQUEST_LINE_BYTES, "limit_request_fields": 100, "limit_request_field_size": 8190,
            "forwarded_allow_ips": "",  # like waitress: no client may claim to be a proxy
            "control_socket_disable": True,  # one $HOME/.gunicorn/gunicorn.ctl for every server: they collide
            "proc_name": "summit-search", "loglevel": "warning",
            "post_fork": _in_each_worker, "post_worker_init": _warm, "when_ready": self._announce,
        }
        for name, value in settings.items():
            if name in self.cfg.settings:  # an older gunicorn lacks some (the control socket)
                self.cfg.set(name, value)

    def load(self):
        return _noticing_hangups(self.flask_app)

    def _announce(self, arbiter) -> None:
        port = arbiter.LISTENERS[0].sock.getsockname()[1]  # the one picked, for --port 0
        print(f"Serving {self.index_dir} on http://{self.host}:{port}/ with {self.workers} workers of {self.threads} "
              "threads (Ctrl+C stops)", flush=True)

    def run(self) -> None:
        """A worker leaves gunicorn by SystemExit, which would unwind through the parent's own
        cleanup (cli.py stops the watcher the parent runs): a worker leaves here instead.

        The index's shared caches are built here, before the workers fork, so they inherit them
        and a worker is warm as soon as it starts (each then follows new generations itself)."""
        with contextlib.suppress(Exception):  # no index, or a bad one: the workers report it
            self.flask_app.extensions["readers"].warm(spares=0, follow=False)
        try:
            super().run()
        except SystemExit as stop:
            if os.getpid() != self.parent:
                sys.stdout.flush(), sys.stderr.flush()
                os._exit(stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1)
            raise
