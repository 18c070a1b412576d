"""The index's write lock (see indexer/locking.py for why it is a POSIX lock), and recovery
from writers that died.

Only the lock's holder creates staging folders, so whoever takes the lock knows that any
staging folder it finds was left by a run that died, and cleans it up; if a run died between
the two renames of a swap, the previous index is put back."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from whoosh.index import clean_files

from ..locking import file_lock
from .errors import IndexBusy, IndexMissing
from .state import index_exists, open_index

LOCK_WAIT_SECONDS = 0.0


def lock_path(path: Path) -> Path:
    return path.parent / f".{path.name}.lock"


def staging_prefix(path: Path) -> str:
    return f".{path.name}.building-"


def retired_prefix(path: Path) -> str:
    return f".{path.name}.retired-"


@contextlib.contextmanager
def write_lock(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the index's write lock, waiting up to `wait` seconds; IndexBusy if it stays taken."""

    def busy() -> IndexBusy:
        return IndexBusy(f"{path}: index is busy (another `summit-search index` is running)")

    with file_lock(lock_path(path), wait, busy):
        recover(path)
        yield


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
    done += _clean_inside(path)
    return done


def _clean_inside(path: Path) -> list[str]:
    """A writer killed (or failed) inside the index folder leaves its temporary folders
    (`MAIN.tmp`, `*.tmp`) and segments no table of contents lists. Whoosh only deletes them at
    the next successful commit, so on a full disk they would keep it full: delete them now."""
    done = []
    if not path.is_dir():
        return done
    for temporary in path.glob("*.tmp"):
        if temporary.is_dir():
            shutil.rmtree(temporary, ignore_errors=True)
        else:
            temporary.unlink(missing_ok=True)
        done.append(f"removed {temporary.name}")
    if index_exists(path):
        try:
            ix = open_index(path)
        except IndexMissing:
            return done  # unreadable: the next run rebuilds it beside
        before = set(ix.storage)
        clean_files(ix.storage, ix.indexname, ix.latest_generation(), ix._segments())
        done += [f"removed {name}" for name in sorted(before - set(ix.storage))]
    return done
