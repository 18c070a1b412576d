"""Limits that keep one search from taking the server.

A prefix, wildcard or range stands for every word in the index it matches: `a*` for
thousands, and `a* OR b* OR … z*` for all of them, which took half a minute at 20k passages.
Each is replaced here by the words it matches that occur most often, within a budget per
expansion and per query, and the user is told. What is left is bounded, but a search can
still be slow on a big index, so it also runs against a deadline and returns what it found by
then, flagged as partial. And only a few searches that expand words may run at once, so that
slow searches cannot take every server thread from cheap ones: a heavy expansion (one that
was cut, or whose words occur very often) needs a slot, and is refused at once when none is
free; a light one (`sanction*`) never waits for one. Finally, a search that has run for a
while steps aside whenever a younger one runs (Deadline), so cheap searches stay cheap while
slow ones run."""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from whoosh import collectors, query

from .errors import SearchBusy

MAX_TERMS_PER_EXPANSION = 100  # words one prefix, wildcard or range may stand for
MAX_EXPANDED_TERMS = 300  # all expansions of one query together
# ... and the passages their words occur in, summed: what matching and scoring them costs
# (about 2 µs each), so `s*` costs the same on any size of index
MAX_EXPANSION_POSTINGS = 60_000
SCAN_LIMIT = 5_000  # words looked at to choose the most frequent, per expansion
SEARCH_SECONDS = 1.0  # matching and ranking; facets and the shown page come after
YOUNG_SECONDS = 0.03  # a search younger than this has priority over older ones ...
STEP_ASIDE_SECONDS = 0.002  # ... which sleep this long at a time while one runs
HEAVY_AT_ONCE = 1  # heavy searches and exports running at the same time, per process
HEAVY_POSTINGS = 20_000  # an expansion whose words occur this often in all is heavy
HEAVY_EXPORT_ROWS = 2_000  # and so is an export of more rows than this

_heavy = threading.BoundedSemaphore(HEAVY_AT_ONCE)
_started: dict[int, float] = {}  # thread -> when its search started, for searches running now
_lane = threading.Lock()  # the slow lane: held by the one old search allowed to compute
_lane_holder: list[int | None] = [None]
_running_lock = threading.Lock()


class Running:
    """Marks a search in progress, with when it started, so that a long one can step aside
    for young ones (Deadline.passed). Re-entrant: the web app marks the whole request (its
    routing and JSON count too), the search layer the search inside it; the outer mark holds."""

    def __enter__(self):
        with _running_lock:
            self.marked = threading.get_ident() not in _started
            if self.marked:
                _started[threading.get_ident()] = time.monotonic()
        return self

    def __exit__(self, *exc):
        if self.marked:
            me = threading.get_ident()
            with _running_lock:
                _started.pop(me, None)
            if _lane_holder[0] == me:
                _lane_holder[0] = None
                _lane.release()


def _young_others(now: float) -> bool:
    me = threading.get_ident()
    return any(now - started < YOUNG_SECONDS for thread, started in list(_started.items()) if thread != me)


def step_aside(now: float | None = None, until: float | None = None) -> float:
    """What a search that is no longer young does at each deadline check and between the
    phases of an answer: sleep while a younger search runs, then take the slow lane (one old
    search computes at a time; the others wait on its lock without using the CPU), kept until
    the request ends. Returns the time it went on."""
    now = time.monotonic() if now is None else now
    until = now + 3 * SEARCH_SECONDS if until is None else until
    while _young_others(now) and now < until:
        time.sleep(STEP_ASIDE_SECONDS)
        now = time.monotonic()
    me = threading.get_ident()
    if me in _started and _lane_holder[0] != me:  # only inside Running, which releases it
        if _lane.acquire(timeout=max(0.0, until - now)):
            _lane_holder[0] = me
        now = time.monotonic()
    return now


class Deadline:
    """When to stop: the time budget is spent, or `cancelled()` says nobody waits for the
    answer any more (the web server's "client disconnected" check).

    A search that has run for longer than YOUNG_SECONDS steps aside (step_aside): it sleeps
    while a younger one runs in the process, and computes only in the slow lane, one old
    search at a time. Python threads share one interpreter lock, so without this a few slow
    searches make every cheap one that arrives meanwhile many times slower (its request is
    read, routed and written between slow threads too); with it, a cheap search competes with
    one slow search at most, and slow ones queue for one core. The time spent waiting does not
    count against the budget (up to twice the budget), so a slow search is not cut short for
    being polite."""

    def __init__(self, seconds: float | None = None, cancelled: Callable[[], bool] | None = None):
        budget = SEARCH_SECONDS if seconds is None else seconds
        self.started = time.monotonic()
        self.ends = self.started + budget
        self.latest_end = self.started + 3 * budget
        self.cancelled = cancelled
        self.missed = False

    def passed(self) -> bool:
        now = time.monotonic()
        if now - self.started > YOUNG_SECONDS:
            waited_from = now
            now = step_aside(now, self.latest_end)
            self.ends = min(self.ends + (now - waited_from), self.latest_end)
        if now > self.ends or (self.cancelled is not None and self.cancelled()):
            self.missed = True
        return self.missed


def expands(q: query.Query | None) -> bool:
    return q is not None and any(isinstance(leaf, query.MultiTerm) for leaf in q.leaves())


class HeavySlot:
    """Taken for the length of a heavy piece of work (a search whose query expands to many
    words, an export of many rows); SearchBusy when all are taken, at once rather than after a
    wait, since a waiting request holds a server thread."""

    def __init__(self, needed: bool, what: str = "searches with wildcards or ranges"):
        self.needed, self.what, self.held = needed, what, False

    def __enter__(self):
        if self.needed:
            if not _heavy.acquire(blocking=False):
                raise SearchBusy(f"Too many {self.what} are running; try again in a moment.")
            self.held = True
        return self

    def __exit__(self, *exc):
        if self.held:
            self.held = False
            _heavy.release()


@dataclass
class Capped:
    query: query.Query
    notice: str | None = None  # names the expansions that were cut
    postings: int = 0  # documents the expansions' words occur in, summed: the cost of matching them

    @property
    def heavy(self) -> bool:
        """Worth one of the few expansion slots: cut, or many postings to merge."""
        return self.notice is not None or self.postings > HEAVY_POSTINGS


def cap_expansions(q: query.Query, reader, lexicon=None) -> Capped:
    """`q` with every prefix, wildcard and range replaced by the words it stands for, at most
    the budget's most frequent; and a notice naming those that were cut. `lexicon(field)`, if
    given, returns a field's sorted words and their frequencies (generation.py keeps them), so
    a prefix is a slice of it rather than a walk of Whoosh's term index."""
    budget = [MAX_EXPANDED_TERMS]
    postings_left = [MAX_EXPANSION_POSTINGS]
    cut: list[str] = []
    postings = [0]

    def visit(node: query.Query) -> query.Query:
        if not isinstance(node, query.MultiTerm):
            return node.apply(visit)
        allowed = min(MAX_TERMS_PER_EXPANSION, budget[0])
        if not allowed:
            cut.append(f"{_shown(node)} was not searched")
            return query.NullQuery
        words, frequency, scanned_all = _expansion(node, reader, lexicon)
        if len(words) > allowed or not scanned_all or sum(frequency.values()) > postings_left[0]:
            matched = f"{len(words):,}" if scanned_all else f"over {SCAN_LIMIT:,}"
            words = _most_frequent(words, frequency, allowed, postings_left[0])
            cut.append(f"{_shown(node)} matched {matched} words: searched for the {len(words)} most frequent")
        budget[0] -= len(words)
        postings_left[0] -= sum(frequency[w] for w in words)
        postings[0] += sum(frequency[w] for w in words)
        if not words:
            return query.NullQuery
        terms = [query.Term(node.fieldname, reader.schema[node.fieldname].from_bytes(w)) for w in words]
        return query.Or(terms, boost=node.boost)

    capped = visit(q)
    if not cut:
        return Capped(capped, None, postings[0])
    return Capped(capped, f"{'; '.join(cut)} (a query searches at most {MAX_EXPANDED_TERMS} words, "
                          f"{MAX_TERMS_PER_EXPANSION} for one expansion, found in at most "
                          f"{MAX_EXPANSION_POSTINGS:,} passages together). Type more letters to narrow it.",
                  postings[0])


def _expansion(node: query.MultiTerm, reader, lexicon) -> tuple[list[bytes], dict[bytes, int], bool]:
    """The words `node` stands for (up to SCAN_LIMIT), their frequencies, and whether that is all."""
    table = lexicon(node.fieldname) if lexicon is not None and type(node) is query.Prefix else None
    if table is not None:
        terms, counts = table
        start = node.text.encode("utf-8")
        lo = bisect.bisect_left(terms, start)
        hi = bisect.bisect_left(terms, start + b"\xff", lo)
        return terms[lo:hi], dict(zip(terms[lo:hi], counts[lo:hi], strict=True)), True
    words, scanned_all = [], True
    for n, word in enumerate(node._btexts(reader)):
        if n == SCAN_LIMIT:
            scanned_all = False
            break
        words.append(word)
    return words, {w: reader.doc_frequency(node.fieldname, w) for w in words}, scanned_all


def _most_frequent(words: list[bytes], frequency: dict[bytes, int], most: int, postings: int) -> list[bytes]:
    """The most frequent words, at most `most` of them and within `postings` passages
    together, but at least one: a prefix always finds something."""
    kept, total = [], 0
    for word in sorted(words, key=lambda w: -frequency[w])[:most]:
        if kept and total + frequency[word] > postings:
            break
        kept.append(word)
        total += frequency[word]
    return kept


def _shown(node: query.Query) -> str:
    if isinstance(node, query.Prefix):
        return f"{node.text}*"
    if isinstance(node, query.TermRange):
        return f"[{node.start} to {node.end}]"
    return getattr(node, "text", None) or str(node)


class DeadlineCollector(collectors.WrappingCollector):
    """Stops collecting when the deadline passes (checked every 256 matches; no timer thread
    and no signal, so it works in any server thread). The child's results so far are kept."""

    def __init__(self, child, deadline: Deadline):
        super().__init__(child)
        self.deadline = deadline

    def collect_matches(self):
        child = self.child
        for n, sub_docnum in enumerate(child.matches()):
            if not n & 255 and self.deadline.passed():
                raise collectors.TimeLimit
            child.collect(sub_docnum)
