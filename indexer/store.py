"""The search layer: the only module that reads or writes the Whoosh index at run time.

Everything it returns is plain data (dicts, lists, strings) shaped like the JSON API, so the
CLI, the web app and the tests never touch a Whoosh object, and Whoosh could be swapped for
another engine behind this module alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import gc
import html
import math
import os
import re
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from whoosh import highlight, index, qparser, query, sorting, writing
from whoosh.index import LockError
from whoosh.reading import ReaderClosed

from .name_patterns import MIN_SURNAME_ALONE
from .reference import UNKNOWN_SPEAKER_PREFIX, unknown_speaker_label
from .schema import FACET_FIELDS, META_ID, SCHEMA_VERSION, make_schema
from .spelling import skeleton
from .tagging import TaggedArticle

MAX_QUERY_CHARS = 500
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10
LOCK_WAIT_SECONDS = 0.0
WRITER_LIMIT_MB = 256
_WORD = re.compile(r"\w+", re.UNICODE)


def _remember_missing_columns() -> None:
    """Whoosh's per-document reader caches a field-length column once found but not its
    absence, so at every commit it stats the file system once per posting of each unscored
    field (ids, keywords, the spelling field): half the commit time at 10k passages. Caching
    the absence too changes no result (a segment's columns never change once written)."""
    from whoosh.codec import whoosh3

    found = whoosh3.W3PerDocReader._cached_reader
    if getattr(found, "remembers_missing", False):
        return

    def cached_reader(self, fieldname, column):
        if fieldname not in self._readers:
            self._readers[fieldname] = found(self, fieldname, column)
        return self._readers[fieldname]

    cached_reader.remembers_missing = True
    whoosh3.W3PerDocReader._cached_reader = cached_reader


_remember_missing_columns()


class IndexBusy(RuntimeError):
    """Another process is writing the index."""


class IndexMissing(RuntimeError):
    """No usable index at the path: build one with `summit-search index`."""


class SearchError(ValueError):
    """A request parameter is out of range or unknown; `param` names it."""

    def __init__(self, param: str, message: str):
        super().__init__(message)
        self.param = param


# --- writing -------------------------------------------------------------------------------


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


def _open_index(path: Path):
    """Open the index, turning any failure into IndexMissing with the reason. Whoosh leaves
    the table-of-contents file open when it cannot parse it; that handle is closed (and its
    ResourceWarning silenced) here rather than leaking into the caller."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return index.open_dir(str(path))
        except Exception as exc:
            reason = str(exc) or type(exc).__name__
        gc.collect()
    raise IndexMissing(f"{path}: index is unreadable ({reason}); run `summit-search index --rebuild`")


def read_state(path: Path) -> IndexState | None:
    """The indexed articles and the fingerprint they were tagged with; None if no index."""
    if not index_exists(path):
        return None
    try:
        ix = _open_index(path)
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


@contextlib.contextmanager
def write_lock(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Serialise writers (including rebuilds, which swap the whole directory) with a lock file
    beside the index; a second writer gets IndexBusy instead of corrupting anything."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.parent / f".{path.name}.lock"
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexBusy(f"{path}: index is busy (another `summit-search index` is running)") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
    command, never the web server."""
    if not usable:
        _build_and_swap(path, add, meta, procs)
        return
    procs = procs if rebuild else 1
    ix = _open_index(path)
    try:
        writer = ix.writer(timeout=5.0, limitmb=WRITER_LIMIT_MB, procs=procs, multisegment=procs > 1)
    except LockError:
        raise IndexBusy(f"{path}: index is busy (its Whoosh lock is held)") from None
    try:
        if not rebuild:
            for article_id in remove:
                writer.delete_by_term("article_id", article_id)
        for article in add:
            if not rebuild:
                writer.delete_by_term("article_id", article.id)
            _add_article(writer, article)
        if rebuild:
            writer.add_document(**_meta_document(meta))
            writer.commit(mergetype=writing.CLEAR)  # the old segments go in this same commit
        else:
            writer.update_document(**_meta_document(meta))
            writer.commit()
    except BaseException:
        writer.cancel()
        raise


def _build_and_swap(path: Path, articles: Iterable[TaggedArticle], meta: dict, procs: int = 1) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.building-", dir=path.parent))
    try:
        ix = index.create_in(str(staging), make_schema())
        writer = ix.writer(limitmb=WRITER_LIMIT_MB, procs=procs, multisegment=procs > 1)
        for article in articles:
            _add_article(writer, article)
        writer.add_document(**_meta_document(meta))
        writer.commit()
        retired = path.parent / f".{path.name}.retired-{os.getpid()}"
        if path.exists():
            os.rename(path, retired)
        os.rename(staging, path)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _meta_document(meta: dict) -> dict:
    return {"id": META_ID, "doctype": "meta", "record": {**meta, "schema": SCHEMA_VERSION}}


def _add_article(writer, article: TaggedArticle) -> None:
    day = _day_number(article.date)
    summit = article.summit.id if article.summit else None
    record = {
        "sha256": article.sha256,
        "file": article.file,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "date": article.date.isoformat() if article.date else None,
        "summit": summit,
        "problems": list(article.problems),
        "passages": len(article.passages),
    }
    writer.add_document(id=f"article:{article.id}", doctype="article", article_id=article.id,
                        title=article.title, day=day, record=record)
    for passage in article.passages:
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
        }
        if passage.section:
            fields["section"] = passage.section
        if summit:
            fields["summit"] = summit
        if article.date:
            fields["date"] = dt.datetime.combine(article.date, dt.time())
        writer.add_document(**fields)


def _day_number(day: dt.date | None) -> int:
    return day.year * 10000 + day.month * 100 + day.day if day else 0


def _day_iso(number: int | None) -> str | None:
    if not number:
        return None
    return f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    speaker: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    summit: tuple[str, ...] = ()
    sort: str = "relevance"  # relevance | date
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    def selected(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)

    def params(self, **changes) -> dict[str, object]:
        """The request as URL parameters (for toggle and page links), with changes applied."""
        values = {"q": self.query, "speaker": list(self.speaker), "topic": list(self.topic),
                  "summit": list(self.summit), "sort": self.sort, "page": self.page, "per_page": self.per_page}
        values.update(changes)
        for name, default in (("sort", "relevance"), ("page", 1), ("per_page", DEFAULT_PER_PAGE)):
            if values.get(name) == default:
                values.pop(name)
        return {k: v for k, v in values.items() if v not in ("", [], None)}


def search_url(params: dict[str, object]) -> str:
    return "/search" + ("?" + urlencode(params, doseq=True) if params else "")


def _reopening_on_vanished_files(method):
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
    """A read handle on the index. Not thread-safe: use one per thread (Whoosh searchers and
    their analyzers are not safe to share). `refresh()` picks up new commits cheaply."""

    def __init__(self, path: Path):
        if not index_exists(path):
            raise IndexMissing(f"{path}: no index here; run `summit-search index` first")
        self.path = path
        self._open()

    def reopen(self) -> None:
        with contextlib.suppress(Exception):
            self.close()
        self._open()

    highlight_seconds = 0.0  # time spent highlighting, summed (read by the benchmarks)

    def _open(self) -> None:
        self._ix = _open_index(self.path)
        self._searcher = self._ix.searcher()
        self._dir_inode = self.path.stat().st_ino
        self._load()

    def _load(self) -> None:
        """What each searcher generation caches: labels, names, and document sets."""
        self._value_docs: dict[tuple[str, str], frozenset[int]] = {}
        meta = self._searcher.document(id=META_ID) or {"record": {}}
        self.labels: dict[str, dict[str, str]] = meta["record"].get("labels", {f: {} for f in FACET_FIELDS})
        prefix = UNKNOWN_SPEAKER_PREFIX.encode()
        unknown = [term.decode() for term in self._searcher.lexicon("speaker") if term.startswith(prefix)]
        self.labels["speaker"] = {**self.labels.get("speaker", {}), **{u: unknown_speaker_label(u) for u in unknown}}
        self.names = QueryNames(meta["record"].get("names", {}), self.labels, meta["record"].get("skeletons", {}))
        self._passage_docs = frozenset(self._searcher.docs_for_query(query.Term("doctype", "passage")))
        self._date_order: list[int] | None = None  # every passage, newest first: made on first use
        self._full_counts: dict[tuple[str, str], int] = {}
        self._values_of: dict[str, dict[int, tuple[str, ...]]] = {}  # facet -> docnum -> its values

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
        if self._searcher.up_to_date():
            return False
        # Not Searcher.refresh(): since whoosh PR #520 (kept in whoosh-reloaded) its reader
        # "reuse" appends the old segments to the new ones, so documents a commit merged away
        # or cleared come back. A fresh searcher costs a few milliseconds, once per commit.
        old = self._searcher
        self._searcher = self._ix.searcher()
        old.close()
        self._load()
        return True

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- search ----------------------------------------------------------------------------

    def _select(self, request: SearchRequest):
        """(parsed query, ranked results or None, documents matching the query, per-facet
        filters, documents matching everything): what hits, totals and facet counts are cut
        from. A relevance-ranked query is matched once, scored, and its set taken from that."""
        _validate(request, self.labels)
        parsed = parse_query(self._searcher.schema, request.query, self.names)
        ranked = None
        if parsed.query is not None and request.sort == "relevance":
            ranked = self._searcher.search(parsed.query, limit=None)
            base = frozenset(ranked.docs()) & self._passage_docs
        else:
            base = self._matching(parsed.query)
        filters = {f: self._facet_filter(f, request.selected(f)) for f in FACET_FIELDS}
        matched = set(base)
        for docs in filters.values():
            if docs is not None:
                matched &= docs
        return parsed, ranked, base, filters, matched

    @_reopening_on_vanished_files
    def search(self, request: SearchRequest) -> dict:
        parsed, ranked, base, filters, matched = self._select(request)
        total = len(matched)
        last_page = max(1, math.ceil(total / request.per_page))
        if request.page > last_page:
            raise SearchError("page", f"page {request.page} is past the last page ({last_page})")
        return {
            "query": request.query,
            "total": total,
            "page": request.page,
            "per_page": request.per_page,
            "pages": last_page,
            "notice": parsed.notice,
            "corrected": self._correction(parsed),
            "people": self._people(parsed.people, request),
            "hits": self._hits(parsed.query, ranked, matched, request),
            "facets": {f: self._facet_values(f, base, filters, request) for f in FACET_FIELDS},
            "links": {
                "previous": search_url(request.params(page=request.page - 1)) if request.page > 1 else None,
                "next": search_url(request.params(page=request.page + 1)) if request.page < last_page else None,
            },
        }

    def export(self, request: SearchRequest) -> Iterator[dict]:
        """Every hit of the request (not just a page), in the requested order, unhighlighted."""
        _, ranked, _, _, matched = self._select(request)
        for docnum in self._ordered(ranked, matched, len(matched)):
            yield self._passage_data(self._searcher.stored_fields(docnum))

    def _people(self, people: list[str], request: SearchRequest) -> list[dict]:
        """People named in the query, so the page can offer their speaker filter and page."""
        offered = []
        for person in dict.fromkeys(people):
            if person in self.labels["speaker"] and self._full_count("speaker", person):
                offered.append({
                    "id": person, "name": self.labels["speaker"][person], "url": f"/speakers/{person}",
                    "filter_url": search_url(request.params(speaker=[*request.speaker, person], page=1))
                    if person not in request.speaker else None,
                })
        return offered

    def _matching(self, parsed: query.Query | None) -> frozenset[int]:
        if parsed is None:
            return self._passage_docs
        return frozenset(self._searcher.docs_for_query(parsed)) & self._passage_docs

    def _docs_with(self, facet: str, value: str) -> frozenset[int]:
        key = (facet, value)
        if key not in self._value_docs:
            self._value_docs[key] = frozenset(self._searcher.docs_for_query(query.Term(facet, value)))
        return self._value_docs[key]

    def _facet_filter(self, facet: str, values: tuple[str, ...]) -> frozenset[int] | None:
        """Documents having any of the selected values (OR within a facet); None: no filter."""
        if not values:
            return None
        docs: set[int] = set()
        for value in values:
            docs |= self._docs_with(facet, value)
        return frozenset(docs)

    def _facet_values(self, facet: str, base, filters, request: SearchRequest) -> list[dict]:
        """Counts under the query and the *other* facets' selections, so that picking a second
        speaker shows how many that adds (OR within a facet, AND across facets)."""
        pool = set(base)
        for other, docs in filters.items():
            if other != facet and docs is not None:
                pool &= docs
        selected = request.selected(facet)
        counts = self._counts(facet, pool)
        values = []
        for value, label in self.labels.get(facet, {}).items():
            count = counts.get(value, 0)
            if count or value in selected:
                toggled = [v for v in selected if v != value] if value in selected else [*selected, value]
                values.append({
                    "value": value, "label": label, "count": count, "selected": value in selected,
                    "toggle_url": search_url(request.params(**{facet: toggled, "page": 1})),
                })
        values.sort(key=lambda v: (-v["count"], v["label"].lower()))
        return values

    def _counts(self, facet: str, pool: set[int]) -> dict[str, int]:
        """How many documents of `pool` have each value. The whole collection's counts are kept
        per index generation; a small pool is walked once (a few values per document), a large
        one intersected with each value's documents, whichever touches fewer entries."""
        values = self.labels.get(facet, {})
        if len(pool) == len(self._passage_docs):
            return {v: self._full_count(facet, v) for v in values}
        if len(pool) * 8 < len(self._passage_docs):
            counts: dict[str, int] = {}
            values_of = self._facet_values_by_doc(facet)
            for docnum in pool:
                for value in values_of.get(docnum, ()):
                    counts[value] = counts.get(value, 0) + 1
            return counts
        return {v: len(pool & self._docs_with(facet, v)) for v in values}

    def _facet_values_by_doc(self, facet: str) -> dict[int, tuple[str, ...]]:
        if facet not in self._values_of:
            by_doc: dict[int, list[str]] = {}
            for value in self.labels.get(facet, {}):
                for docnum in self._docs_with(facet, value):
                    by_doc.setdefault(docnum, []).append(value)
            self._values_of[facet] = {docnum: tuple(vs) for docnum, vs in by_doc.items()}
        return self._values_of[facet]

    def _full_count(self, facet: str, value: str) -> int:
        key = (facet, value)
        if key not in self._full_counts:
            self._full_counts[key] = len(self._docs_with(facet, value) & self._passage_docs)
        return self._full_counts[key]

    def _hits(self, parsed: query.Query | None, ranked, matched: set[int], request: SearchRequest) -> list[dict]:
        if not matched:
            return []
        first, limit = (request.page - 1) * request.per_page, request.page * request.per_page
        page = self._ordered(ranked, matched, limit)[first:]
        if not page or parsed is None:
            return [self._unhighlighted(docnum) for docnum in page]
        # Highlight from a search of the page alone: Whoosh loads character offsets for every
        # document its results hold, and a `filter=` still matches (a phrase: position by
        # position) every candidate; ANDed with the page's ids, matching skips to those alone.
        ids = query.Or([query.Term("id", self._searcher.stored_fields(docnum)["id"]) for docnum in page])
        results = self._decorate(self._searcher.search(query.And([ids, parsed]), limit=len(page), terms=True))
        by_docnum = {hit.docnum: hit for hit in results}
        return [self._hit(by_docnum[docnum]) for docnum in page]

    def _ordered(self, ranked, matched: set[int], limit: int) -> list[int]:
        """The first `limit` matches in the order asked for: by score when ranked, else newest."""
        if ranked is None:
            return self._newest(matched, limit) if matched else []
        return [docnum for _, docnum in ranked.top_n if docnum in matched][:limit]

    def _newest(self, matched: set[int], limit: int) -> list[int]:
        """The first `limit` of `matched` in date order (newest, then article and position),
        read off an order sorted once per index generation rather than once per request."""
        if self._date_order is None:
            every = self._searcher.search(query.Term("doctype", "passage"), limit=None, sortedby=_BY_DATE)
            self._date_order = [docnum for _, docnum in every.top_n]
        if len(matched) == len(self._passage_docs):
            return self._date_order[:limit]
        found = []
        for docnum in self._date_order:
            if docnum in matched:
                found.append(docnum)
                if len(found) == limit:
                    break
        return found

    @staticmethod
    def _decorate(results):
        results.fragmenter = _WholeText()
        results.formatter = _MarkFormatter()
        return results

    def _unhighlighted(self, docnum: int) -> dict:
        data = self._passage_data(self._searcher.stored_fields(docnum))
        data["highlight"] = html.escape(data["text"], quote=False)
        return data

    def _hit(self, hit) -> dict:
        data = self._passage_data(hit.fields())
        started = time.perf_counter()
        data["highlight"] = hit.highlights("text", top=1, minscore=0) or html.escape(data["text"], quote=False)
        self.highlight_seconds += time.perf_counter() - started
        return data

    def _correction(self, parsed: ParsedQuery) -> str | None:
        """A spelling suggestion when a typed word is not in the index and the suggestion finds
        something. It is worked out on the words as typed, not on the name expansion."""
        if parsed.query is None or parsed.notice:
            return None
        try:
            typed = qparser.QueryParser("text", self._searcher.schema).parse(parsed.text)
            correction = self._searcher.correct_query(typed, parsed.text)
        except Exception:  # the corrector shares the parser's taste for odd exceptions
            return None
        if correction.query == typed or correction.string == parsed.text:
            return None
        suggested = parse_query(self._searcher.schema, correction.string, self.names)
        return correction.string if suggested.query is not None and self._matching(suggested.query) else None

    # --- lookups ---------------------------------------------------------------------------

    def _passage_data(self, fields: dict) -> dict:
        summit = fields.get("summit")
        return {
            "id": fields["id"],
            "article_id": fields["article_id"],
            "article_title": fields.get("title", ""),
            "position": fields["position"],
            "summit": {"id": summit, "label": self.labels["summit"].get(summit, summit)} if summit else None,
            "date": _day_iso(fields.get("day")),
            "speakers": self._labelled("speaker", fields.get("speaker")),
            "mentions": self._labelled("mention", fields.get("mention")),
            "topics": [{"id": t["id"], "label": t["name"]} for t in self._labelled("topic", fields.get("topic"))],
            "kind": fields["kind"],
            "section": fields.get("section"),
            "text": fields["text"],
            "start": fields["start"],
            "end": fields["end"],
            "url": f"/passages/{fields['id']}",
        }

    def _labelled(self, facet: str, joined: str | None) -> list[dict]:
        names = self.labels.get(facet, {})
        return [{"id": v, "name": names.get(v, v)} for v in (joined or "").split(",") if v]

    @_reopening_on_vanished_files
    def passage(self, passage_id: str) -> dict | None:
        """A passage with its neighbours in the article, for the permalink page."""
        fields = self._searcher.document(id=passage_id, doctype="passage")
        if not fields:
            return None
        data = self._passage_data(fields)
        siblings = self._article_passages(fields["article_id"])
        index_in_article = next(i for i, p in enumerate(siblings) if p["id"] == passage_id)
        data["context"] = {
            "previous": siblings[index_in_article - 1] if index_in_article > 0 else None,
            "next": siblings[index_in_article + 1] if index_in_article + 1 < len(siblings) else None,
        }
        return data

    def _article_passages(self, article_id: str) -> list[dict]:
        docs = self._searcher.search(query.And([query.Term("article_id", article_id),
                                                query.Term("doctype", "passage")]),
                                     limit=None, sortedby="position")
        return [self._passage_data(hit.fields()) for hit in docs]

    @_reopening_on_vanished_files
    def article(self, article_id: str, with_passages: bool = True) -> dict | None:
        fields = self._searcher.document(id=f"article:{article_id}")
        if not fields:
            return None
        record = fields["record"]
        summit = record.get("summit")
        return {
            "id": article_id,
            "title": record["title"],
            "date": record["date"],
            "source": record["source"],
            "source_url": record["url"],
            "file": record["file"],
            "summit": {"id": summit, "label": self.labels["summit"].get(summit, summit)} if summit else None,
            "problems": record["problems"],
            "passages": self._article_passages(article_id) if with_passages else None,
            "url": f"/articles/{article_id}",
        }

    @_reopening_on_vanished_files
    def speaker(self, speaker_id: str) -> dict | None:
        """A speaker with their passage count, topics and summits (None: unknown or silent)."""
        name = self.labels["speaker"].get(speaker_id)
        docs = self._docs_with("speaker", speaker_id) & self._passage_docs if name else frozenset()
        if not docs:
            return None

        def breakdown(facet: str) -> list[dict]:
            counts = [(value, label, len(docs & self._docs_with(facet, value)))
                      for value, label in self.labels[facet].items()]
            return [{"id": v, "label": lbl, "count": c, "url": search_url({"speaker": speaker_id, facet: v})}
                    for v, lbl, c in sorted(counts, key=lambda x: (-x[2], x[1])) if c]

        return {"id": speaker_id, "name": name, "count": len(docs), "url": f"/speakers/{speaker_id}",
                "topics": breakdown("topic"), "summits": breakdown("summit")}

    @_reopening_on_vanished_files
    def speakers(self) -> list[dict]:
        """Everyone with at least one passage, most passages first."""
        result = []
        for value, name in self.labels.get("speaker", {}).items():
            count = self._full_count("speaker", value)
            if count:
                result.append({"id": value, "name": name, "count": count, "url": f"/speakers/{value}"})
        return sorted(result, key=lambda s: (-s["count"], s["name"].lower()))


# --- queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    query: query.Query | None  # None: no query, browse everything
    notice: str | None = None  # said to the user when the query was not taken as typed
    people: list[str] = field(default_factory=list)  # person ids named in the query


_FIELD_VALUE = re.compile(
    r'(?<![\w-])(?P<field>speaker|mention|topic|summit):(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s()"]+))')
_BY_DATE = sorting.MultiFacet([sorting.FieldFacet("day", reverse=True), sorting.FieldFacet("article_id"),
                               sorting.FieldFacet("position")])


class QueryNames:
    """People's names as users type them, turned into what the index knows.

    "Lukashenka", "Alexander Lukashenko" and "Aleksandr Grigoryevich" all become "passages
    where he speaks or is mentioned, or that spell his surname any known way", so every
    spelling finds the same passages; `speaker:Lukashenko` and `summit:bishkek` accept names
    and labels as well as ids."""

    def __init__(self, forms: dict[str, list[str]], labels: dict[str, dict[str, str]],
                 skeletons: dict[str, list[str]] | None = None):
        self.labels = labels
        self.forms = {_fold(form): ids for form, ids in forms.items()}
        self.skeletons = skeletons or {}
        self.spellings: dict[str, set[str]] = {}
        for form, ids in self.forms.items():
            if " " not in form and "." not in form:
                for person in ids:
                    self.spellings.setdefault(person, set()).add(form)
        longest_first = sorted(self.forms, key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, f.split())) for f in longest_first)
        self._names = re.compile(rf"(?<![\w:'\"-])(?:{alternation})(?![\w-])", re.IGNORECASE) if self.forms else None

    def rewrite(self, text: str) -> tuple[str, list[str]]:
        people: list[str] = []
        text = _FIELD_VALUE.sub(lambda m: self._field(m, people), text)
        if not self._names:
            return text, people
        quoted = [m.span() for m in re.finditer(r'"[^"]*"', text)]
        pieces, last = [], 0
        for start, end, ids in self._name_spans(text, quoted):
            people.extend(ids)
            pieces += [text[last:start], self._person_group(ids, text[start:end])]
            last = end
        return "".join(pieces) + text[last:], people

    def _name_spans(self, text: str, quoted) -> list[tuple[int, int, list[str]]]:
        """Listed spellings first; then any other word that spells a surname by the
        transliteration rules ("Toqaev", "Berdimuhamedow")."""
        spans = [(m.start(), m.end(), self.forms[_fold(m.group())]) for m in self._names.finditer(text)
                 if not any(start <= m.start() < end for start, end in quoted)]
        for m in _QUERY_WORD.finditer(text):
            if any(s <= m.start() < e for s, e in quoted) or any(s <= m.start() < e for s, e, _ in spans):
                continue
            skel = skeleton(m.group())
            ids = self.skeletons.get(skel) if len(skel) >= MIN_SURNAME_ALONE else None
            if ids:
                spans.append((m.start(), m.end(), ids))
        return sorted(spans)

    def _person_group(self, ids: list[str], typed: str = "") -> str:
        terms = [f"{facet}:{person}" for person in ids for facet in ("speaker", "mention")]
        spellings = {spelling for person in ids for spelling in self.spellings.get(person, ())}
        if typed and " " not in typed and "." not in typed:
            spellings.add(_fold(typed))  # the spelling typed, as written in some article
        terms += sorted(spellings)
        return "(" + " OR ".join(terms) + ")"

    def _field(self, match: re.Match, people: list[str]) -> str:
        facet, value = match.group("field"), match.group("quoted") or match.group("bare") or ""
        labels = self.labels.get("speaker" if facet == "mention" else facet, {})
        if value in labels:
            ids = [value]
        elif facet in ("speaker", "mention") and _fold(value) in self.forms:
            ids = self.forms[_fold(value)]
        else:
            ids = [v for v, label in labels.items() if _fold(value) in _fold(label) or _fold(value) in v]
        if not ids:
            return match.group()
        if facet in ("speaker", "mention"):
            people.extend(ids)
        return "(" + " OR ".join(f"{facet}:{v}" for v in ids) + ")"


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


_QUERY_WORD = re.compile(r"(?<![\w:'\"*-])[^\W\d_]{5,}(?![\w*:-])")


def parse_query(schema, text: str, names: QueryNames | None = None) -> ParsedQuery:
    """Parse user syntax, falling back to plain words (and saying so) when it is malformed.

    Whoosh rarely raises on junk; it silently returns nothing or everything instead, so the
    checks here are explicit: unbalanced quotes or brackets, a bare wildcard, operators with
    no words, and over-long input (parse time grows quadratically with length)."""
    text = text.strip()
    cut = ""
    if len(text) > MAX_QUERY_CHARS:
        text, cut = text[:MAX_QUERY_CHARS], f"Your query was cut to its first {MAX_QUERY_CHARS} characters."
    if not text:
        return ParsedQuery(text, None, cut or None)
    parser = qparser.QueryParser("text", schema)
    parsed, people = None, []
    if _well_formed(text):
        expanded, people = names.rewrite(text) if names else (text, [])
        try:
            parsed = parser.parse(expanded)
        except Exception:  # plugins raise assorted errors on junk; all mean "malformed"
            parsed = None
    if parsed is not None and parsed is not query.NullQuery and not _matches_everything(parsed):
        return ParsedQuery(text, parsed, cut or None, people)
    words = _WORD.findall(text)
    terms = [t for w in words for t in schema["text"].process_text(w, mode="query")]
    if not terms:
        return ParsedQuery(text, None, _join(cut, "Your query has no searchable words, so every passage is shown."))
    plain = query.And([query.Term("text", t) for t in dict.fromkeys(terms)])
    fallback = f"Your query could not be read as search syntax; searched for the words: {' '.join(words)}"
    return ParsedQuery(text, plain, _join(cut, fallback))


def _join(*notices: str) -> str:
    return " ".join(n for n in notices if n)


def _well_formed(text: str) -> bool:
    if text.count('"') % 2:
        return False
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    if depth:
        return False
    return not any(word.startswith(("*", "?")) for word in text.split())


def _matches_everything(parsed: query.Query) -> bool:
    return isinstance(parsed, query.Every) or any(isinstance(q, query.Every) for q in parsed.leaves())


def _validate(request: SearchRequest, labels: dict[str, dict[str, str]]) -> None:
    if request.page < 1:
        raise SearchError("page", "page must be 1 or more")
    if not 1 <= request.per_page <= MAX_PER_PAGE:
        raise SearchError("per_page", f"per_page must be between 1 and {MAX_PER_PAGE}")
    if request.sort not in ("relevance", "date"):
        raise SearchError("sort", "sort must be 'relevance' or 'date'")
    for facet in FACET_FIELDS:
        for value in request.selected(facet):
            if value not in labels.get(facet, {}):
                raise SearchError(facet, f"unknown {facet} '{value}'")


class _WholeText(highlight.Fragmenter):
    """The whole passage as one fragment, from stored character offsets (no re-analysis)."""

    charlimit = None

    def must_retokenize(self) -> bool:
        return False

    def fragment_matches(self, text, tokens):
        return [highlight.Fragment(text, tokens, 0, len(text))]

    def fragment_tokens(self, text, all_tokens):
        return [highlight.Fragment(text, [t for t in all_tokens if t.matched], 0, len(text))]


class _MarkFormatter(highlight.Formatter):
    """`<mark>` around matches, everything else HTML-escaped: the only trusted markup."""

    between = ""

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return f"<mark>{html.escape(highlight.get_text(text, token, replace), quote=False)}</mark>"
