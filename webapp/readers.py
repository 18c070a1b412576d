"""One index reader per server thread.

Whoosh searchers, and the stemming analyzers inside their schema, are not safe to share
between threads, so each thread opens its own reader once and keeps it; each request only
checks whether the index changed (a directory listing) and refreshes if it did.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import abort, current_app

from indexer.search import IndexReader


class ReaderPool:
    def __init__(self, index_path: Path):
        self.index_path = index_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[IndexReader] = []

    def get(self) -> IndexReader:
        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = IndexReader(self.index_path)
            self._local.reader = reader
            with self._lock:
                self._open.append(reader)
        else:
            reader.refresh()
        return reader

    def close_all(self) -> None:
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
