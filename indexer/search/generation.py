"""What every reader of one index generation shares: labels, name tables, each facet
value's passages (as bits: docsets.py), facet counts, the date order, the did-you-mean vocabulary, and recent answers.

A server runs one Whoosh searcher per thread (searchers are not thread-safe), but none of
this depends on the searcher: docnums are the same for every reader of a generation. Built
once per generation per process (`warm()` does it all before users ask), dropped when a newer
generation replaces it, so nothing here is ever stale. Cheap duplicate work when two threads
fill the same entry at once is harmless; the expensive entries take a lock.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from pathlib import Path

from whoosh import query

from ..reference import UNKNOWN_SPEAKER_PREFIX, unknown_speaker_label
from .docsets import members, to_mask
from .query_names import QueryNames
from .schema import FACET_FIELDS, META_ID
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
                    self._date_order = _date_order(searcher.reader(), self.passage_docs)
        return self._date_order

    def vocabulary(self, searcher) -> Vocabulary:
        if self._vocabulary is None:
            with self._lock:
                if self._vocabulary is None:
                    self._vocabulary = Vocabulary.of(searcher.reader())
        return self._vocabulary

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
        self.vocabulary(searcher)
        for leaf, _ in searcher.leaf_searchers():
            field_lengths(leaf.reader(), "text")


def _date_order(reader, passages: frozenset[int]) -> array:
    days = reader.column_reader("day")
    articles = list(reader.column_reader("article_id"))
    positions = reader.column_reader("position")
    rank = {article: n for n, article in enumerate(sorted(set(articles)))}
    newest = 99_999_999
    docs = sorted(passages)
    keys = [((newest - days[d]) << 42) | (rank[articles[d]] << 20) | positions[d] for d in docs]
    return array("I", [docs[i] for i in sorted(range(len(docs)), key=keys.__getitem__)])


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
