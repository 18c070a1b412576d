"""Run the site with a production WSGI server.

waitress for one process: pure Python (nothing to compile), a fixed pool of threads, which is
what per-thread Whoosh searchers want, and it runs on Windows. A Python search holds the
interpreter lock, though, so one process uses one core: `--workers N` runs N processes under
gunicorn (prefork.py), each with its own threads and its own copy of every searcher and its
caches, which costs memory but uses every core. gunicorn needs fork, so Windows stays on waitress.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

from flask import Flask
from waitress import create_server

from . import create_app

SERVER_THREADS = 8
CONNECTION_LIMIT = 1000  # poll(), not select(), so not bounded by FD_SETSIZE
IDLE_SECONDS = 30  # a connection with nothing to do is closed after this
UNREAD_BYTES_PER_CLIENT = 256 * 1024 * 1024  # buffered (to disk beyond 1 MB) before a thread waits


def make_server(index_dir: Path, host: str = "127.0.0.1", port: int = 8000, threads: int = SERVER_THREADS,
                corpus_dir: Path = Path("corpus")):
    """A ready waitress server (port 0 picks a free one: see `server.effective_port`)."""
    app = create_app({"INDEX_PATH": str(index_dir), "CORPUS_PATH": str(corpus_dir)})
    server = create_server(app, host=host, port=port, threads=threads, ident="summit-search",
                           max_request_body_size=body_limit(app),
                           # lets waitress notice a client that hung up mid-request, so that a
                           # search nobody waits for stops at its next deadline check
                           channel_request_lookahead=1,
                           # idle or slow-reading clients must not take the server: many idle
                           # connections (waitress's default cap is 100, so 101 idle sockets
                           # locked everyone out), and unread responses (a thread blocks once
                           # its client has 16 MB unread; an export of 20k passages is 14 MB)
                           connection_limit=CONNECTION_LIMIT, asyncore_use_poll=True,
                           channel_timeout=IDLE_SECONDS, outbuf_high_watermark=UNREAD_BYTES_PER_CLIENT)
    server.flask_app = app
    return server


def room_for_connections() -> None:
    """Each connection is a file descriptor, beside the index's open files: raise the soft
    limit (often 1024) toward the hard one so CONNECTION_LIMIT connections fit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = CONNECTION_LIMIT + 1024
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard),
                                                    hard))


def body_limit(app: Flask) -> int:
    """waitress's own limit, so an over-long body is a 413 before it is read, let alone buffered to
    disk: the app's MAX_CONTENT_LENGTH only applies once waitress has taken the whole body (up to
    its default of 1 GiB). waitress refuses a body of the limit itself (`>=`), so one more byte.
    A chunked body is counted with its chunk framing, a few bytes per chunk more than the app sees."""
    return app.config["MAX_CONTENT_LENGTH"] + 1


SWITCH_INTERVAL_SECONDS = 0.0005


def run(index_dir: Path, host: str, port: int, threads: int = SERVER_THREADS, workers: int = 1,
        corpus_dir: Path = Path("corpus")) -> None:
    """`summit-search serve`: gunicorn for more than one worker where there is fork, else waitress."""
    if workers > 1 and hasattr(os, "fork"):
        from .prefork import PreforkServer  # gunicorn is not installed on Windows

        PreforkServer(index_dir, host, port, workers, threads, corpus_dir).run()
    else:
        serve(index_dir, host, port, threads, corpus_dir)


def serve(index_dir: Path, host: str, port: int, threads: int = SERVER_THREADS,
          corpus_dir: Path = Path("corpus")) -> None:
    # A search holds the interpreter lock while it computes; a thread that gives it up to wait
    # on a socket or a file waits up to the switch interval to get it back (the "convoy
    # effect"). At CPython's 5 ms, a cheap search that waits a few dozen times behind a slow
    # one takes many times longer; at 0.5 ms it is served in turn.
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    room_for_connections()
    server = make_server(index_dir, host, port, threads, corpus_dir)
    # the index's shared caches are built before the first request, and for every later
    # generation as soon as it is committed (webapp/readers.py)
    server.flask_app.extensions["readers"].warm(spares=threads)
    print(f"Serving {index_dir} on http://{host}:{server.effective_port}/ (Ctrl+C stops)", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
