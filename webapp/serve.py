"""Run the site with a production WSGI server.

waitress: pure Python (nothing to compile), a fixed pool of threads in one process, which is
what per-thread Whoosh searchers want; gunicorn's forked workers would each hold their own
copy of every searcher and its caches, and it does not run on Windows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from flask import Flask
from waitress import create_server

from . import create_app

SERVER_THREADS = 8


def make_server(index_dir: Path, host: str = "127.0.0.1", port: int = 8000, threads: int = SERVER_THREADS,
                corpus_dir: Path = Path("corpus")):
    """A ready waitress server (port 0 picks a free one: see `server.effective_port`)."""
    app = create_app({"INDEX_PATH": str(index_dir), "CORPUS_PATH": str(corpus_dir)})
    return create_server(app, host=host, port=port, threads=threads, ident="summit-search",
                         max_request_body_size=body_limit(app),
                         # lets waitress notice a client that hung up mid-request, so that a
                         # search nobody waits for stops at its next deadline check
                         channel_request_lookahead=1)


def body_limit(app: Flask) -> int:
    """waitress's own limit, so an over-long body is a 413 before it is read, let alone buffered to
    disk: the app's MAX_CONTENT_LENGTH only applies once waitress has taken the whole body (up to
    its default of 1 GiB). waitress refuses a body of the limit itself (`>=`), so one more byte.
    A chunked body is counted with its chunk framing, a few bytes per chunk more than the app sees."""
    return app.config["MAX_CONTENT_LENGTH"] + 1


SWITCH_INTERVAL_SECONDS = 0.0005


def serve(index_dir: Path, host: str, port: int, threads: int = SERVER_THREADS,
          corpus_dir: Path = Path("corpus")) -> None:
    # A search holds the interpreter lock while it computes; a thread that gives it up to wait
    # on a socket or a file waits up to the switch interval to get it back (the "convoy
    # effect"). At CPython's 5 ms, a cheap search that waits a few dozen times behind a slow
    # one takes many times longer; at 0.5 ms it is served in turn.
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    server = make_server(index_dir, host, port, threads, corpus_dir)
    print(f"Serving {index_dir} on http://{host}:{server.effective_port}/ (Ctrl+C stops)", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
