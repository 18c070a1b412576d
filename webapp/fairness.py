"""Per-client fairness for searches: no one client address may run more than a few searches
at once, so a client sending queries back to back from many connections cannot take every
server thread (and, since a Python search holds the interpreter, every slice of the CPU)
from everyone else. The excess is refused at once with 429 and Retry-After, rather than
queued: a queued request would hold a thread while it waits.

Counted per address in this process (waitress serves from one). Behind a reverse proxy
every client shares the proxy's address; rate-limit there instead."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable

from indexer.search import bounds

SEARCH_PATHS = ("/", "/search", "/api/search", "/search/export.csv", "/search/export.json", "/search.atom")


class SearchesPerClient:
    """WSGI middleware: `limit` searches in flight per REMOTE_ADDR, counted until the response
    is fully sent (an export streams)."""

    def __init__(self, app: Callable, limit: int):
        self.app, self.limit = app, limit
        self._running: dict[str, int] = {}
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        # the request's own work (routing, templates, JSON) counts as part of its search's
        # age: a slow search steps aside for it (indexer/search/bounds.py, Deadline)
        with bounds.Running():
            return self._call(environ, start_response)

    def _call(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO", "") not in SEARCH_PATHS or self.limit <= 0:
            return self.app(environ, start_response)
        client = environ.get("REMOTE_ADDR", "")
        with self._lock:
            if self._running.get(client, 0) >= self.limit:
                return _too_many(environ, start_response, self.limit)
            self._running[client] = self._running.get(client, 0) + 1
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self._release(client)
            raise
        return _Releasing(body, lambda: self._release(client))

    def _release(self, client: str) -> None:
        with self._lock:
            left = self._running.get(client, 1) - 1
            if left:
                self._running[client] = left
            else:
                self._running.pop(client, None)


class _Releasing:
    """The response body, releasing the client's count once it is sent whole or closed,
    whichever comes first (a server always closes; a test client may only read)."""

    def __init__(self, body: Iterable[bytes], release: Callable[[], None]):
        self.body, self._release, self._released = body, release, False

    def __iter__(self):
        yield from self.body
        self.release()

    def release(self) -> None:
        if not self._released:
            self._released = True
            self._release()

    def close(self) -> None:
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            self.release()


def _too_many(environ: dict, start_response: Callable, limit: int) -> list[bytes]:
    from .security import SECURITY_HEADERS

    message = f"Too many searches at once from your address (at most {limit}); retry in a moment."
    if environ.get("PATH_INFO", "").startswith("/api/"):
        body, kind = json.dumps({"error": message}).encode(), "application/json"
    else:
        body, kind = message.encode(), "text/plain; charset=utf-8"
    start_response("429 Too Many Requests", [("Content-Type", kind), ("Content-Length", str(len(body))),
                                             ("Retry-After", "1"), *SECURITY_HEADERS.items()])
    return [body]
