"""Writing the index: apply one run's changes in a single commit, or build a new generation
beside the old one and swap it in. Call everything here with the write lock held (lock.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from whoosh import index, query, writing
from whoosh.index import LockError

from ..quotes import QuoteGrouper, quote_tokens
from ..tagging import TaggedArticle
from . import whoosh_fixes  # noqa: F401 - applied on import
from .errors import IndexBusy, IndexWriteError
from .lock import retired_prefix, staging_prefix
from .parallel_writer import SafeMpWriter
from .schema import META_ID, SCHEMA_VERSION, make_schema
from .state import index_exists, open_index

WRITER_LIMIT_MB = 256


def _writer(ix, procs: int, **options):
    """Segments as plain files, not one compound file each: storage.py maps them."""
    options["compound"] = False
    if procs > 1:
        return SafeMpWriter(ix, procs=procs, multisegment=True, limitmb=WRITER_LIMIT_MB, **options)
    return ix.writer(limitmb=WRITER_LIMIT_MB, **options)


def apply_changes(
    path: Path,
    remove: Iterable[str],
    add: Iterable[TaggedArticle],
    meta: dict,
    rebuild: bool = False,
    procs: int = 1,
    usable: bool = True,
) -> None:
    """Remove and (re)add articles in one commit. Call inside `write_lock`.

    Readers keep the previous table of contents until the commit writes the new one, so they
    see every article whole or not at all, and a run killed before the commit leaves the old
    index as it was. A rebuild replaces all segments in that same single commit; only an
    index that cannot be read (or has an older schema) is built beside it and swapped in.

    `usable` says whether the index there is readable and of the current schema (the caller
    has read its state already). `procs=2` writes a rebuild with Whoosh's multiprocessing
    writer (one segment per process): only from a single-threaded process such as the `index`
    command, never the web server.

    Any failure to write (a full disk, a writer process that died) is raised as one
    IndexWriteError naming the index, after the partial write was cancelled and its staging
    removed: the previous index is still whole and searchable."""
    try:
        if not usable:
            _build_and_swap(path, add, meta, procs)
        else:
            _apply(path, remove, add, meta, rebuild, procs)
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        kept = "the previous index is kept" if index_exists(path) else "no index was written"
        raise IndexWriteError(f"{path}: cannot write the index: {reason}; {kept}") from exc


def _apply(path: Path, remove, add, meta: dict, rebuild: bool, procs: int) -> None:
    procs = procs if rebuild else 1
    ix = open_index(path)
    try:
        writer = _writer(ix, procs, timeout=5.0)
    except LockError:
        raise IndexBusy(f"{path}: index is busy (its Whoosh lock is held)") from None
    searcher = None if rebuild else ix.searcher()
    grouper = QuoteGrouper(_indexed_quotes(searcher) if searcher else _nothing_indexed)
    try:
        if not rebuild:
            for article_id in remove:
                writer.delete_by_term("article_id", article_id)
        for article in add:
            if not rebuild:
                writer.delete_by_term("article_id", article.id)
            _add_article(writer, article, grouper)
        if rebuild:
            writer.add_document(**_meta_document(meta))
            writer.commit(mergetype=writing.CLEAR)  # the old segments go in this same commit
        else:
            writer.update_document(**_meta_document(meta))
            writer.commit()
    except BaseException:
        _cancel(writer)
        raise
    finally:
        if searcher is not None:
            searcher.close()


def _nothing_indexed(tokens: list[str]) -> None:
    return None


def _indexed_quotes(searcher):
    """A new passage's quote id from an indexed copy of it (sharing an LSH band token): an
    article added today joins the quote TASS reported last week (quotes.py)."""

    def lookup(tokens: list[str]) -> str | None:
        found = searcher.search(query.Or([query.Term("quote_band", t) for t in tokens]), limit=1, scored=False)
        return found[0].get("quote_id") if found else None

    return lookup


def _build_and_swap(path: Path, articles: Iterable[TaggedArticle], meta: dict, procs: int = 1) -> None:
    """A fresh generation in a staging folder, renamed into place. Readers notice the new
    directory (its inode changed) at their next refresh; a run killed between the two
    renames leaves the old generation retired, and the next lock holder restores it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(path), dir=path.parent))
    try:
        ix = index.create_in(str(staging), make_schema())
        writer = _writer(ix, procs)
        grouper = QuoteGrouper(_nothing_indexed)
        try:
            for article in articles:
                _add_article(writer, article, grouper)
            writer.add_document(**_meta_document(meta))
            writer.commit()
        except BaseException:
            _cancel(writer)
            raise
        retired = path.parent / f"{retired_prefix(path)}{os.getpid()}"
        if path.exists():
            os.rename(path, retired)
        os.rename(staging, path)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
def _cancel(writer) -> None:
    """Cancelling removes the partial segment; on a full disk that can fail too, and the
    first error is the one worth reporting."""
    with contextlib.suppress(Exception):
        writer.cancel()


def _meta_document(meta: dict) -> dict:
    return {"id": META_ID, "doctype": "meta", "record": {**meta, "schema": SCHEMA_VERSION}}


def _add_article(writer, article: TaggedArticle, grouper: QuoteGrouper) -> None:
    day = _day_number(article.date)
    summit = article.summit.id if article.summit else None
    record = {
        "sha256": article.sha256,
        "file": article.file,
        "title": article.title,
        "source": article.source,
        "outlet": article.outlet,
        "url": article.url,
        "language": article.language,
        "date": article.date.isoformat() if article.date else None,
        "summit": summit,
        "problems": list(article.problems),
        "passages": len(article.passages),
    }
    writer.add_document(id=f"article:{article.id}", doctype="article", article_id=article.id,
                        title=article.title, day=day, record=record)
    in_this_article: set[str] = set()
    for passage in article.passages:
        bands = quote_tokens(passage.text, passage.speakers)
        fields = {
            "id": passage.id,
            "doctype": "passage",
            "article_id": article.id,
            "position": passage.position,
            "kind": passage.kind,
            "text": passage.text,
            "title": article.title,
            "speaker": ",".join(passage.speakers),
            "mention": ",".join(passage.mentions),
            "topic": ",".join(passage.topics),
            "day": day,
            "start": passage.start,
            "end": passage.end,
            "quote_id": grouper.assign(passage.id, bands),
        }
        if fields["quote_id"] in in_this_article:  # one article saying a thing twice is not two outlets
            fields["quote_id"] = passage.id
        in_this_article.add(fields["quote_id"])
        if bands and fields["quote_id"] == passage.id:
            # only a quote's first passage is matched against: copies of copies cannot drift
            fields["quote_band"] = ",".join(bands)
        if passage.section:
            fields["section"] = passage.section
        if summit:
            fields["summit"] = summit
        if article.outlet:
            fields["outlet"] = article.outlet
        if article.language:
            fields["lang"] = article.language
        if article.date:
            fields["date"] = dt.datetime.combine(article.date, dt.time())
            fields["year"] = str(article.date.year)
        writer.add_document(**fields)


def _day_number(day: dt.date | None) -> int:
    return day.year * 10000 + day.month * 100 + day.day if day else 0
