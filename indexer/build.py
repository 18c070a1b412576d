"""Incremental indexing: compare the corpus with what the index holds, tag only what changed,
and write it in one commit.

An article is identified by its file name and versioned by the SHA-256 of its bytes. When the
reference data (people, summits, topics) or the tagger changes, every article's tags may
change, so everything is retagged and the report says why.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import ArticleError, article_id_for, file_sha256, list_article_files, read_article
from .names import NameResolver
from .offices import offices
from .processes import die_with_parent
from .reference import ReferenceData
from .reference_toml import load_reference
from .search import IndexWriteError, apply_changes, index_exists, read_state, write_lock
from .tagging import TaggedArticle, Tagger
from .wording import plural

PARALLEL_WORKERS = 2  # the machines this runs on have two cores
PARALLEL_MIN_ARTICLES = 100  # below this, starting processes costs more than it saves
TAG_CHUNK = 16  # articles a tagging worker takes at once
CHUNKS_IN_FLIGHT_PER_WORKER = 4  # enough to keep the workers busy, few enough to bound memory
SPOOL_IN_MEMORY_BYTES = 16 * 2**20  # tagged articles beyond this go to a temporary file (see _Spool)

# Bump when tagging rules change in a way that alters stored tags: indexes retag everything.
TAGGER_VERSION = "7"


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)  # "file: reason", one line each
    kept_previous: list[str] = field(default_factory=list)  # changed but failed: old version kept
    warnings: list[str] = field(default_factory=list)  # "file: problem" for indexed articles
    doubtful_passages: int = 0  # passages whose attribution the tagger doubted (see inspect)
    passages: int = 0  # passages written in this run
    seconds: float = 0.0
    full_reason: str | None = None  # why everything was retagged, if it was

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        if not self.changed and not self.failed:
            return f"Index is up to date: {plural(self.unchanged, 'article')}, nothing to do ({self.seconds:.2f} s)."
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{self.unchanged} unchanged, {len(self.failed)} failed; "
            f"{plural(self.passages, 'passage')} written in {self.seconds:.2f} s."
        )


ProgressCallback = Callable[[Path], None]


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    rebuild: bool = False,
    on_file: ProgressCallback | None = None,
    wait: float = 0.0,
    parallel: bool = False,
    pretagged: tuple[str, Iterable[TaggedArticle]] | None = None,
) -> IndexReport:
    """Bring the index at `index_dir` in line with `corpus_dir`. Raises IndexBusy when another
    run holds the lock and ReferenceError when a reference file is broken (nothing is written
    then: tagging with broken reference data would only spread the damage).

    `pretagged` is (reference fingerprint, articles) the caller has just tagged (`add` does):
    with the same reference data, one whose bytes are still those on disk is not tagged again
    inside the lock, where a big article would keep every other writer waiting.

    `parallel` uses two processes to tag and to write big batches; it forks, so only a
    single-threaded caller (the `index` command) may ask for it."""
    started = time.monotonic()
    reference = load_reference(corpus_dir)
    fingerprint = f"{reference.fingerprint}/{TAGGER_VERSION}"
    report = IndexReport()
    with write_lock(index_dir, wait):
        state = read_state(index_dir)
        full = _full_reason(rebuild, state, fingerprint)
        report.full_reason = full
        indexed = {} if state is None else state.articles
        files = _current_files(corpus_dir, report)
        pending = []
        for article_id, (path, sha256) in files.items():
            previous = indexed.get(article_id)
            if not full and previous and previous.sha256 == sha256:
                report.unchanged += 1
                if on_file:
                    on_file(path)
                continue
            pending.append((article_id, path, sha256))
        known_fingerprint, known = pretagged or (None, ())
        ready = {a.id: a for a in known} if known_fingerprint == reference.fingerprint else {}
        ready = {p[0]: ready[p[0]] for p in pending if p[0] in ready and ready[p[0]].sha256 == p[2]}
        to_tag = [p for p in pending if p[0] not in ready]
        workers = PARALLEL_WORKERS if parallel and len(to_tag) >= PARALLEL_MIN_ARTICLES else 1
        gone = set(indexed) - set(files)
        tagged = _tag_all(reference, corpus_dir, to_tag, workers)
        with _Spool(index_dir) as spool, contextlib.closing(tagged) as outcomes:
            for article_id, path, _ in pending:
                outcome = ready[article_id] if article_id in ready else next(outcomes)
                if on_file:
                    on_file(path)
                previous = indexed.get(article_id)
                if isinstance(outcome, str):
                    report.failed.append(outcome)
                    if previous and not full:
                        report.kept_previous.append(article_id)
                    continue
                _note_problems(path, outcome, report)
                spool.put(outcome)
                report.passages += len(outcome.passages)
                (report.updated if previous else report.added).append(article_id)
            written = set(report.added) | set(report.updated)
            # A rebuild starts from nothing, so an indexed article that now fails is dropped.
            dropped = {a for a in indexed if a in files and a not in written} if full else set()
            report.removed = sorted(gone | dropped)
            outcomes.close()  # the tagging pool must be gone (with its threads) before the writer forks
            if report.changed or full:
                usable = state is not None and state.fingerprint is not None
                apply_changes(index_dir, report.removed, spool.articles(), _meta(reference, fingerprint),
                              rebuild=bool(full), procs=workers, usable=usable)
    report.seconds = time.monotonic() - started
    return report


class _Spool:
    """Tagged articles on their way to the writer, kept on disk rather than in memory.

    Tagging all of a big corpus before writing any of it keeps the two phases apart: the
    tagging pool (and its threads) is gone before Whoosh's writer forks its processes, and a
    tagging process that dies leaves nothing written. Holding every tagged article in a
    list in between grew the build by about 1 KiB a passage (a gigabyte at a million, copied
    into the writer processes' page tables at fork); a pickle stream in an unlinked
    temporary file beside the index holds them instead (in memory up to 16 MiB, which is
    all an incremental run needs), and a run killed at any point leaves nothing behind (the kernel
    frees an unlinked file with its last descriptor)."""

    def __init__(self, index_dir: Path):
        self.index_dir = index_dir
        self.count = 0

    def __enter__(self) -> _Spool:
        self.index_dir.parent.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY_BYTES, dir=self.index_dir.parent,
                                                   prefix=f".{self.index_dir.name}.spool-")
        return self

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(OSError):  # a full disk fails the final flush too; the file goes all the same
            self._file.close()

    def put(self, article: TaggedArticle) -> None:
        # a pickle each: one Pickler for the stream would remember (and keep alive) every article
        self._guard(lambda: pickle.dump(article, self._file, protocol=pickle.HIGHEST_PROTOCOL))
        self.count += 1

    def articles(self) -> Iterator[TaggedArticle]:
        self._guard(self._file.flush)
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)

    def _guard(self, action):
        """A full disk while spooling is a write error like any other, said the same way."""
        try:
            return action()
        except OSError as exc:
            reason = exc.strerror or str(exc) or type(exc).__name__
            kept = "the previous index is kept" if index_exists(self.index_dir) else "no index was written"
            raise IndexWriteError(f"{self.index_dir}: cannot write the index: {reason}; {kept}") from exc


def index_status(index_dir: Path, article_id: str, sha256: str) -> str:
    """'not indexed', 'indexed (up to date)' or 'indexed (file changed since)' for `inspect`."""
    try:
        state = read_state(index_dir)
    except OSError:
        state = None
    previous = state.articles.get(article_id) if state else None
    if previous is None:
        return "not indexed"
    return "indexed (up to date)" if previous.sha256 == sha256 else "indexed (file changed since)"


def _tag_all(reference: ReferenceData, corpus_dir: Path, pending, workers: int) -> Iterator[TaggedArticle | str]:
    """Each pending (id, path, sha256) article tagged, or the one-line reason it cannot be,
    in order. Workers read the files themselves, and only a few chunks are in flight at a
    time: `Executor.map` would queue every article at once and keep every result until the
    caller took it."""
    if workers == 1:
        tagger = Tagger(reference)
        yield from (_tag_one(tagger, path) for _, path, _ in pending)
        return
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(reference, os.getpid()))
    try:
        in_flight: deque = deque()
        for start in range(0, len(pending), TAG_CHUNK):
            in_flight.append(pool.submit(_tag_chunk, [path for _, path, _ in pending[start:start + TAG_CHUNK]]))
            if len(in_flight) > CHUNKS_IN_FLIGHT_PER_WORKER * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    except BrokenProcessPool:
        raise IndexWriteError(f"{corpus_dir}: a tagging process died; nothing was written, "
                              "the previous index is kept") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _tag_one(tagger: Tagger, path: Path) -> TaggedArticle | str:
    try:
        return tagger.tag(read_article(path))
    except ArticleError as exc:
        return str(exc)


_worker_tagger: Tagger | None = None


def _start_worker(reference: ReferenceData, parent_pid: int) -> None:
    global _worker_tagger
    die_with_parent(parent_pid)
    _worker_tagger = Tagger(reference)


def _tag_chunk(paths: list[Path]) -> list[TaggedArticle | str]:
    return [_tag_one(_worker_tagger, path) for path in paths]


def _note_problems(path: Path, article: TaggedArticle, report: IndexReport) -> None:
    passage_problems = [p for p in article.problems if p.startswith("passage ")]
    report.warnings.extend(f"{path}: {p}" for p in article.problems if p not in passage_problems)
    report.doubtful_passages += len({p.split(":")[0] for p in passage_problems})


def _full_reason(rebuild: bool, state, fingerprint: str) -> str | None:
    if rebuild:
        return "--rebuild was asked for"
    if state is None:
        return "there was no index yet"
    if state.fingerprint is None:
        return "the index was made by an older version of summit-search"
    if state.fingerprint != fingerprint:
        return "the reference data (people, countries, summits or topics) or the tagger changed"
    return None


def _current_files(corpus_dir: Path, report: IndexReport) -> dict[str, tuple[Path, str]]:
    """Article id -> (path, SHA-256) for every article file; unreadable files and id clashes
    ("a b.txt" and "a-b.txt") are reported as failed. Only the hash is kept: the bytes of a
    whole corpus would stay in memory through the build (tagging reads the file again)."""
    files: dict[str, tuple[Path, str]] = {}
    skipped: list[str] = []
    for path in list_article_files(corpus_dir, skipped):
        try:
            article_id = article_id_for(path)
            data = path.read_bytes()
        except (ArticleError, OSError) as exc:
            report.failed.append(str(exc) if isinstance(exc, ArticleError) else f"{path}: cannot read: {exc}")
            continue
        if article_id in files:
            report.failed.append(f"{path}: article id '{article_id}' is already used by {files[article_id][0].name}")
            continue
        files[article_id] = (path, file_sha256(data))
    report.warnings.extend(skipped)  # links and special files: said, not fatal
    return files


def _meta(reference: ReferenceData, fingerprint: str) -> dict:
    people = {p.id: p.name for p in reference.people.values()}
    groups = {g.id: g.name for g in reference.groups.values()}
    resolver = NameResolver(reference)
    return {
        "fingerprint": fingerprint,
        # every spelling of every person, so a query can find them by any of them
        "names": {form: sorted(ids) for form, ids in resolver.name_forms.items()},
        # and every surname by its transliteration skeleton, so "Toqaev" finds Tokayev too
        "skeletons": {skel: sorted(ids) for skel, ids in resolver.spelling.surnames.items()},
        # offices by date, so a page can say who someone was when they spoke
        "roles": offices(reference),
        "labels": {
            "speaker": {**people, **groups},
            "mention": {**people, **{c.id: c.name for c in reference.countries.values()}},
            "topic": {t.id: t.label for t in reference.topics.values()},
            "summit": {s.id: s.label for s in reference.summits.values()},
            "outlet": {o.id: o.name for o in reference.outlets.values()},
        },
    }
