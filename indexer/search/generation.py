"""What every reader of one index generation shares: labels, name tables, each facet
value's passages (as bits: docsets.py), facet counts, the date order, the did-you-mean vocabulary, and recent answers.

A server runs one Whoosh searcher per thread (searchers are not thread-safe), but none of
this depends on the searcher: docnums are the same for every reader of a generation. Built
once per generation per process (`warm()` does it all before users ask), dropped when a newer
generation replaces it, so nothing here is ever stale. Cheap duplicate work when two threads
fill the same entry at once is harmless; the expensive entries take a lock.
"""

from __future__ import annotations

import bisect
import threading
from array import array
from collections import OrderedDict
from pathlib import Path

from whoosh import query

from ..language import LANGUAGES
from ..reference import UNKNOWN_SPEAKER_PREFIX, unknown_speaker_label
from .docsets import members, to_mask
from .duplicates import QuoteCopies
from .query_names import QueryNames
from .schema import FACET_FIELDS, KIND_LABELS, META_ID
from .scoring import field_lengths
from .suggest import Vocabulary

ANSWERS_KEPT = 256  # whole answers per generation, least recently used dropped first
SELECTIONS_KEPT = 64  # matched sets per generation (facet ticks and pages of one query reuse them) ...
SELECTED_PASSAGES_KEPT = 1_000_000  # ... holding at most this many passages together (about 100 MiB)
GENERATIONS_KEPT = 2  # per index folder: the current one, and the one threads may still be reading


class Recent:
    """A small thread-safe LRU map, bounded by entries and by their summed weight (a matched
    set of a million passages weighs a million: a few such sets, not 64, fit)."""

    def __init__(self, size: int, weight_limit: int | None = None):
        self.size = size
        self.weight_limit = weight_limit
        self._items: OrderedDict = OrderedDict()
        self._weights: dict = {}
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value, weight: int = 1) -> None:
        if self.weight_limit is not None and weight > self.weight_limit:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            self._weights[key] = weight
            while len(self._items) > self.size or (
                    self.weight_limit is not None and sum(self._weights.values()) > self.weight_limit):
                dropped, _ = self._items.popitem(last=False)
                del self._weights[dropped]

    def __len__(self) -> int:
        return len(self._items)


class Generation:
    def __init__(self, searcher):
        meta = searcher.document(id=META_ID) or {"record": {}}
        self.labels: dict[str, dict[str, str]] = meta["record"].get("labels", {f: {} for f in FACET_FIELDS})
        prefix = UNKNOWN_SPEAKER_PREFIX.encode()
        unknown = [term.decode() for term in searcher.lexicon("speaker") if term.startswith(prefix)]
        self.labels["speaker"] = {**self.labels.get("speaker", {}), **{u: unknown_speaker_label(u) for u in unknown}}
        self.labels["kind"] = dict(KIND_LABELS)
        listed = self.labels.get("outlet", {})
        # an outlet no reference file lists is indexed by the slug of its name as written
        unlisted = {o: _unlisted_outlet(o) for o in _values(searcher, "outlet") if o not in listed}
        self.labels["outlet"] = {**listed, **unlisted}
        # every language the tagger knows is a value, as every listed summit is: "lang=ru" on an
        # index with no Russian yet finds nothing rather than being refused
        self.labels["lang"] = {code: LANGUAGES.get(code, code)
                               for code in sorted(set(_values(searcher, "lang")) | set(LANGUAGES))}
        self.labels["year"] = {y: y for y in sorted(_values(searcher, "year"), reverse=True)}
        self.roles: dict[str, list[list]] = meta["record"].get("roles", {})  # offices.py
        self._memo: dict[str, object] = {}
        # re-entrant: one memo may build on another; not _lock, which its builds take
        self._memo_lock = threading.RLock()
        self.names = QueryNames(meta["record"].get("names", {}), self.labels, meta["record"].get("skeletons", {}))
        self.passage_docs = frozenset(searcher.docs_for_query(query.Term("doctype", "passage")))
        self.size = searcher.reader().doc_count_all()
        self.passage_mask = to_mask(self.passage_docs, self.size)
        self.answers = Recent(ANSWERS_KEPT)
        self.selections = Recent(SELECTIONS_KEPT, SELECTED_PASSAGES_KEPT)
        self._masks: dict[tuple[str, str], int] = {}
        self._full_counts: dict[tuple[str, str], int] = {}
        self.values_of: dict[str, tuple[array, list[tuple[str, ...]]]] = {}  # values_by_doc()
        self._date_order: array | None = None
        self._order_days: array | None = None  # minus each passage's day, in date order (ascending)
        self._day_masks = Recent(16)
        self._copies: QuoteCopies | None = None
        self._vocabulary: Vocabulary | None = None
        self._lexicon: tuple[list[bytes], list[int]] | None = None
        self._lock = threading.Lock()

    def mask(self, searcher, facet: str, value: str) -> int:
        """The value's passages, as bits (docsets.py)."""
        key = (facet, value)
        found = self._masks.get(key)
        if found is None:
            docs = searcher.docs_for_query(query.Term(facet, value))
            found = self._masks[key] = to_mask(docs, self.size) & self.passage_mask
        return found

    def full_count(self, searcher, facet: str, value: str) -> int:
        key = (facet, value)
        count = self._full_counts.get(key)
        if count is None:
            count = self._full_counts[key] = self.mask(searcher, facet, value).bit_count()
        return count

    def values_by_doc(self, searcher, facet: str) -> tuple[array, list[tuple[str, ...]]]:
        """Each passage's combination of values of `facet`, as a number by docnum (four bytes a
        passage), and the combinations: counting a pool counts small numbers, not tuples
        (which Python hashes anew each time). A million passages have a few thousand
        combinations."""
        if facet not in self.values_of:
            with self._lock:
                if facet not in self.values_of:
                    by_doc: list[tuple[str, ...]] = [()] * self.size
                    for value in self.labels.get(facet, {}):
                        for docnum in members(self.mask(searcher, facet, value), self.size):
                            by_doc[docnum] = (*by_doc[docnum], value)
                    numbers: dict[tuple[str, ...], int] = {}
                    ids = array("I", (numbers.setdefault(t, len(numbers)) for t in by_doc))
                    self.values_of[facet] = (ids, list(numbers))
        return self.values_of[facet]

    def date_order(self, searcher) -> array:
        """Every passage, newest first (then by article and position), sorted once. Read from
        the sortable columns and sorted on one integer per passage: Whoosh's own sorted search
        builds a tuple key per document and left a quarter of a gigabyte behind at a million."""
        if self._date_order is None:
            with self._lock:
                if self._date_order is None:
                    self._date_order, self._order_days = _date_order(searcher.reader(), self.passage_docs)
        return self._date_order

    def date_span(self, searcher) -> tuple[int, int]:
        """The oldest and newest passage dates (yyyymmdd; 0 when nothing is dated)."""
        self.date_order(searcher)
        dated = bisect.bisect_left(self._order_days, 0)  # undated passages sort last, at -0
        return (-self._order_days[dated - 1], -self._order_days[0]) if dated else (0, 0)

    def day_mask(self, searcher, low: int, high: int) -> int:
        """Passages dated from `low` to `high` (yyyymmdd, inclusive), as bits: a slice of the
        date order, found by bisection. Undated passages are never in a range."""
        key = (low, high)
        found = self._day_masks.get(key)
        if found is None:
            order = self.date_order(searcher)
            start = bisect.bisect_left(self._order_days, -high)
            end = bisect.bisect_right(self._order_days, -max(low, 1))
            found = to_mask(order[start:end], self.size)
            self._day_masks.put(key, found)
        return found

    def copies(self, searcher) -> QuoteCopies:
        """Which passages are one quote reported by several outlets (duplicates.py)."""
        if self._copies is None:
            with self._lock:
                if self._copies is None:
                    self._copies = QuoteCopies.of(searcher.reader())
        return self._copies

    def vocabulary(self, searcher) -> Vocabulary:
        if self._vocabulary is None:
            with self._lock:
                if self._vocabulary is None:
                    self._vocabulary = Vocabulary.of(searcher.reader())
        return self._vocabulary

    def memo(self, key: str, build):
        """Something derived from the whole generation (the home page's figures), built once."""
        if key not in self._memo:
            with self._memo_lock:
                if key not in self._memo:
                    self._memo[key] = build()
        return self._memo[key]

    def forget_answers(self) -> None:
        """Drop remembered answers and matched sets (benchmarks time uncached searches)."""
        self.answers = Recent(ANSWERS_KEPT)
        self.selections = Recent(SELECTIONS_KEPT, SELECTED_PASSAGES_KEPT)

    def lexicon(self, searcher, fieldname: str) -> tuple[list[bytes], list[int]] | None:
        """The text field's words in order, with the passages each occurs in: a prefix is then a
        slice of two lists (bounds.py). Other fields: None (their expansions walk Whoosh)."""
        if fieldname != "text":
            return None
        if self._lexicon is None:
            with self._lock:
                if self._lexicon is None:
                    terms, counts = [], []
                    for term, info in searcher.reader().iter_field(fieldname):
                        terms.append(term)
                        counts.append(info.doc_frequency())
                    self._lexicon = (terms, counts)
        return self._lexicon

    def warm(self, searcher) -> None:
        """Everything a first search would otherwise build while a user waits."""
        self.lexicon(searcher, "text")
        for facet in FACET_FIELDS:
            for value in self.labels.get(facet, {}):
                self.full_count(searcher, facet, value)
            self.values_by_doc(searcher, facet)
        self.date_order(searcher)
        self.copies(searcher)
        self.vocabulary(searcher)
        for leaf, _ in searcher.leaf_searchers():
            field_lengths(leaf.reader(), "text")


def _date_order(reader, passages: frozenset[int]) -> tuple[array, array]:
    days = reader.column_reader("day")
    articles = list(reader.column_reader("article_id"))
    positions = reader.column_reader("position")
    rank = {article: n for n, article in enumerate(sorted(set(articles)))}
    newest = 99_999_999
    docs = sorted(passages)
    keys = [((newest - days[d]) << 42) | (rank[articles[d]] << 20) | positions[d] for d in docs]
    order = array("I", [docs[i] for i in sorted(range(len(docs)), key=keys.__getitem__)])
    return order, array("l", [-days[d] for d in order])


def _values(searcher, field: str) -> list[str]:
    return [term.decode() for term in searcher.lexicon(field)]


def _unlisted_outlet(slug: str) -> str:
    return " ".join(word.capitalize() if word.islower() else word for word in slug.split("-"))


_generations: dict[tuple[str, int, int], Generation] = {}
_registry_lock = threading.Lock()


def shared(path: Path, inode: int, searcher) -> Generation:
    """The one Generation of this process for what `searcher` sees."""
    key = (str(path), inode, searcher.reader().generation())
    found = _generations.get(key)
    if found is not None:
        return found
    with _registry_lock:
        found = _generations.get(key)
        if found is None:
            found = _generations[key] = Generation(searcher)
            same_folder = [k for k in _generations if k[0] == key[0]]
            for old in same_folder[:-GENERATIONS_KEPT]:
                del _generations[old]
        return found
