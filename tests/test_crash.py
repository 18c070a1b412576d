"""Crash-only indexing: a run killed at any moment (the main process alone, or its whole
process group), or stopped by a write error, leaves the previous index searchable, no
process or staging folder behind, and the next run completes. These tests kill and starve
real processes; they assert outcomes, never timings."""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.reliability import group_members
from indexer.build import build_index
from indexer.search import IndexReader, SearchRequest, write_lock
from indexer.search.lock import retired_prefix, staging_prefix

INDEX_COMMAND = "from indexer.cli import main; main()"
ARTICLES = 240  # above build.PARALLEL_MIN_ARTICLES: tagging pool and multiprocessing writer both run


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    from bench.generate import generate_corpus
    from tests.conftest import make_corpus

    root = tmp_path_factory.mktemp("crash")
    corpus = generate_corpus(root / "corpus", 2400).directory
    make_corpus(corpus)
    assert len(list(corpus.glob("*.txt"))) >= 120
    return corpus


def total(index_dir: Path, text: str = "") -> int:
    with IndexReader(index_dir) as reader:
        return reader.search(SearchRequest(text))["total"]


def start_index(corpus: Path, index_dir: Path, *options: str, output=subprocess.PIPE, **popen) -> subprocess.Popen:
    """A run in its own process group. Killed runs get no pipes: orphaned workers would hold
    them open, and reading them would wait for those workers instead of failing the test."""
    command = [sys.executable, "-c", INDEX_COMMAND, "index", "--corpus", str(corpus), "--index", str(index_dir),
               *options]
    return subprocess.Popen(command, stdout=output, stderr=output, text=True, start_new_session=True, **popen)


def wait_until_gone(group: int, seconds: float = 30.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (alive := group_members(group)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def wait_for_workers(process: subprocess.Popen, seconds: float = 60.0) -> None:
    """Until the run has forked its workers (tagging pool or writer processes)."""
    deadline = time.monotonic() + seconds
    while len(group_members(process.pid)) < 2:
        assert process.poll() is None, "the run ended before it started any worker"
        assert time.monotonic() < deadline, "the run never started a worker"
        time.sleep(0.02)


def unlisted(index_dir: Path) -> list[str]:
    """Files in the index folder that its current table of contents does not account for:
    temporary folders and segments of a write that never committed."""
    from whoosh import index

    ix = index.open_dir(str(index_dir))
    segments = {segment.segment_id() for segment in ix._segments()}
    keep = {f"_{ix.indexname}_{ix.latest_generation()}.toc", f"{ix.indexname}_WRITELOCK"}
    return sorted(p.name for p in index_dir.iterdir()
                  if p.name not in keep and p.name.split(".", 1)[0] not in segments)


def staging_left(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.parent.iterdir()
                  if p.name.startswith((staging_prefix(index_dir), retired_prefix(index_dir))))


@pytest.mark.parametrize("fresh", [False, True], ids=["rebuild", "fresh-build"])
def test_sigkilled_runs_never_block_the_next_one(big_corpus, tmp_path, fresh):
    """Kills a parallel run at random moments after its workers start, alternately the main
    process alone and its whole group; every time, no process survives and the next run
    completes (not "index is busy")."""
    index_dir = tmp_path / "index"
    build_index(big_corpus, index_dir)
    expected = total(index_dir)
    rng = random.Random(11)
    for kill in range(6):
        if fresh:
            for path in sorted(index_dir.iterdir()):
                path.unlink()  # no index: the run builds in a staging folder and swaps it in
            index_dir.rmdir()
        process = start_index(big_corpus, index_dir, "--rebuild", output=subprocess.DEVNULL)
        wait_for_workers(process)
        time.sleep(rng.uniform(0.0, 1.5))
        if kill % 2:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert wait_until_gone(process.pid) == [], f"kill {kill}: workers outlived the killed run"
        report = build_index(big_corpus, index_dir)  # raises IndexBusy if anything still holds a lock
        assert staging_left(index_dir) == [], f"kill {kill}"
        assert total(index_dir) == expected, f"kill {kill}"
        assert report.failed == []
        assert unlisted(index_dir) == [], f"kill {kill}"  # a killed write's partial segments are gone too


def test_a_run_killed_between_the_two_renames_of_a_swap_gets_its_index_back(big_corpus, tmp_path):
    index_dir = tmp_path / "index"
    build_index(big_corpus, index_dir)
    expected = total(index_dir)
    os.rename(index_dir, tmp_path / f"{retired_prefix(index_dir)}4242")  # as a run killed there leaves it
    (tmp_path / f"{staging_prefix(index_dir)}abcd").mkdir()
    with write_lock(index_dir):
        assert total(index_dir) == expected
    assert staging_left(index_dir) == []


def _starved(limit_bytes: int):
    """Run as the child's preexec: writes past `limit_bytes` fail with EFBIG, as on a full disk."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return limit


@pytest.mark.parametrize("fresh", [False, True], ids=["rebuild", "fresh-build"])
def test_a_write_error_ends_with_one_line_and_keeps_the_previous_index(big_corpus, tmp_path, fresh):
    index_dir = tmp_path / "index"
    expected = None
    if not fresh:
        build_index(big_corpus, index_dir)
        expected = total(index_dir)
        files = sorted(p.name for p in index_dir.iterdir())
    process = start_index(big_corpus, index_dir, "--rebuild", preexec_fn=_starved(64 * 1024))
    try:
        out, err = process.communicate(timeout=300)  # a hang is a failure, whatever the machine
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the run hung after a write error")
    assert process.returncode == 1
    kept = "the previous index is kept" if not fresh else "no index was written"
    assert err.splitlines() == [f"summit-search: {index_dir}: cannot write the index: File too large; {kept}"]
    assert wait_until_gone(process.pid) == []
    assert staging_left(index_dir) == []
    if expected is not None:
        assert total(index_dir) == expected
        build_index(big_corpus, index_dir)  # takes the lock: what the failed write left is removed
        assert unlisted(index_dir) == [] and sorted(p.name for p in index_dir.iterdir()) == files
    build_index(big_corpus, index_dir, rebuild=True)  # and, with room again, the next run completes
    assert total(index_dir) > 0
