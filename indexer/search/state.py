"""What an index on disk holds, read without a writer: whether there is one, and which
article versions (by SHA-256) it was built from, so a reindex touches only what changed."""

from __future__ import annotations

import gc
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index

from .errors import IndexMissing
from .schema import META_ID, SCHEMA_VERSION
from .storage import MappedStorage


@dataclass(frozen=True)
class IndexedArticle:
    """What the index remembers about an article, to decide what a reindex must touch."""

    id: str
    sha256: str
    file: str
    title: str
    passages: int


@dataclass(frozen=True)
class IndexState:
    fingerprint: str | None  # None when the index predates the current schema
    articles: dict[str, IndexedArticle] = field(default_factory=dict)


def index_exists(path: Path) -> bool:
    """Is there an index (readable or not) at `path`? Whoosh's own `exists_in` raises on a
    damaged one, which must instead be rebuilt."""
    return path.is_dir() and any(path.glob(f"_{index._DEF_INDEX_NAME}_*.toc"))


def open_index(path: Path):
    """Open the index, turning any failure into IndexMissing with the reason. Whoosh leaves
    the table-of-contents file open when it cannot parse it; that handle is closed (and its
    ResourceWarning silenced) here rather than leaking into the caller."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return MappedStorage(str(path)).open_index()
        except Exception as exc:
            reason = str(exc) or type(exc).__name__
        gc.collect()
    raise IndexMissing(f"{path}: index is unreadable ({reason}); run `summit-search index --rebuild`")


def read_state(path: Path) -> IndexState | None:
    """The indexed articles and the fingerprint they were tagged with; None if no index."""
    if not index_exists(path):
        return None
    try:
        ix = open_index(path)
    except IndexMissing:  # an unreadable or foreign index is rebuilt, never trusted
        return IndexState(None)
    with ix.searcher() as searcher:
        meta = searcher.document(id=META_ID)
        if not meta or meta["record"].get("schema") != SCHEMA_VERSION:
            return IndexState(None)
        articles = {}
        for fields in searcher.documents(doctype="article"):
            record = fields["record"]
            articles[fields["article_id"]] = IndexedArticle(
                fields["article_id"], record["sha256"], record["file"], record["title"], record["passages"]
            )
        return IndexState(meta["record"]["fingerprint"], articles)


