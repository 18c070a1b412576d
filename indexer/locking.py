"""A lock between processes and between the threads of one process, which the kernel
releases when its holder dies, however it dies.

It is a POSIX record lock (`fcntl.lockf`) on a file. Unlike `flock`, a forked child (a Whoosh
writer process, a tagging worker) does not inherit it, so no orphan can keep it. POSIX locks
belong to a process, not to a file handle, so the threads of one process (the web server's
uploads and its watcher) take an in-process lock first; and the lock file is opened only by
the thread that holds that lock, since closing any handle on the file drops the process's lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

_POLL_SECONDS = 0.05
_in_process: dict[Path, threading.Lock] = {}
_in_process_guard = threading.Lock()


@contextlib.contextmanager
def file_lock(lock_file: Path, wait: float, busy: Callable[[], Exception]) -> Iterator[None]:
    """Hold the lock, waiting up to `wait` seconds; raise `busy()` if it stays taken."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    threads = _thread_lock(lock_file)
    acquired = threads.acquire(timeout=wait) if wait > 0 else threads.acquire(blocking=False)
    if not acquired:
        raise busy()
    try:
        with open(lock_file, "a+") as handle:
            while True:
                try:
                    fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError:  # EAGAIN or EACCES: another process holds it
                    if time.monotonic() >= deadline:
                        raise busy() from None
                    time.sleep(_POLL_SECONDS)
            try:
                yield
            finally:
                fcntl.lockf(handle, fcntl.LOCK_UN)
    finally:
        threads.release()


def _thread_lock(lock_file: Path) -> threading.Lock:
    key = lock_file.resolve()
    with _in_process_guard:
        return _in_process.setdefault(key, threading.Lock())
