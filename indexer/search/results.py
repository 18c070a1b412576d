"""search(): the one entry point views call. Select the matching passages, count facets,
order, and highlight the shown page, within the bounds of bounds.py."""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass

from whoosh import collectors, query

from . import bounds, ranking, suggest
from .duplicates import QuoteCopies
from .errors import SearchError
from .facets import facet_values, filters, narrowed
from .highlight import marked, query_words
from .query import ParsedQuery, parse_query
from .reader import IndexReader
from .request import SearchRequest, search_url, validate
from .schema import FACET_FIELDS

PARTIAL_NOTICE = ("The search took too long and was stopped: these are the passages found so far, "
                  "and the counts are incomplete. A narrower query will be complete.")


def search(reader: IndexReader, request: SearchRequest, cancelled=None) -> dict:
    """`cancelled`, if given, is asked now and then whether the answer is still wanted. An
    identical request on the same generation is answered from the generation's cache (a
    partial answer is never kept); callers must not change what they are given."""
    validate(request, reader.labels)
    answer = reader.gen.answers.get(request)
    if answer is None:
        with bounds.Running():
            answer = _answer(reader, request, cancelled)
        if not answer["partial"]:
            reader.gen.answers.put(request, answer)
    return answer


def _answer(reader: IndexReader, request: SearchRequest, cancelled) -> dict:
    started = time.monotonic()
    found = _found(reader, request.query, cancelled)
    selected = filters(reader, request)
    matched = narrowed(reader, found.base, selected)
    copies = None if request.copies else reader.gen.copies(reader.searcher)
    passages = len(matched)
    total = copies.distinct(matched) if copies else passages
    last_page = max(1, math.ceil(total / request.per_page))
    if request.page > last_page and not found.partial:
        raise SearchError("page", f"page {request.page} is past the last page ({last_page})")
    notice = " ".join(n for n in (found.parsed.notice, found.capped, found.partial and PARTIAL_NOTICE) if n)
    _step_aside_if_old(started)
    facets = _facets(reader, found.base, selected, request)
    _step_aside_if_old(started)
    return {
        "query": request.query,
        "total": total,
        "passages": passages,  # matching passages, every outlet's copy counted (total counts quotes once)
        "page": request.page,
        "per_page": request.per_page,
        "pages": last_page,
        "notice": notice or None,
        "corrected": _correction(reader, found, total),
        "partial": found.partial,
        "people": _people(reader, found, request),
        "hits": _hits(reader, found, matched, request, copies),
        "facets": facets,
        "links": {
            "previous": search_url(request.params(page=request.page - 1)) if request.page > 1 else None,
            "next": search_url(request.params(page=request.page + 1)) if request.page < last_page else None,
        },
    }


def _step_aside_if_old(started: float) -> None:
    """Between the phases of an answer (matching, facets, the page), an old search lets a
    younger one have the interpreter (bounds.Deadline says why)."""
    if time.monotonic() - started > bounds.YOUNG_SECONDS:
        bounds.step_aside()


def _facets(reader: IndexReader, base: frozenset[int], selected: dict, request: SearchRequest) -> dict:
    masks: dict = {}  # id(pool) -> (pool, its bits)
    return {f: facet_values(reader, f, base, selected, request, masks) for f in FACET_FIELDS}


def export(reader: IndexReader, request: SearchRequest) -> Iterator[dict]:
    """Selected now, so that a bad or refused request fails before a download starts. An
    export of many rows costs about a second per 20,000: it takes the heavy slot while the
    rows are read."""
    validate(request, reader.labels)
    found = _found(reader, request.query)
    matched = narrowed(reader, found.base, filters(reader, request))
    slot = bounds.HeavySlot(len(matched) > bounds.HEAVY_EXPORT_ROWS, "large exports").__enter__()
    copies = reader.gen.copies(reader.searcher)

    def rows() -> Iterator[dict]:
        try:
            ordered = _ordered(reader, found, matched, len(matched), request.sort)
            for docnum in ordered if request.copies else copies.collapse(ordered, len(ordered)):
                yield _with_copies(reader, docnum, copies)
        finally:
            slot.__exit__()

    return rows()


@dataclass(frozen=True)
class _Found:
    """What a query matches, whatever the facets, sort and page: kept per generation, so
    ticking a facet, paging and exporting do not match the query again. `ranked` is the whole
    match in score order when scoring everything was the cheaper way to get the set (phrases);
    otherwise each page ranks only the top it shows."""

    parsed: ParsedQuery
    query: query.Query | None  # what was run: the parsed query with its expansions capped
    capped: str | None
    base: frozenset[int]  # the passages it matches
    ranked: tuple[int, ...] | None
    partial: bool
    scores: dict[int, float] | None = None  # every match's score, when ranking.py could score it


def _found(reader: IndexReader, text: str, cancelled=None) -> _Found:
    found = reader.gen.selections.get(text)
    if found is not None:
        return found
    parsed = parse_query(reader.searcher.schema, text, reader.names)
    bounded, capped, heavy = parsed.query, None, False
    if bounds.expands(bounded):
        expansion = bounds.cap_expansions(bounded, reader.searcher.reader(),
                                          lambda field: reader.gen.lexicon(reader.searcher, field))
        bounded, capped, heavy = expansion.query, expansion.notice, expansion.heavy
    deadline = bounds.Deadline(cancelled=cancelled)
    ranked = scores = None
    with bounds.HeavySlot(heavy):
        if bounded is not None and _positional(bounded):
            # a phrase is matched position by position: one scored pass gives both the set
            # and the order, where a set and then a ranking would match it twice
            ranked = tuple(docnum for docnum in _ranked_all(reader, bounded, deadline) if docnum in reader.passage_docs)
            base = frozenset(ranked)
        elif bounded is not None and (scores := ranking.scores(reader.searcher, bounded, deadline)) is not None:
            # only passages hold the fields a scored query can name: no intersection needed
            base = frozenset(scores) if ranking.passages_only(bounded) else frozenset(scores) & reader.passage_docs
        else:
            base = _matching(reader, bounded, deadline)
    found = _Found(parsed, bounded, capped, base, ranked, deadline.missed, scores)
    if not found.partial:
        reader.gen.selections.put(text, found, len(base) + len(scores or ()) + len(ranked or ()))
    return found


def _positional(q: query.Query) -> bool:
    return isinstance(q, query.Phrase | query.spans.SpanQuery) or any(_positional(c) for c in q.children())


def _ranked_all(reader: IndexReader, q: query.Query, deadline: bounds.Deadline) -> list[int]:
    timed = bounds.DeadlineCollector(reader.searcher.collector(limit=None), deadline)
    try:
        reader.searcher.search_with_collector(q, timed)
    except collectors.TimeLimit:
        pass
    return [docnum for _, docnum in timed.results().top_n]


def _top(reader: IndexReader, q: query.Query, matched: frozenset[int], base: frozenset[int], limit: int) -> list[int]:
    """The best `limit` of `matched` by score. Whoosh's top-N collector skips postings blocks
    that cannot reach the top, so a word in 20,000 passages is not scored 20,000 times; a facet
    filter makes it test each match against the filter instead (no block skipping)."""
    searcher = reader.searcher
    restrict = None if matched == base else set(matched)
    results = searcher.search(q, limit=limit, filter=restrict, scored=True, terms=False)
    top = [docnum for _, docnum in results.top_n if docnum in matched]
    if len(top) < min(limit, len(matched)):  # records other than passages took places in the top
        top = [docnum for _, docnum in searcher.search(q, limit=limit, filter=set(matched)).top_n]
    return top


def _best(scores: dict[int, float], matched: frozenset[int], limit: int) -> list[int]:
    """The `limit` best of `matched` by score, ties broken as Whoosh does (lower docnum first):
    the cut-off score is found in C, and only what reaches it is sorted in Python."""
    if len(matched) < len(scores):
        scores = {d: scores[d] for d in matched if d in scores}
    top = heapq.nlargest(limit, scores.values())  # floats alone: compared in C
    if not top:
        return []
    lowest = top[-1]
    reaching = [d for d, score in scores.items() if score >= lowest]
    return sorted(reaching, key=lambda d: (-scores[d], d))[:limit]


def _matching(reader: IndexReader, q: query.Query | None, deadline: bounds.Deadline) -> frozenset[int]:
    if q is None:
        return reader.passage_docs
    found = set()
    for n, docnum in enumerate(reader.searcher.docs_for_query(q)):
        if not n & 255 and deadline.passed():
            break
        found.add(docnum)
    return frozenset(found) & reader.passage_docs


def _people(reader: IndexReader, found: _Found, request: SearchRequest) -> list[dict]:
    """People named in the query, so the page can offer their speaker filter and page."""
    offered = []
    for person in dict.fromkeys(found.parsed.people):
        if person in reader.labels["speaker"] and reader.full_count("speaker", person):
            offered.append({
                "id": person, "name": reader.labels["speaker"][person], "url": f"/speakers/{person}",
                "typed": found.parsed.typed.get(person),  # the spelling typed, when the name is not it
                "filter_url": search_url(request.params(speaker=[*request.speaker, person], page=1))
                if person not in request.speaker else None,
            })
    return offered


def _hits(reader: IndexReader, found: _Found, matched: frozenset[int], request: SearchRequest,
          copies: QuoteCopies | None) -> list[dict]:
    if not matched:
        return []
    first, limit = (request.page - 1) * request.per_page, request.page * request.per_page
    page = _cards(reader, found, matched, limit, request.sort, copies)[first:]
    words = query_words(found.query)
    analyzer = reader.searcher.schema["text"].analyzer
    hits = []
    for docnum in page:
        data = _with_copies(reader, docnum, copies or reader.gen.copies(reader.searcher))
        started = time.perf_counter()
        data["highlight"] = marked(data["text"], words, analyzer)
        reader.highlight_seconds += time.perf_counter() - started
        hits.append(data)
    return hits


def _cards(reader: IndexReader, found: _Found, matched: frozenset[int], limit: int, sort: str,
           copies: QuoteCopies | None) -> list[int]:
    """The first `limit` results, one per quote unless every copy was asked for: the order is
    read further until enough distinct quotes are found."""
    if copies is None:
        return _ordered(reader, found, matched, limit, sort)
    wanted = limit
    while True:
        ordered = _ordered(reader, found, matched, wanted, sort)
        cards = copies.collapse(ordered, limit)
        if len(cards) >= limit or len(ordered) < wanted:
            return cards
        wanted *= 2


def _with_copies(reader: IndexReader, docnum: int, copies: QuoteCopies | None) -> dict:
    """A passage's data with the other outlets' copies of its quote (all of them, whatever
    the filters: who else reported it is worth knowing)."""
    data = reader.passage_data(reader.searcher.stored_fields(docnum))
    data["source_url"] = reader.article_url(data["article_id"])
    others = copies.copies(docnum) if copies else []
    data["also_reported_by"] = [reader.reported_by(reader.searcher.stored_fields(d)) for d in others]
    return data


def _ordered(reader: IndexReader, found: _Found, matched: frozenset[int], limit: int, sort: str) -> list[int]:
    """The first `limit` matches in the order asked for: by score, or newest first."""
    if not matched:
        return []
    if sort == "date" or found.query is None or ranking.unranked(found.query):
        return reader.newest(matched, limit)
    if found.ranked is not None:
        return [docnum for docnum in found.ranked if docnum in matched][:limit]
    if found.scores is not None:
        return _best(found.scores, matched, limit)
    return _top(reader, found.query, matched, found.base, limit)


def _correction(reader: IndexReader, found: _Found, total: int) -> str | None:
    """A spelling suggestion, when the query found little and a typed word is not in the
    index (suggest.py), and only if the suggestion finds something."""
    parsed = found.parsed
    if parsed.query is None or parsed.notice or total >= suggest.SUGGEST_BELOW_HITS:
        return None
    field = reader.searcher.schema["text"]
    suggested_text = suggest.suggestion(
        parsed.text, reader.gen.vocabulary(reader.searcher),
        is_searchable=lambda word: bool(list(field.process_text(word, mode="query"))),
        is_name=lambda word: bool(reader.names.rewrite(word)[1]))
    if suggested_text is None:
        return None
    suggested = parse_query(reader.searcher.schema, suggested_text, reader.names)
    if suggested.query is None or bounds.expands(suggested.query):
        return None
    return suggested_text if next(iter(reader.searcher.docs_for_query(suggested.query)), None) is not None else None
