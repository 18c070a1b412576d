"""One index reader per server thread, and a follower that warms each new generation.

Whoosh searchers, and the stemming analyzers inside their schema, are not safe to share
between threads, so each thread opens its own reader once and keeps it; each request only
checks whether the index changed (a directory listing) and refreshes if it did. A reader is
cheap (the files are mapped, and what a generation caches is shared by the process's readers:
indexer/search/generation.py), so the expensive part is building those caches: `warm()` does
it before the first request, and again whenever a new generation appears, from a thread of
its own rather than in a user's request; the server's threads keep answering from the previous
generation until the new one is warm (a second or two after the commit).
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from flask import abort, current_app

from indexer.search import IndexMissing, IndexReader

FOLLOW_SECONDS = 0.25  # how often the follower looks for a new generation (a stat and a listing)


class ReaderPool:
    def __init__(self, index_path: Path):
        self.index_path = index_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[IndexReader] = []
        self._spares: list[IndexReader] = []  # opened by warm(), not yet taken by a thread
        self._follower: threading.Thread | None = None
        self._warmed = 0  # generations the follower has warmed since it started

    def _spare(self) -> IndexReader | None:
        with self._lock:
            if not self._spares:
                return None
            return self._spares.pop()

    def get(self) -> IndexReader:
        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = self._spare()
            if reader is None:
                reader = IndexReader(self.index_path)
            else:
                reader.refresh()
            self._local.reader = reader
            self._local.seen = self._warmed
            with self._lock:
                if reader not in self._open:
                    self._open.append(reader)
        elif self._follower is None or self._local.seen != self._warmed:
            # with a follower, a thread moves to a new generation once it is warm (until then
            # it answers from the one it has); without one, at once
            self._local.seen = self._warmed
            reader.refresh()
        return reader

    def warm(self, spares: int = 8, follow: bool = True) -> None:
        """Build the current generation's caches now, and open `spares` readers for the server's
        threads to take (one each, at their first request); with `follow`, also warm every
        later generation as soon as it is committed (a daemon thread, one per pool)."""
        with contextlib.suppress(IndexMissing):
            with IndexReader(self.index_path) as reader:
                reader.warm()
            opened = [IndexReader(self.index_path) for _ in range(spares)]
            with self._lock:
                self._spares.extend(opened)
                self._open.extend(opened)
        if follow and self._follower is None:
            self._stop = threading.Event()
            self._follower = threading.Thread(target=self._follow, name="generation-warmer", daemon=True)
            self._follower.start()

    def _follow(self) -> None:
        reader = None
        while not self._stop.wait(FOLLOW_SECONDS):
            reader = self.follow_once(reader)

    def follow_once(self, reader: IndexReader | None) -> IndexReader | None:
        """One look for a new generation: warm it, then let the threads move to it."""
        try:
            if reader is None:  # the first look, or the one after a failed one (a commit may lie between)
                reader = IndexReader(self.index_path)
                reader.warm()
                self._warmed += 1  # so threads look again: cheap when nothing changed
            elif reader.refresh():
                reader.warm()
                self._warmed += 1
            return reader
        except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first search
            if reader is not None:
                with contextlib.suppress(Exception):
                    reader.close()
            return None

    def close_all(self) -> None:
        if self._follower is not None:
            self._stop.set()
        with self._lock:
            for reader in self._open:
                reader.close()
            self._open.clear()


def reader() -> IndexReader:
    return current_app.extensions["readers"].get()


def found(data, message: str):
    """`data`, or a 404 with `message` when the lookup came back empty."""
    if data is None:
        abort(404, description=message)
    return data
