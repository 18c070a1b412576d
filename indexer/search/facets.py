"""Facet filters and counts, as plain data the templates only loop over: each value with its
label, count, whether it is selected, and the URL that toggles it (after Datasette's facets).

Counts are what the query and the *other* facets' selections leave, so picking a second
speaker shows how many that adds: OR within a facet, AND across facets."""

from __future__ import annotations

from collections import Counter

from .docsets import members, restrict, to_mask
from .reader import IndexReader
from .request import SearchRequest, search_url
from .schema import FACET_FIELDS

FIXED_ORDER = ("kind", "year")


def facet_filter(reader: IndexReader, facet: str, values: tuple[str, ...]) -> int | None:
    """Passages having any of the selected values (OR within a facet), as bits; None: no filter."""
    if not values:
        return None
    mask = 0
    for value in values:
        mask |= reader.gen.mask(reader.searcher, facet, value)
    return mask


def filters(reader: IndexReader, request: SearchRequest) -> dict[str, int | None]:
    """Every filter of the request as bits, by facet; the date range under "date" (it is no
    facet, so every facet's counts respect it)."""
    found = {f: facet_filter(reader, f, request.selected(f)) for f in FACET_FIELDS}
    days = request.day_range()
    found["date"] = reader.gen.day_mask(reader.searcher, *days) if days else None
    return found


def narrowed(reader: IndexReader, docs: frozenset[int], filters: dict[str, int | None]) -> frozenset[int]:
    """`docs` with every facet filter applied (AND across facets)."""
    masks = [m for m in filters.values() if m is not None]
    if not masks:
        return docs
    combined = masks[0]
    for mask in masks[1:]:
        combined &= mask
    if len(docs) == len(reader.passage_docs):  # all passages: the bits are the answer
        return members(combined, reader.gen.size)
    return restrict(docs, combined, reader.gen.size)


def facet_values(reader: IndexReader, facet: str, base, filters, request: SearchRequest,
                 masks: dict | None = None) -> list[dict]:
    """`masks` carries large pools already turned into bits between the facets of one request
    (with no facet selected, all three count the same pool)."""
    pool = narrowed(reader, base, {other: mask for other, mask in filters.items() if other != facet})
    selected = request.selected(facet)
    counts = _counts(reader, facet, pool, {} if masks is None else masks)
    if not request.copies:
        _count_quotes_once(reader, facet, pool, counts)
    values = []
    for value, label in reader.labels.get(facet, {}).items():
        count = counts.get(value, 0)
        if count or value in selected:
            toggled = [v for v in selected if v != value] if value in selected else [*selected, value]
            values.append({
                "value": value, "label": label, "count": count, "selected": value in selected,
                "toggle_url": search_url(request.params(**{facet: toggled, "page": 1})),
            })
    if facet not in FIXED_ORDER:  # kinds keep their order, years run newest first
        values.sort(key=lambda v: (-v["count"], v["label"].lower()))
    return values


def _count_quotes_once(reader: IndexReader, facet: str, pool, counts: dict[str, int]) -> None:
    """With one card per quote, a value counts a quote once however many outlets printed it
    (so "Quotes (1)" sits beside "1 quote", and a year's bar finds what it says)."""
    numbers, combinations = reader.values_by_doc(facet)
    for docs in reader.gen.copies(reader.searcher).together(pool):
        seen: dict[str, int] = {}
        for doc in docs:
            for value in combinations[numbers[doc]]:
                seen[value] = seen.get(value, 0) + 1
        for value, n in seen.items():
            counts[value] = counts.get(value, 0) - (n - 1)


def _counts(reader: IndexReader, facet: str, pool, masks: dict) -> dict[str, int]:
    """How many documents of `pool` have each value. The whole collection's counts are kept
    per index generation. A pool of up to an eighth of the passages is counted by its
    documents' combinations of values (`Counter` over `map`: one C loop, about 40 ns a
    document); a larger one is turned into bits once and ANDed with each value's bits."""
    if len(pool) == len(reader.passage_docs):
        return {v: reader.full_count(facet, v) for v in reader.labels.get(facet, {})}
    if len(pool) * 8 > len(reader.passage_docs):
        known = masks.get(id(pool))
        if known is None or known[0] is not pool:  # kept with the pool, so the id stays its own
            known = masks[id(pool)] = (pool, to_mask(pool, reader.gen.size))
        return {v: (known[1] & reader.gen.mask(reader.searcher, facet, v)).bit_count()
                for v in reader.labels.get(facet, {})}
    numbers, combinations = reader.values_by_doc(facet)
    counts: dict[str, int] = {}
    for number, n in Counter(map(numbers.__getitem__, pool)).items():
        for value in combinations[number]:
            counts[value] = counts.get(value, 0) + n
    return counts
