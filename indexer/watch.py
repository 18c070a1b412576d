"""Reindex the corpus a moment after it changes, for `summit-search watch` and `serve --watch`.

watchdog reports file events; a burst of them (an editor saving, a copy of many files) is
folded into one reindex once the folder has been quiet for a second. A reindex that finds
the index busy tries again later; nothing here can stop the site from serving.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .build import IndexReport, build_index
from .corpus import ARTICLE_SUFFIX
from .reference import REFERENCE_FILES

QUIET_SECONDS = 1.0
LOCK_WAIT_SECONDS = 30.0


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
        self._last_event = 0.0
        self._dirty = threading.Event()
        self._stopping = threading.Event()
        self._observer = Observer()
        self._worker = threading.Thread(target=self._run, name="corpus-watcher", daemon=True)

    def start(self) -> CorpusWatcher:
        self._observer.schedule(self, str(self.corpus_dir), recursive=False)
        self._observer.start()
        self._worker.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._dirty.set()
        self._observer.stop()
        self._observer.join()
        self._worker.join()

    def on_any_event(self, event: FileSystemEvent) -> None:
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if any(_matters(Path(str(p))) for p in paths if p):
            self._last_event = time.monotonic()
            self._dirty.set()

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._dirty.wait()
            if self._stopping.is_set():
                return
            while time.monotonic() - self._last_event < self.quiet_seconds:
                time.sleep(self.quiet_seconds / 4)
            self._dirty.clear()
            try:
                report = build_index(self.corpus_dir, self.index_dir, wait=LOCK_WAIT_SECONDS)
            except Exception as exc:  # reported, and the next change tries again
                self.on_error(exc)
                continue
            self.on_report(report)


def _matters(path: Path) -> bool:
    """Articles and reference files; not hidden files (editors' swap files, `add`'s staging)."""
    return not path.name.startswith(".") and (path.suffix == ARTICLE_SUFFIX or path.name in REFERENCE_FILES)
