"""The write lock: one writer at a time per index, and recovery from writers that died.

The lock is a POSIX record lock (`fcntl.lockf`) on a file beside the index. The kernel drops
it when its holder dies, however it dies, and, unlike `flock`, a forked child (a Whoosh
writer process, a tagging worker) does not inherit it, so no orphan can keep the index
locked. POSIX locks belong to a process, not to a file handle, so the threads of one
process (the web server's uploads and its watcher) take an in-process lock first; and the
lock file is opened only by the thread that holds that lock, since closing any handle on
the file would drop the process's lock.

Only the lock's holder creates staging folders, so whoever takes the lock knows that any
staging folder it finds was left by a run that died, and cleans it up (or, if a run died
between the two renames of a swap, puts the previous index back)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import IndexBusy

LOCK_WAIT_SECONDS = 0.0
_POLL_SECONDS = 0.1
_in_process: dict[Path, threading.Lock] = {}
_in_process_guard = threading.Lock()


def lock_path(path: Path) -> Path:
    return path.parent / f".{path.name}.lock"


def staging_prefix(path: Path) -> str:
    return f".{path.name}.building-"


def retired_prefix(path: Path) -> str:
    return f".{path.name}.retired-"


@contextlib.contextmanager
def write_lock(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the index's write lock, waiting up to `wait` seconds; IndexBusy if it stays taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    threads = _thread_lock(path)
    acquired = threads.acquire(timeout=wait) if wait > 0 else threads.acquire(blocking=False)
    if not acquired:
        raise _busy(path)
    try:
        with open(lock_path(path), "a+") as handle:
            while True:
                try:
                    fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError:  # EAGAIN or EACCES: another process holds it
                    if time.monotonic() >= deadline:
                        raise _busy(path) from None
                    time.sleep(_POLL_SECONDS)
            try:
                recover(path)
                yield
            finally:
                fcntl.lockf(handle, fcntl.LOCK_UN)
    finally:
        threads.release()


def recover(path: Path) -> list[str]:
    """Undo what a dead writer left: restore an index retired by a swap that never finished,
    and delete staging and retired folders. Call with the lock held. Returns what was done."""
    done = []
    leftovers = sorted(path.parent.glob(retired_prefix(path) + "*"), key=lambda p: p.stat().st_mtime)
    if leftovers and not path.exists():
        os.rename(leftovers.pop(), path)
        done.append(f"restored the previous index at {path}")
    for folder in [*leftovers, *path.parent.glob(staging_prefix(path) + "*")]:
        shutil.rmtree(folder, ignore_errors=True)
        done.append(f"removed {folder.name}")
    return done


def _thread_lock(path: Path) -> threading.Lock:
    key = path.resolve()
    with _in_process_guard:
        return _in_process.setdefault(key, threading.Lock())


def _busy(path: Path) -> IndexBusy:
    return IndexBusy(f"{path}: index is busy (another `summit-search index` is running)")
