"""What the search layer raises: each names what the user or the caller can do about it."""

from __future__ import annotations


class IndexBusy(RuntimeError):
    """Another process is writing the index."""


class IndexMissing(RuntimeError):
    """No usable index at the path: build one with `summit-search index`."""


class SearchError(ValueError):
    """A request parameter is out of range or unknown; `param` names it."""

    def __init__(self, param: str, message: str):
        super().__init__(message)
        self.param = param


class SearchBusy(RuntimeError):
    """Too many expensive searches are running; the request may be retried in a moment."""


class IndexWriteError(RuntimeError):
    """Writing failed (a full disk, a dead worker); the message names what, and what was kept."""
