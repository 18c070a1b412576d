"""Reindex the corpus a moment after it changes, for `summit-search watch` and `serve --watch`.

watchdog reports file events; a burst of them (an editor saving, a copy of many files) is
folded into one reindex once the folder has been quiet for a second. A reindex that finds
the index busy tries again until LOCK_WAIT_SECONDS have passed; nothing here can stop the
site from serving.

An idle corpus must leave the process idle. On Linux, watchdog also reports every open and
every close of a file, and a reindex reads every corpus file: counting those as changes made
each reindex trigger the next one, forever. So only content events are asked for (the kernel
then does not even wake us for reads), a change is confirmed against what the corpus looked
like at the last reindex before anything is rebuilt, and a reindex that changed nothing says
nothing.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from .build import IndexReport, build_index
from .corpus import ARTICLE_SUFFIX
from .reference import REFERENCE_FILES
from .search import IndexBusy

QUIET_SECONDS = 1.0
LOCK_WAIT_SECONDS = 30.0
# The lock is waited for in slices so that stop() is not held up by another writer.
LOCK_SLICE_SECONDS = 1.0

# What can change a file's content. Opened, closed-without-write and accessed events are
# what reading produces, and reading is what a reindex does. Closed-after-write is kept for
# writers that never send a modify event (mmap); the confirmation drops it when nothing changed.
CONTENT_EVENTS = frozenset(
    {EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_DELETED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED}
)
_EVENT_FILTER = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent]


@dataclass(frozen=True)
class _Seen:
    """One relevant file as it was looked at: the stat says cheaply whether it may have
    changed, the digest says whether it did."""

    size: int
    mtime_ns: int
    inode: int
    sha256: str


class CorpusWatcher(FileSystemEventHandler):
    def __init__(
        self,
        corpus_dir: Path,
        index_dir: Path,
        on_report: Callable[[IndexReport], None],
        on_error: Callable[[Exception], None],
        quiet_seconds: float = QUIET_SECONDS,
    ):
        self.corpus_dir, self.index_dir = corpus_dir, index_dir
        self.on_report, self.on_error = on_report, on_error
        self.quiet_seconds = quiet_seconds
        self._corpus = os.path.abspath(corpus_dir)
        self._index = os.path.abspath(index_dir)
        self._lock = threading.Lock()
        self._last_event = 0.0
        self._named: set[str] = set()  # relevant files named by events since the last look
        # The corpus as the last successful reindex found it; None when unknown (before the
        # first reindex, after a failed one), and then any relevant event reindexes.
        self._seen: dict[str, _Seen] | None = None
        self._dirty = threading.Event()
        self._stopping = threading.Event()
        self._observer = Observer()
        self._worker = threading.Thread(target=self._run, name="corpus-watcher", daemon=True)

    def start(self) -> CorpusWatcher:
        self._observer.schedule(self, self._corpus, recursive=False, event_filter=_EVENT_FILTER)
        self._observer.start()
        self._worker.start()
        return self

    def stop(self) -> None:
        """Returns at once unless a reindex is being written: a pending quiet period is cut
        short and its changes are left for the next sync (a reindex is never interrupted)."""
        self._stopping.set()
        self._dirty.set()
        self._observer.stop()
        self._observer.join()
        self._worker.join()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CONTENT_EVENTS:
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        names = {name for name in (self._relevant_name(os.fsdecode(p)) for p in paths if p) if name}
        if names:
            with self._lock:
                self._named |= names
                self._last_event = time.monotonic()
            self._dirty.set()

    def _relevant_name(self, path: str) -> str | None:
        """The file name when `path` is an article or reference file of the corpus. The index
        may live inside the corpus folder, and its own writes must never count."""
        path = os.path.abspath(path)
        if path == self._index or path.startswith(self._index + os.sep):
            return None
        if os.path.dirname(path) != self._corpus:
            return None
        name = os.path.basename(path)
        return name if _matters(name) else None

    def _run(self) -> None:
        # `_stopping` is tested before each wait, not only `_dirty`: the clear below can swallow
        # the wake-up that stop() sends, but stop() raises `_stopping` first.
        while not self._stopping.is_set():
            self._dirty.wait()  # no timeout: nothing wakes an idle watcher
            if self._stopping.is_set():
                return
            while True:
                with self._lock:
                    remaining = self._last_event + self.quiet_seconds - time.monotonic()
                if remaining <= 0:
                    break
                if self._stopping.wait(remaining):
                    return
            with self._lock:
                named, self._named = self._named, set()
                self._dirty.clear()
            if self._stopping.is_set():
                return
            self._reindex_if_changed(named)

    def _reindex_if_changed(self, named: set[str]) -> None:
        """The look is taken before the build reads anything, so the index always holds content
        at least as new as what `_seen` records; a write racing the build leaves `_seen` behind
        the file, and its event then finds a difference and reindexes again."""
        try:
            now = self._look(named)
        except OSError:  # the corpus folder is gone or unreadable: let the build say so
            now = None
        if now is not None and self._seen is not None and _digests(now) == _digests(self._seen):
            self._seen = now  # a touch, a chmod, a write of the same bytes: nothing to do
            return
        self._seen = None
        try:
            report = self._build()
        except Exception as exc:  # reported, and the next change tries again
            self.on_error(exc)
            return
        if report is None:
            return
        self._seen = now
        if report.changed or report.failed or report.full_reason:
            self.on_report(report)

    def _look(self, named: set[str]) -> dict[str, _Seen]:
        """Every relevant file with its digest. Only files an event named or whose stat moved
        are read: a file rewritten within the clock's granularity with the same size keeps its
        stat, but an event names it."""
        seen: dict[str, _Seen] = {}
        with os.scandir(self._corpus) as entries:
            for entry in entries:
                if not _matters(entry.name) or os.path.abspath(entry.path) == self._index:
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:  # gone since the listing
                    continue
                if not stat.S_ISREG(info.st_mode):  # links and FIFOs: the indexer skips them too
                    continue
                before = self._seen.get(entry.name) if self._seen else None
                key = (info.st_size, info.st_mtime_ns, info.st_ino)
                if before and (before.size, before.mtime_ns, before.inode) == key and entry.name not in named:
                    seen[entry.name] = before
                else:
                    seen[entry.name] = _Seen(*key, _file_sha256(entry.path))
        return seen

    def _build(self) -> IndexReport | None:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            wait = max(0.0, min(LOCK_SLICE_SECONDS, deadline - time.monotonic()))
            try:
                return build_index(self.corpus_dir, self.index_dir, wait=wait)
            except IndexBusy:
                if self._stopping.is_set():
                    return None
                if time.monotonic() >= deadline:
                    raise


def _matters(name: str) -> bool:
    """Articles and reference files; not hidden files (editors' swap files, `add`'s staging,
    the index's lock and its staging and retired folders when it lives in the corpus)."""
    return not name.startswith(".") and (os.path.splitext(name)[1] == ARTICLE_SUFFIX or name in REFERENCE_FILES)


def _digests(seen: dict[str, _Seen]) -> dict[str, str]:
    return {name: file.sha256 for name, file in seen.items()}


def _file_sha256(path: str) -> str:
    """Empty when unreadable: the build reports that file, and it stays 'unchanged' here until
    it can be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""
