"""The watcher rebuilds once per real change to the corpus, and never because of its own reads,
the index's writes or hidden files: an idle corpus must leave `watch` and `serve --watch` idle.

Every test first makes one real change and waits for its reindex, because the bug this guards
against (issue 11) only shows after a reindex: its reads used to trigger the next one. Counts
are asserted, never timings; SETTLE only gives a wrong reindex time to happen.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from watchdog.events import FileClosedNoWriteEvent, FileModifiedEvent, FileOpenedEvent

from indexer import watch
from indexer.build import build_index
from indexer.watch import CorpusWatcher

QUIET = 0.2
SETTLE = 1.0  # several quiet periods and builds of this small corpus
TIMEOUT = 30.0
ARTICLE = "moscow_sanctions.txt"


class Watched:
    """A running watcher and what it did: `builds` counts every call of build_index, including
    the no-op ones that `reports` (what gets printed) no longer shows, and `reads` every corpus
    file the watcher read itself to confirm a change."""

    def __init__(self, corpus: Path, index: Path, quiet: float):
        self.corpus, self.index = corpus, index
        self.builds = self.reads = 0
        self.reports, self.errors = [], []
        self.watcher = CorpusWatcher(corpus, index, self.reports.append, self.errors.append, quiet_seconds=quiet)

    def wait_for_reports(self, count: int) -> None:
        """Until `count` reindexes have been reported (or have failed): reported ones are done."""
        deadline = time.monotonic() + TIMEOUT
        while len(self.reports) + len(self.errors) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.reports) + len(self.errors) >= count, f"waited for {count} reindexes, saw {self.builds}"

    def wait_for_builds(self, count: int) -> None:
        deadline = time.monotonic() + TIMEOUT
        while self.builds < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.builds >= count, f"waited for {count} reindexes, saw {self.builds}"

    def settle(self) -> None:
        time.sleep(SETTLE)

    def edit(self, name: str = ARTICLE, words: str = "A new paragraph says the talks went on.") -> None:
        path = self.corpus / name
        path.write_text(path.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")

    def first_change(self) -> None:
        """One real change, reindexed once: the state in which the old watcher began to spin."""
        self.edit()
        self.wait_for_reports(1)
        assert self.builds == 1
        assert [r.updated for r in self.reports] == [["moscow_sanctions"]]

    def one_more_real_change(self) -> None:
        """The watcher still sees real edits after whatever a test did, and folds them into one."""
        before, reported = self.builds, len(self.reports) + len(self.errors)
        self.edit(words="Another paragraph says the summit closed.")
        self.wait_for_reports(reported + 1)
        self.settle()
        assert self.builds == before + 1
        assert self.reports[-1].updated == ["moscow_sanctions"]


def stopped_in_time(watcher: CorpusWatcher) -> bool:
    """Whether stop() returned; a stop() that hangs must fail the test, not hang the run."""
    stopper = threading.Thread(target=watcher.stop, daemon=True)
    stopper.start()
    stopper.join(TIMEOUT / 3)
    return not stopper.is_alive()


@pytest.fixture
def watched(monkeypatch):
    started: list[Watched] = []
    real_build = watch.build_index
    real_sha256 = getattr(watch, "_file_sha256", None)

    def start(corpus: Path, index: Path, quiet: float = QUIET) -> Watched:
        w = Watched(corpus, index, quiet)

        def counting_build(*args, **kwargs):
            w.builds += 1
            return real_build(*args, **kwargs)

        def counting_sha256(path):
            w.reads += 1
            return real_sha256(path)

        monkeypatch.setattr(watch, "build_index", counting_build)
        if real_sha256:
            monkeypatch.setattr(watch, "_file_sha256", counting_sha256)
        started.append(w)
        w.watcher.start()
        return w

    yield start
    for w in started:
        assert stopped_in_time(w.watcher), "stop() hung"
        assert w.errors == []


def read_everything(corpus: Path, seconds: float) -> int:
    """What a reindex, a backup tool or a curious user does to the corpus: open, read, close
    and stat every file, over and over."""
    rounds = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in sorted(p for p in corpus.iterdir() if p.is_file()):
            with open(path, "rb") as handle:
                handle.read()
            os.stat(path)
        rounds += 1
    return rounds


def test_reading_the_corpus_does_not_reindex(search_corpus, index_dir, watched):
    w = watched(search_corpus, index_dir)
    w.first_change()
    reads = w.reads
    assert read_everything(search_corpus, 2.0) > 10
    w.settle()
    assert w.builds == 1
    assert w.reads == reads  # not even looked at: the reads were no events
    assert len(w.reports) == 1
    w.one_more_real_change()


def test_open_and_close_events_are_not_changes(search_corpus, index_dir, watched):
    """Backends without the kernel-side filter still deliver these; they must be dropped."""
    w = watched(search_corpus, index_dir)
    w.first_change()
    reads = w.reads
    for path in sorted(search_corpus.iterdir()):
        w.watcher.dispatch(FileOpenedEvent(str(path)))
        w.watcher.dispatch(FileClosedNoWriteEvent(str(path)))
    w.settle()
    assert w.builds == 1
    assert w.reads == reads
    w.one_more_real_change()


def test_index_inside_the_corpus_does_not_reindex(search_corpus, watched):
    index = search_corpus / "index"
    build_index(search_corpus, index)
    w = watched(search_corpus, index)
    w.first_change()  # which wrote into corpus/index and its lock file next to it
    for name in ("stray.txt", "people.toml", "more.txt"):
        (index / name).write_text("not an article\n")
    for path in sorted(index.iterdir()):
        if path.is_file():
            os.utime(path)
    w.settle()
    assert w.builds == 1
    w.one_more_real_change()


def test_hidden_files_do_not_reindex(search_corpus, index_dir, watched):
    w = watched(search_corpus, index_dir)
    w.first_change()
    hidden = [search_corpus / name for name in
              (f".{ARTICLE}.swp", ".quokka.adding", ".people.toml.lock", ".~lock.notes.txt#", ".tmp.txt")]
    for path in hidden:  # left in place, as an editor does while the file is open
        path.write_text("half-written\n")
        path.write_text("half-written, more\n")
    w.settle()
    assert w.builds == 1
    for path in hidden:
        path.unlink()
    w.settle()
    assert w.builds == 1
    w.one_more_real_change()


def test_a_staged_add_is_one_change(search_corpus, index_dir, watched):
    """`add` writes `.NAME.adding` and renames it into place: the rename is the change."""
    w = watched(search_corpus, index_dir)
    w.first_change()
    staged = search_corpus / ".quokka.adding"
    staged.write_text((search_corpus / ARTICLE).read_text(encoding="utf-8").replace("Moscow", "Minsk"))
    staged.rename(search_corpus / "quokka.txt")
    w.wait_for_reports(2)
    w.settle()
    assert w.builds == 2
    assert w.reports[-1].added == ["quokka"]
    w.one_more_real_change()


def test_a_burst_of_writes_is_one_reindex(search_corpus, index_dir, watched):
    w = watched(search_corpus, index_dir, quiet=0.5)
    w.first_change()
    for n in range(20):
        w.edit(words=f"Paragraph {n} of a long paste says the talks went on.")
    w.wait_for_reports(2)
    w.settle()
    assert w.builds == 2
    assert w.reports[-1].updated == ["moscow_sanctions"]
    w.one_more_real_change()


def test_touch_and_chmod_do_not_reindex_but_a_same_size_same_mtime_edit_does(search_corpus, index_dir, watched):
    w = watched(search_corpus, index_dir)
    w.first_change()
    path = search_corpus / ARTICLE
    for name in (ARTICLE, "people.toml"):
        os.utime(search_corpus / name)
        os.chmod(search_corpus / name, 0o600)
        with open(search_corpus / name, "ab"):  # opened for writing, nothing written
            pass
        # watchdog before 7 reports a touch or a chmod as a modification
        w.watcher.dispatch(FileModifiedEvent(str(search_corpus / name)))
    w.settle()
    assert w.builds == 1

    # The same length and the same mtime as before: only the event says the content moved.
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "Moscow" in text
    path.write_text(text.replace("Moscow", "Mozcow"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    w.wait_for_reports(2)
    w.settle()
    assert w.builds == 2
    assert w.reports[-1].updated == ["moscow_sanctions"]


def test_deleting_a_reference_file_reindexes_once_and_reports_the_failure(search_corpus, index_dir, watched):
    w = watched(search_corpus, index_dir)
    w.first_change()
    (search_corpus / "topics.toml").unlink()
    w.wait_for_reports(2)
    w.settle()
    assert w.builds == 2
    assert len(w.errors) == 1  # broken reference data: nothing is written, and it is said
    w.errors.clear()


def test_a_reindex_that_changes_nothing_says_nothing(search_corpus, index_dir, watched):
    """Before its first reindex the watcher cannot know what the index holds, so a write then is
    checked by a build even when it wrote the same bytes; a build with nothing to do must not
    print a line."""
    w = watched(search_corpus, index_dir)
    path = search_corpus / ARTICLE
    path.write_bytes(path.read_bytes())
    w.wait_for_builds(1)
    w.settle()
    assert w.builds == 1
    assert w.reports == []
    w.one_more_real_change()


def test_stop_does_not_wait_out_a_quiet_period(search_corpus, index_dir, watched):
    w = watched(search_corpus, index_dir, quiet=20.0)
    w.edit()
    time.sleep(0.5)  # let the event arrive, so that the watcher is inside its quiet period
    assert stopped_in_time(w.watcher), "stop() waited for the quiet period to end"
    assert w.builds == 0  # the pending change is left for the next sync, not written on the way out
