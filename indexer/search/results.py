"""search(): the one entry point views call. Select the matching passages, count facets,
order, and highlight the shown page, within the bounds of bounds.py."""

from __future__ import annotations

import html
import math
import time
from collections.abc import Iterator

from whoosh import collectors, qparser, query

from . import bounds
from .errors import SearchError
from .facets import facet_filter, facet_values
from .highlight import decorate
from .query import ParsedQuery, parse_query
from .reader import IndexReader
from .request import SearchRequest, search_url, validate
from .schema import FACET_FIELDS

PARTIAL_NOTICE = ("The search took too long and was stopped: these are the passages found so far, "
                  "and the counts are incomplete. A narrower query will be complete.")


def search(reader: IndexReader, request: SearchRequest, cancelled=None) -> dict:
    """`cancelled`, if given, is asked now and then whether the answer is still wanted."""
    selection = _select(reader, request, cancelled)
    parsed, ranked, base, filters, matched = selection.parts
    total = len(matched)
    last_page = max(1, math.ceil(total / request.per_page))
    if request.page > last_page and not selection.partial:
        raise SearchError("page", f"page {request.page} is past the last page ({last_page})")
    notice = " ".join(n for n in (parsed.notice, selection.capped, selection.partial and PARTIAL_NOTICE) if n)
    return {
        "query": request.query,
        "total": total,
        "page": request.page,
        "per_page": request.per_page,
        "pages": last_page,
        "notice": notice or None,
        "corrected": _correction(reader, parsed),
        "partial": selection.partial,
        "people": _people(reader, parsed.people, request),
        "hits": _hits(reader, selection.query, ranked, matched, request),
        "facets": {f: facet_values(reader, f, base, filters, request) for f in FACET_FIELDS},
        "links": {
            "previous": search_url(request.params(page=request.page - 1)) if request.page > 1 else None,
            "next": search_url(request.params(page=request.page + 1)) if request.page < last_page else None,
        },
    }


def export(reader: IndexReader, request: SearchRequest) -> Iterator[dict]:
    """Selected now, so that a bad or refused request fails before a download starts. An
    export of many rows costs about a second per 20,000: it takes the heavy slot while the
    rows are read."""
    _, ranked, _, _, matched = _select(reader, request).parts
    slot = bounds.HeavySlot(len(matched) > bounds.HEAVY_EXPORT_ROWS, "large exports").__enter__()

    def rows() -> Iterator[dict]:
        try:
            for docnum in _ordered(reader, ranked, matched, len(matched)):
                yield reader.passage_data(reader.searcher.stored_fields(docnum))
        finally:
            slot.__exit__()

    return rows()


class _Selection:
    """What hits, totals and facet counts are cut from: the parsed query (and the bounded one
    actually run), ranked results or None, documents matching the query, per-facet filters,
    and documents matching everything."""

    def __init__(self, parsed, bounded, ranked, base, filters, matched, capped, partial):
        self.parts = (parsed, ranked, base, filters, matched)
        self.query, self.capped, self.partial = bounded, capped, partial


def _select(reader: IndexReader, request: SearchRequest, cancelled=None) -> _Selection:
    """A relevance-ranked query is matched once, scored, and its set taken from that."""
    validate(request, reader.labels)
    parsed = parse_query(reader.searcher.schema, request.query, reader.names)
    bounded, capped = parsed.query, None
    deadline = bounds.Deadline(cancelled=cancelled)
    heavy = False
    if bounds.expands(bounded):
        expansion = bounds.cap_expansions(bounded, reader.searcher.reader())
        bounded, capped, heavy = expansion.query, expansion.notice, expansion.heavy
    deadline.nice = heavy
    with bounds.HeavySlot(heavy):
        ranked = None
        if bounded is not None and request.sort == "relevance":
            ranked = _ranked(reader, bounded, deadline)
            base = frozenset(ranked.docs()) & reader.passage_docs
        else:
            base = _matching(reader, bounded, deadline)
    filters = {f: facet_filter(reader, f, request.selected(f)) for f in FACET_FIELDS}
    matched = set(base)
    for docs in filters.values():
        if docs is not None:
            matched &= docs
    return _Selection(parsed, bounded, ranked, base, filters, matched, capped, deadline.missed)


def _ranked(reader: IndexReader, q: query.Query, deadline: bounds.Deadline):
    timed = bounds.DeadlineCollector(reader.searcher.collector(limit=None), deadline)
    try:
        reader.searcher.search_with_collector(q, timed)
    except collectors.TimeLimit:
        pass
    return timed.results()


def _matching(reader: IndexReader, q: query.Query | None, deadline: bounds.Deadline) -> frozenset[int]:
    if q is None:
        return reader.passage_docs
    found = set()
    for n, docnum in enumerate(reader.searcher.docs_for_query(q)):
        if not n & 255 and deadline.passed():
            break
        found.add(docnum)
    return frozenset(found) & reader.passage_docs


def _people(reader: IndexReader, people: list[str], request: SearchRequest) -> list[dict]:
    """People named in the query, so the page can offer their speaker filter and page."""
    offered = []
    for person in dict.fromkeys(people):
        if person in reader.labels["speaker"] and reader.full_count("speaker", person):
            offered.append({
                "id": person, "name": reader.labels["speaker"][person], "url": f"/speakers/{person}",
                "filter_url": search_url(request.params(speaker=[*request.speaker, person], page=1))
                if person not in request.speaker else None,
            })
    return offered


def _hits(reader: IndexReader, q: query.Query | None, ranked, matched: set[int], request: SearchRequest) -> list[dict]:
    if not matched:
        return []
    first, limit = (request.page - 1) * request.per_page, request.page * request.per_page
    page = _ordered(reader, ranked, matched, limit)[first:]
    if not page or q is None:
        return [_unhighlighted(reader, docnum) for docnum in page]
    # Highlight from a search of the page alone: Whoosh loads character offsets for every
    # document its results hold, and a `filter=` still matches (a phrase: position by
    # position) every candidate; ANDed with the page's ids, matching skips to those alone.
    searcher = reader.searcher
    ids = query.Or([query.Term("id", searcher.stored_fields(docnum)["id"]) for docnum in page])
    results = decorate(searcher.search(query.And([ids, q]), limit=len(page), terms=True))
    by_docnum = {hit.docnum: hit for hit in results}
    return [_hit(reader, by_docnum[docnum]) if docnum in by_docnum else _unhighlighted(reader, docnum)
            for docnum in page]


def _ordered(reader: IndexReader, ranked, matched: set[int], limit: int) -> list[int]:
    """The first `limit` matches in the order asked for: by score when ranked, else newest."""
    if ranked is None:
        return reader.newest(matched, limit) if matched else []
    return [docnum for _, docnum in ranked.top_n if docnum in matched][:limit]


def _unhighlighted(reader: IndexReader, docnum: int) -> dict:
    data = reader.passage_data(reader.searcher.stored_fields(docnum))
    data["highlight"] = html.escape(data["text"], quote=False)
    return data


def _hit(reader: IndexReader, hit) -> dict:
    data = reader.passage_data(hit.fields())
    started = time.perf_counter()
    data["highlight"] = hit.highlights("text", top=1, minscore=0) or html.escape(data["text"], quote=False)
    reader.highlight_seconds += time.perf_counter() - started
    return data


def _correction(reader: IndexReader, parsed: ParsedQuery) -> str | None:
    """A spelling suggestion when a typed word is not in the index and the suggestion finds
    something. It is worked out on the words as typed, not on the name expansion, and not
    for long queries or long words, where comparing every term costs seconds."""
    if parsed.query is None or parsed.notice or not bounds.correction_worth_trying(parsed.text):
        return None
    searcher = reader.searcher
    try:
        typed = qparser.QueryParser("text", searcher.schema).parse(parsed.text)
        if bounds.expands(typed):
            return None
        correction = searcher.correct_query(typed, parsed.text)
    except Exception:  # the corrector shares the parser's taste for odd exceptions
        return None
    if correction.query == typed or correction.string == parsed.text:
        return None
    suggested = parse_query(searcher.schema, correction.string, reader.names)
    return correction.string if suggested.query is not None and _matching(
        reader, suggested.query, bounds.Deadline()) else None
