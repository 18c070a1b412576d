"""Matching and BM25F scoring of term queries a postings block at a time.

Whoosh walks a query's matchers one document at a time, in Python, through a tree of binary
union and intersection matchers: `s*` (an OR of 100 words) took 20 s at 100k passages, most
of it in the union tree's quality bookkeeping, and a word in 20,000 passages spent 60 ms
scoring them. Most queries users type are words, OR-ed or AND-ed, and name expansions are ORs
of words in several fields: for those, each word's postings are read a block at a time, its
BM25F scores computed in a list comprehension and summed into a dict. One pass gives the
matched set (the dict's keys) and every score, the same scores as Whoosh's (same formula,
idf, average length and boosts). Numeric and date ranges are
matched from their terms the same way, at a constant score. Anything else (phrases, word
ranges, NOT) returns None and goes
to Whoosh.
"""

from __future__ import annotations

from whoosh import query
from whoosh.scoring import BM25FScorer, WeightScorer

from .bounds import Deadline
from .scoring import field_lengths


class Unsupported(Exception):
    """The query has a part this module does not score; Whoosh will."""


def scores(searcher, q: query.Query, deadline: Deadline | None = None) -> dict[int, float] | None:
    """Every matching document's score, by docnum; None when `q` is not a plain combination of
    terms (Term, Or, And, with boosts)."""
    try:
        _check(q)
    except Unsupported:
        return None
    return _scores(searcher, q, deadline)


PASSAGE_FIELDS = frozenset({"text", "speaker", "mention", "topic", "summit", "kind", "date"})


def passages_only(q: query.Query) -> bool:
    """Can only passages match? (Article and meta records hold none of these fields.)"""
    return all(field in PASSAGE_FIELDS for field, _ in q.iter_all_terms()) if not isinstance(q, query.NumericRange) \
        else q.fieldname in PASSAGE_FIELDS


def unranked(q: query.Query) -> bool:
    """A query of ranges only (`date:[2010 to 2015]`) gives every match the same score: its
    hits are better shown newest first."""
    if isinstance(q, query.NumericRange):
        return True
    return type(q) in (query.And, query.Or) and all(unranked(child) for child in q.subqueries)


def _check(q: query.Query) -> None:
    if type(q) is query.Term or isinstance(q, query.NumericRange):
        return
    if type(q) is query.Or and not q.scale and not getattr(q, "minmatch", 0):
        for child in q.subqueries:
            _check(child)
        return
    if type(q) is query.And:
        for child in q.subqueries:
            _check(child)
        return
    raise Unsupported(type(q).__name__)


def _scores(searcher, q: query.Query, deadline: Deadline | None) -> dict[int, float]:
    if type(q) is query.Term:
        found = _term_scores(searcher, q, deadline)
    elif isinstance(q, query.NumericRange):
        return dict.fromkeys(_range_docs(searcher, q, deadline), float(q.boost))
    elif type(q) is query.Or:  # the largest child copied in C, the others added to it
        parts = sorted((_scores(searcher, child, deadline) for child in q.subqueries), key=len, reverse=True)
        found = dict(parts[0]) if parts else {}
        for part in parts[1:]:
            get = found.get
            for docnum, score in part.items():
                found[docnum] = get(docnum, 0.0) + score
    else:  # And: the smallest child first, so each next one only adds to what is left
        parts = sorted((_scores(searcher, child, deadline) for child in q.subqueries), key=len)
        found = parts[0] if parts else {}
        for part in parts[1:]:
            found = {docnum: score + part[docnum] for docnum, score in found.items() if docnum in part}
    if q.boost != 1.0:
        found = {docnum: score * q.boost for docnum, score in found.items()}
    return found


def _term_scores(searcher, term: query.Term, deadline: Deadline | None) -> dict[int, float]:
    field = searcher.schema[term.fieldname] if term.fieldname in searcher.schema else None
    if field is None:
        return {}
    try:
        text = field.to_bytes(term.text)
    except ValueError:
        return {}
    found: dict[int, float] = {}
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if (term.fieldname, text) not in reader:
            continue
        scorer = searcher.weighting.scorer(sub, term.fieldname, text)
        matcher = reader.postings(term.fieldname, text)
        for ids, weights in _blocks(matcher, deadline):
            found.update(zip([offset + i for i in ids], _block_scores(scorer, reader, term.fieldname, ids, weights),
                             strict=True))
    return found


def _range_docs(searcher, q: query.NumericRange, deadline: Deadline | None) -> set[int]:
    """The documents with a value in the range, from the tiered terms Whoosh encodes it as
    (its own matcher unions them through the same binary tree: 0.4 s for six years at 100k)."""
    found: set[int] = set()
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        compiled = q._compile_query(reader)
        if isinstance(compiled, query.ConstantScoreQuery):
            compiled = compiled.child
        parts = compiled.subqueries if type(compiled) is query.Or else [compiled]
        for part in parts:
            texts = [part.text] if type(part) is query.Term else list(part._btexts(reader))
            for text in texts:
                if (q.fieldname, text) in reader:
                    for ids, _ in _blocks(reader.postings(q.fieldname, text), deadline, weights=False):
                        found.update(offset + i for i in ids)
    return found


def _block_scores(scorer, reader, fieldname: str, ids, weights) -> list[float]:
    if isinstance(scorer, BM25FScorer):
        lengths = field_lengths(reader, fieldname)
        if lengths is not None:
            idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
            return [idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths[i] / avgfl)))
                    for i, tf in zip(ids, weights, strict=True)]
    if isinstance(scorer, WeightScorer):
        return list(weights)
    return [scorer._score(tf, scorer.dfl(i)) for i, tf in zip(ids, weights, strict=True)]


def _blocks(matcher, deadline: Deadline | None, weights: bool = True):
    """(ids, weights) of each postings block, read whole (Whoosh's W3 leaf matcher keeps a
    block decoded in `_ids` and `_weights`); any other matcher is walked document by document."""
    if not hasattr(matcher, "_read_ids") or not hasattr(matcher, "_next_block"):
        ids, weights = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        yield ids, weights
        return
    while matcher.is_active():
        if deadline is not None and deadline.passed():
            return
        if matcher._ids is None:
            matcher._read_ids()
        if weights and matcher._weights is None:
            matcher._read_weights()
        yield matcher._ids, matcher._weights
        matcher._next_block()
