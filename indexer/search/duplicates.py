"""One card per quote: which passages of an index generation are copies of one another.

The writer gives every outlet's copy of one remark the same `quote_id` (indexer/quotes.py).
Results show the first copy of each quote and list the others as "also reported by"; this
holds, per generation, which documents share a quote id, so that collapsing a page, listing a
card's copies and counting cards cost nothing proportional to the index.

Built once per generation from the `quote_id` column. Nearly every passage is its own quote:
the values are hashed into one numpy array and sorted, and only equal hashes are read again
and compared, so a million passages cost a few seconds once and 16 bytes each while building
(a dict of a million ids would hold ten times that), then 4 bytes each (`group`).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from itertools import islice

import numpy as np

FIELD = "quote_id"


class QuoteCopies:
    """`group[docnum]`: the document's group number, 0 when no other live document shares
    its quote id; `members[g]`: group g's docnums in order (members[0] is empty)."""

    def __init__(self, group: array, members: list[tuple[int, ...]]):
        self.group = group
        self.members = members
        self._grouped = sum(len(m) for m in members)  # documents in some group

    @classmethod
    def of(cls, reader) -> QuoteCopies:
        """From a Whoosh reader (a segment or a multi-segment reader); deleted documents and
        documents without a quote id (article and meta records) are alone."""
        size = reader.doc_count_all()
        # per segment: a multi-segment column reader skips segments without the column
        # (a commit of only article records) when iterated, shifting every docnum after them
        columns = [(base, leaf.column_reader(FIELD, translate=False))
                   for leaf, base in reader.leaf_readers() if leaf.has_column(FIELD)]
        hashes, docs = array("q"), array("I")
        for base, column in columns:
            for doc, value in enumerate(column):
                if value:
                    hashes.append(hash(value))  # salted, but only compared within this process
                    docs.append(base + doc)
        group = array("I", bytes(4 * size))
        members: list[tuple[int, ...]] = [()]
        for candidates in _equal_hashes(hashes, docs):
            by_value: dict[bytes, list[int]] = {}
            for doc in candidates:
                if not reader.is_deleted(doc):
                    by_value.setdefault(_value(columns, doc), []).append(doc)
            for same in by_value.values():
                if len(same) > 1:
                    members.append(tuple(sorted(same)))
        members[1:] = sorted(members[1:])  # numbered by their first document: the same every build
        for number, docnums in enumerate(members):
            for doc in docnums:
                group[doc] = number
        return cls(group, members)

    def __len__(self) -> int:
        """How many quotes have more than one copy."""
        return len(self.members) - 1

    def copies(self, docnum: int) -> list[int]:
        """The other documents of `docnum`'s quote, in docnum order ([] when alone)."""
        number = self.group[docnum]
        return [d for d in self.members[number] if d != docnum] if number else []

    def collapse(self, ordered: Iterable[int], limit: int) -> list[int]:
        """The first `limit` documents of `ordered`, skipping any whose quote came earlier."""
        if len(self.members) == 1:
            return list(islice(ordered, limit))
        kept: list[int] = []
        seen: set[int] = set()
        group = self.group
        for doc in ordered:
            if len(kept) >= limit:
                break
            number = group[doc]
            if number:
                if number in seen:
                    continue
                seen.add(number)
            kept.append(doc)
        return kept

    def distinct(self, matched: frozenset[int]) -> int:
        """Cards for `matched`: documents alone, plus one per quote with a copy among them."""
        if len(self.members) == 1:
            return len(matched)
        extra = 0  # matched copies beyond the first of their quote
        if len(matched) <= self._grouped:
            counts: dict[int, int] = {}
            for doc in matched:
                number = self.group[doc]
                if number:
                    counts[number] = counts.get(number, 0) + 1
            extra = sum(n - 1 for n in counts.values())
        else:
            for docnums in islice(self.members, 1, None):
                present = sum(1 for d in docnums if d in matched)
                extra += max(present - 1, 0)
        return len(matched) - extra


    def together(self, pool) -> list[list[int]]:
        """The quotes with two or more copies in `pool`, each as its copies there: what a facet
        count must not count twice. Walks the smaller of the pool and the grouped documents."""
        if len(self.members) == 1:
            return []
        found: dict[int, list[int]] = {}
        if len(pool) <= self._grouped:
            for doc in pool:
                if number := self.group[doc]:
                    found.setdefault(number, []).append(doc)
        else:
            for number in range(1, len(self.members)):
                present = [d for d in self.members[number] if d in pool]
                if present:
                    found[number] = present
        return [docs for docs in found.values() if len(docs) > 1]


def _equal_hashes(hashes: array, docs: array) -> Iterable[list[int]]:
    """Runs of documents whose values hash alike (almost always: the same value)."""
    if len(hashes) < 2:
        return
    values = np.frombuffer(hashes, dtype=np.int64)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    same = ordered[1:] == ordered[:-1]
    starts = np.flatnonzero(same & ~np.concatenate(([False], same[:-1])))
    for start in starts.tolist():
        end = start + 1
        while end < len(ordered) and ordered[end] == ordered[start]:
            end += 1
        yield [docs[i] for i in order[start:end].tolist()]


def _value(columns: list[tuple[int, object]], doc: int) -> bytes:
    base, column = columns[bisect.bisect_right(columns, doc, key=lambda c: c[0]) - 1]
    return column[doc - base]
