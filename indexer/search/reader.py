"""A read handle on one generation of the index, and the lookups behind the permalink,
article and speaker pages. What a generation caches is shared by every reader of the process
(generation.py); searching itself is in results.py."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path

from whoosh import query
from whoosh.reading import ReaderClosed

from .errors import IndexMissing
from .generation import shared
from .request import SearchRequest, search_url
from .scoring import ListedLengthsBM25F
from .state import index_exists, open_index


def reopening_on_vanished_files(method):
    """A commit deletes the segment files it merged away; a searcher opened before it may
    still need one it had not opened yet. Reopen on the current index and try once more."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (FileNotFoundError, ReaderClosed):
            self.reopen()
            return method(self, *args, **kwargs)

    return wrapper


class IndexReader:
    """Not thread-safe: use one per thread (Whoosh searchers and their analyzers are not safe
    to share). `refresh()` picks up new commits cheaply."""

    highlight_seconds = 0.0  # time spent highlighting, summed (read by the benchmarks)

    def __init__(self, path: Path):
        if not index_exists(path):
            raise IndexMissing(f"{path}: no index here; run `summit-search index` first")
        self.path = path
        self._open()

    def reopen(self) -> None:
        with contextlib.suppress(Exception):
            self.close()
        self._open()

    def _open(self) -> None:
        self._ix = open_index(self.path)
        self.searcher = self._ix.searcher(weighting=ListedLengthsBM25F())
        self._dir_inode = self.path.stat().st_ino
        self._load()

    @property
    def generation(self) -> int:
        """Whoosh's generation number of what this reader sees (it grows with every commit)."""
        return self.searcher.reader().generation()

    @property
    def passages(self) -> int:
        return len(self.passage_docs)

    def _load(self) -> None:
        """Join this process's shared caches for the generation the searcher sees."""
        self.gen = shared(self.path, self._dir_inode, self.searcher)
        self.labels = self.gen.labels
        self.names = self.gen.names
        self.passage_docs = self.gen.passage_docs

    def warm(self) -> None:
        """Build every per-generation cache now, before a user's search needs it, and run one
        search, so that the first user does not pay for importing the query parser either."""
        self.gen.warm(self.searcher)
        self.search(SearchRequest("warm up"))

    def refresh(self) -> bool:
        """Reopen if the index changed (new commit, or a rebuild swapped the directory)."""
        try:
            swapped = self.path.stat().st_ino != self._dir_inode
        except FileNotFoundError:
            return False  # mid-swap: keep serving the old one
        if swapped:
            self.close()
            self._open()
            return True
        if self.searcher.up_to_date():
            return False
        # Not Searcher.refresh(): since whoosh PR #520 (kept in whoosh-reloaded) its reader
        # "reuse" appends the old segments to the new ones, so documents a commit merged away
        # or cleared come back. A fresh searcher costs a few milliseconds, once per commit.
        old = self.searcher
        self.searcher = self._ix.searcher(weighting=ListedLengthsBM25F())
        old.close()
        self._load()
        return True

    def close(self) -> None:
        self.searcher.close()

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- searching (results.py does the work) ----------------------------------------------

    @reopening_on_vanished_files
    def search(self, request: SearchRequest, cancelled=None) -> dict:
        from .results import search

        return search(self, request, cancelled)

    def export(self, request: SearchRequest) -> Iterator[dict]:
        """Every hit of the request (not just a page), in the requested order, unhighlighted."""
        from .results import export

        return export(self, request)

    # --- per-generation caches -------------------------------------------------------------

    def full_count(self, facet: str, value: str) -> int:
        return self.gen.full_count(self.searcher, facet, value)

    def values_by_doc(self, facet: str):
        return self.gen.values_by_doc(self.searcher, facet)

    def newest(self, matched: set[int], limit: int) -> list[int]:
        """The first `limit` of `matched` in date order (newest, then article and position),
        read off an order sorted once per index generation rather than once per request."""
        order = self.gen.date_order(self.searcher)
        if len(matched) == len(self.passage_docs):
            return list(order[:limit])
        found = []
        for docnum in order:
            if docnum in matched:
                found.append(docnum)
                if len(found) == limit:
                    break
        return found

    # --- lookups ---------------------------------------------------------------------------

    def passage_data(self, fields: dict) -> dict:
        summit = fields.get("summit")
        return {
            "id": fields["id"],
            "article_id": fields["article_id"],
            "article_title": fields.get("title", ""),
            "position": fields["position"],
            "summit": {"id": summit, "label": self.labels["summit"].get(summit, summit)} if summit else None,
            "date": day_iso(fields.get("day")),
            "speakers": self._labelled("speaker", fields.get("speaker")),
            "mentions": self._labelled("mention", fields.get("mention")),
            "topics": [{"id": t["id"], "label": t["name"]} for t in self._labelled("topic", fields.get("topic"))],
            "kind": fields["kind"],
            "outlet": self._outlet(fields.get("outlet")),
            "lang": fields.get("lang"),
            "quote_id": fields.get("quote_id") or fields["id"],
            "section": fields.get("section"),
            "text": fields["text"],
            "start": fields["start"],
            "end": fields["end"],
            "url": f"/passages/{fields['id']}",
        }

    def article_url(self, article_id: str) -> str | None:
        """The article's source URL as its header gave it (kept per generation: a page of hits
        often shares articles)."""
        urls = self.gen.memo("article_urls", dict)
        if article_id not in urls:
            fields = self.searcher.document(id=f"article:{article_id}")
            urls[article_id] = fields["record"].get("url") if fields else None
        return urls[article_id]

    def reported_by(self, fields: dict) -> dict:
        """One outlet's copy of a quote, as `also_reported_by` lists it."""
        outlet = self._outlet(fields.get("outlet"))
        return {"outlet": outlet["label"] if outlet else None, "date": day_iso(fields.get("day")),
                "article": fields.get("title", ""), "url": f"/passages/{fields['id']}"}

    def _outlet(self, outlet: str | None) -> dict | None:
        return {"id": outlet, "label": self.labels["outlet"].get(outlet, outlet)} if outlet else None

    def _labelled(self, facet: str, joined: str | None) -> list[dict]:
        names = self.labels.get(facet, {})
        return [{"id": v, "name": names.get(v, v)} for v in (joined or "").split(",") if v]

    @reopening_on_vanished_files
    def passage(self, passage_id: str) -> dict | None:
        """A passage with its neighbours in the article, for the permalink page."""
        fields = self.searcher.document(id=passage_id, doctype="passage")
        if not fields:
            return None
        data = self.passage_data(fields)
        data["source_url"] = self.article_url(fields["article_id"])
        copies = self.gen.copies(self.searcher)
        docnum = self.searcher.document_number(id=passage_id)
        data["also_reported_by"] = [self.reported_by(self.searcher.stored_fields(d)) for d in copies.copies(docnum)]
        siblings = self._article_passages(fields["article_id"])
        index_in_article = next(i for i, p in enumerate(siblings) if p["id"] == passage_id)
        data["context"] = {
            "previous": siblings[index_in_article - 1] if index_in_article > 0 else None,
            "next": siblings[index_in_article + 1] if index_in_article + 1 < len(siblings) else None,
        }
        return data

    def _article_passages(self, article_id: str) -> list[dict]:
        docs = self.searcher.search(query.And([query.Term("article_id", article_id),
                                               query.Term("doctype", "passage")]),
                                    limit=None, sortedby="position")
        return [self.passage_data(hit.fields()) for hit in docs]

    @reopening_on_vanished_files
    def article(self, article_id: str, with_passages: bool = True) -> dict | None:
        fields = self.searcher.document(id=f"article:{article_id}")
        if not fields:
            return None
        record = fields["record"]
        summit = record.get("summit")
        return {
            "id": article_id,
            "title": record["title"],
            "date": record["date"],
            "source": record["source"],
            "outlet": self._outlet(record.get("outlet")),
            "lang": record.get("language"),
            "source_url": record["url"],
            "file": record["file"],
            "summit": {"id": summit, "label": self.labels["summit"].get(summit, summit)} if summit else None,
            "problems": record["problems"],
            "passages": self._article_passages(article_id) if with_passages else None,
            "url": f"/articles/{article_id}",
        }

    @reopening_on_vanished_files
    def speaker(self, speaker_id: str) -> dict | None:
        """A speaker with their passage count, topics and summits (None: unknown or silent)."""
        name = self.labels["speaker"].get(speaker_id)
        docs = self.gen.mask(self.searcher, "speaker", speaker_id) if name else 0
        if not docs:
            return None

        def breakdown(facet: str) -> list[dict]:
            counts = [(value, label, (docs & self.gen.mask(self.searcher, facet, value)).bit_count())
                      for value, label in self.labels[facet].items()]
            return [{"id": v, "label": lbl, "count": c, "url": search_url({"speaker": speaker_id, facet: v})}
                    for v, lbl, c in sorted(counts, key=lambda x: (-x[2], x[1])) if c]

        return {"id": speaker_id, "name": name, "count": docs.bit_count(), "url": f"/speakers/{speaker_id}",
                "topics": breakdown("topic"), "summits": breakdown("summit")}

    @reopening_on_vanished_files
    def speakers(self) -> list[dict]:
        """Everyone with at least one passage, most passages first."""
        result = []
        for value, name in self.labels.get("speaker", {}).items():
            count = self.full_count("speaker", value)
            if count:
                result.append({"id": value, "name": name, "count": count, "url": f"/speakers/{value}"})
        return sorted(result, key=lambda s: (-s["count"], s["name"].lower()))


def day_iso(number: int | None) -> str | None:
    if not number:
        return None
    return f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"
