"""Quote structure across paragraphs: which stretches of text are direct speech.

This runs before any sieve, because every sieve needs to know whether a name stands inside a
quote (a mention only) or outside it (a possible speaker), and which paragraphs one open quote
spans (a chain is one utterance, attributed once).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..paragraphs import Paragraph
from .russian_quotes import dash_speech, merged

OPENING_MARKS = "“«„"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
_MARK = re.compile(f"[{re.escape(OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK)}]")
MAX_CHAIN_LOOKAHEAD = 10
MIN_QUOTE_WORDS = 4


@dataclass
class Quoting:
    inside: list[tuple[int, int]]  # spans of quoted text
    starts_inside: bool
    ends_open: bool


def inside(ref, spans) -> bool:
    """Is the reference within one of `spans`? Spans of quoted text come in order and never
    overlap, so only the last one starting at or before the reference can hold it: found by
    bisection, as a paragraph may hold hundreds of quotes and names."""
    i = bisect.bisect_right(spans, (ref.start, math.inf)) - 1
    return i >= 0 and ref.end <= spans[i][1]


def covers(spans, position: int) -> bool:
    """Does one of `spans` (in order, not overlapping) hold `position`?"""
    i = bisect.bisect_right(spans, (position, math.inf)) - 1
    return i >= 0 and position < spans[i][1]


def last_end(spans, position: int) -> int:
    """Where the last of `spans` (in order, not overlapping) that ends by `position` ends; 0 if none."""
    i = bisect.bisect_right(spans, (position, math.inf)) - 1
    if i >= 0 and spans[i][1] > position:
        i -= 1
    return spans[i][1] if i >= 0 else 0


def has_substantive_quote(text: str, spans) -> bool:
    """Scare quotes around a term ("so-called “reforms”") are not direct speech."""
    return any(len(text[start:end].split()) >= MIN_QUOTE_WORDS for start, end in spans)


def _mark_role(text: str, index: int) -> str:
    """'open' or 'close' for a quote mark, judging straight quotes by their neighbours."""
    char = text[index]
    if char in OPENING_MARKS:
        return "open"
    if char in CLOSING_MARKS:
        return "close"
    before = text[index - 1] if index else " "
    return "open" if before.isspace() or before in "([—–-" else "close"


def _marks(text: str) -> list[tuple[int, str]]:
    return [(m.start(), _mark_role(text, m.start())) for m in _MARK.finditer(text)]


def _single_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of ‘single-quoted’ speech, as British-style copy writes it. ’ is also the
    apostrophe ("Armenia’s", "leaders’"), so it closes a quote only after an opening ‘ and
    when no letter follows it."""
    spans, start = [], None
    for i, c in enumerate(text):
        if c == SINGLE_OPEN and start is None and (i == 0 or not text[i - 1].isalnum()):
            start = i + 1
        elif c == SINGLE_CLOSE and start is not None and not text[i + 1:i + 2].isalpha():
            spans.append((start, i))
            start = None
    return spans


def scan(text: str, starts_inside: bool) -> Quoting:
    within, spans, start, opener = starts_inside, [], 0, ""
    for position, role in _marks(text):
        if within and opener == "„" and text[position] == "“":
            role = "close"  # „…“: the low opening mark is closed by the high one (Russian, German)
        if role == "open" and not within:
            within, start, opener = True, position + 1, text[position]
        elif role == "close" and within:
            spans.append((start, position))
            within = False
        elif role == "close" and not spans and not starts_inside:
            spans.append((0, position))  # a close with no open: the quote began before
    if within:
        spans.append((start, len(text)))
    if not spans:
        spans = _single_quotes(text)
    return Quoting(spans, starts_inside, within)


def _continues_into(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Does the quote left open in paragraph `index` run on into the next body paragraph?"""
    for paragraph in paragraphs[index + 1:index + 1 + MAX_CHAIN_LOOKAHEAD]:
        if paragraph.kind in ("heading", "headline"):
            return False
        if paragraph.kind != "body":
            continue
        mark = _MARK.search(paragraph.text)  # the first mark only
        if not mark:
            continue
        position, role = mark.start(), _mark_role(paragraph.text, mark.start())
        return role == "close" or (role == "open" and not paragraph.text[:position].strip())
    return False


def quote_structure(paragraphs: Sequence[Paragraph], language: str = "en") -> list[Quoting]:
    result, carried = [], False
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind != "body":
            result.append(scan(paragraph.text, False))
            continue
        quoting = scan(paragraph.text, carried)
        if language == "ru" and not carried:
            dashed = dash_speech(paragraph.text)
            if dashed:
                quoting = Quoting(merged(quoting.inside, dashed), False, quoting.ends_open)
        result.append(quoting)
        carried = quoting.ends_open and _continues_into(paragraphs, index)
    return result


def chain_from(index: int, paragraphs: Sequence[Paragraph], quoting: list[Quoting]) -> list[int]:
    """Body paragraph indexes forming one utterance, starting at `index`."""
    unit = [index]
    current = index
    while quoting[current].ends_open:
        nxt = next((j for j in range(current + 1, len(paragraphs)) if paragraphs[j].kind == "body"), None)
        if nxt is None or not quoting[nxt].starts_inside:
            break
        unit.append(nxt)
        current = nxt
    return unit
