"""Adding articles to the corpus (`summit-search add`, the upload form): check each file as
the indexer would, store the good ones under a safe name that no other add can take, and
index them.

Concurrent adds must neither collide nor lie. The corpus name is chosen, and the bytes
stored, while holding the corpus's add lock, so two adds of "report.txt" become report.txt
and report-2.txt, and two adds of the same bytes store them once. The file is written to a
hidden staging name first and hard-linked into place, which fails rather than overwrites if
anything else (an editor, a copy) took the name meanwhile: an article is never replaced
silently. Tagging, the slow part, happens before the lock is taken.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
import tempfile
from pathlib import Path

from .build import build_index
from .corpus import (
    ARTICLE_SUFFIX,
    MAX_ARTICLE_BYTES,
    MAX_ID_CHARS,
    ArticleError,
    article_id_for,
    check_regular_file,
    file_sha256,
    list_article_files,
    read_article,
    safe_stem,
)
from .locking import file_lock
from .reference_toml import load_reference
from .search import IndexBusy
from .tagging import TaggedArticle, Tagger

ADD_LOCK_NAME = ".summit-search-add.lock"  # hidden: the indexer and the watcher skip it
STAGING_SUFFIX = ".adding"
MAX_NAME_TRIES = 10_000


class CorpusBusy(RuntimeError):
    """Another add held the corpus for longer than we could wait."""


@dataclasses.dataclass
class AddedFile:
    """What became of one file given to `add`."""

    source: Path
    stored_as: str | None = None  # its file name in the corpus
    article: TaggedArticle | None = None
    error: str | None = None  # why it was refused (nothing was stored)
    duplicate_of: str | None = None  # the corpus file with the same bytes
    speakers: dict[str, int] = dataclasses.field(default_factory=dict)  # display name -> passages
    indexed: bool = False  # False: stored, but the index was busy; the next run indexes it


def add_articles(corpus_dir: Path, index_dir: Path, files: list[Path], wait: float = 30.0,
                 tagger: Tagger | None = None, follow_symlinks: bool = False):
    """Returns ([AddedFile], IndexReport or None). The report is None when nothing new was
    stored, or when the index stayed busy for `wait` seconds: the articles are then stored
    (`indexed` False) and the running or the next indexing run takes them. A caller that
    needs the reference data afterwards passes its own tagger."""
    tagger = tagger or Tagger(load_reference(corpus_dir))
    checked = [_check(tagger, corpus_dir, source, follow_symlinks) for source in files]
    with file_lock(corpus_dir / ADD_LOCK_NAME, wait, lambda: CorpusBusy(
            f"{corpus_dir}: another add kept the corpus busy for {wait:g} s; nothing was stored, try again")):
        _remove_orphan_staging(corpus_dir)
        known = {file_sha256(p.read_bytes()): p.name for p in list_article_files(corpus_dir)}
        results = [_store(corpus_dir, tagger, item, known) for item in checked]
    stored = [r for r in results if r.stored_as and not r.duplicate_of]
    if not stored:
        return results, None
    try:
        report = build_index(corpus_dir, index_dir, wait=wait,
                             pretagged=(tagger.reference.fingerprint, [r.article for r in stored]))
    except IndexBusy:
        return results, None
    for result in stored:
        result.indexed = True
    return results, report


@dataclasses.dataclass
class _Checked:
    source: Path
    data: bytes | None = None
    article: TaggedArticle | None = None  # tagged as if stored under the source's own name
    error: str | None = None


def _check(tagger: Tagger, corpus_dir: Path, source: Path, follow_symlinks: bool) -> _Checked:
    try:
        check_regular_file(source, follow_symlinks)
        data = _read_regular(source, follow_symlinks)
    except ArticleError as exc:
        return _Checked(source, error=str(exc))
    except OSError as exc:
        return _Checked(source, error=f"{source}: cannot read file: {exc.strerror or exc}")
    try:
        checked = read_article(source, data)  # errors name the user's file, not the copy
        article = tagger.tag(dataclasses.replace(checked, path=corpus_dir / _name(_stem(source))))
    except ArticleError as exc:
        return _Checked(source, error=str(exc))
    return _Checked(source, data, article)


def _store(corpus_dir: Path, tagger: Tagger, item: _Checked, known: dict[str, str]) -> AddedFile:
    """Call with the add lock held."""
    if item.error:
        return AddedFile(item.source, error=item.error)
    digest = file_sha256(item.data)
    if digest in known:
        return AddedFile(item.source, stored_as=known[digest], duplicate_of=known[digest])
    try:
        target = _link_unique(corpus_dir, _stem(item.source), item.data)
    except OSError as exc:
        return AddedFile(item.source, error=f"{item.source}: cannot store it in {corpus_dir}: {exc.strerror or exc}")
    known[digest] = target.name
    article = _renamed(item.article, article_id_for(target), target.name)
    speakers: dict[str, int] = {}
    for passage in article.passages:
        for speaker in passage.speakers:
            name = tagger.reference.speaker_name(speaker)
            speakers[name] = speakers.get(name, 0) + 1
    return AddedFile(item.source, stored_as=target.name, article=article, speakers=speakers)


def _link_unique(corpus_dir: Path, stem: str, data: bytes) -> Path:
    """Write `data` to a hidden staging file, then link it to the first free name of
    stem.txt, stem-2.txt, …; a link never replaces an existing file."""
    handle, staging = tempfile.mkstemp(prefix=".", suffix=STAGING_SUFFIX, dir=corpus_dir)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        names = {p.name for p in corpus_dir.iterdir()}
        ids = {_id_of(n) for n in names if n.endswith(ARTICLE_SUFFIX)}
        for n in range(1, MAX_NAME_TRIES):
            name = _name(stem if n == 1 else f"{stem}-{n}")
            if name in names or _id_of(name) in ids:  # 'a b.txt' and 'a-b.txt' share an id
                continue
            try:
                os.link(staging, corpus_dir / name)
            except FileExistsError:
                continue
            return corpus_dir / name
        raise OSError(f"no free name for {stem}{ARTICLE_SUFFIX}")
    finally:
        Path(staging).unlink(missing_ok=True)


def _id_of(name: str) -> str | None:
    try:
        return safe_stem(name)
    except ArticleError:
        return None


def _renamed(article: TaggedArticle, article_id: str, file: str) -> TaggedArticle:
    """The article as tagged, under the name it was stored as: passage ids start with the
    article id (`<id>-<hash of the text>`), so they follow it."""
    passages = [dataclasses.replace(p, id=article_id + p.id[len(article.id):], article_id=article_id)
                for p in article.passages]
    return dataclasses.replace(article, id=article_id, file=file, passages=passages)


def _read_regular(source: Path, follow_symlinks: bool) -> bytes:
    """Read what was checked: the file could be swapped for a link or a FIFO between the
    check and the read, so the open itself refuses links (O_NOFOLLOW) and never waits for a
    FIFO's writer (O_NONBLOCK), and the opened file is checked again."""
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow_symlinks else os.O_NOFOLLOW)
    try:
        handle = os.open(source, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(f"{source}: is a symbolic link; pass --follow-symlinks to add what it "
                               "points to") from None
        raise
    with os.fdopen(handle, "rb") as opened:
        if not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
            raise ArticleError(f"{source}: is not a regular file")
        return opened.read(MAX_ARTICLE_BYTES + 1)


def _stem(source: Path) -> str:
    """Short enough that a "-NNNN" for uniqueness keeps the name within the id length limit,
    so a stored file's name and its article id always agree."""
    return safe_stem(source.name, limit=MAX_ID_CHARS - 6)


def _name(stem: str) -> str:
    return f"{stem}{ARTICLE_SUFFIX}"


def _remove_orphan_staging(corpus_dir: Path) -> None:
    """Only the add lock's holder stages files, so any staging file found now was left by an
    add that died."""
    for orphan in corpus_dir.glob(f".*{STAGING_SUFFIX}"):
        orphan.unlink(missing_ok=True)
