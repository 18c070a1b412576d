"""Where paragraphs are cut: a paragraph too long to read at once (a paste that lost its line
breaks) into pieces for attribution, a long paragraph into passages of readable length, and
each passage's stable, content-derived id."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import replace

from .paragraphs import Paragraph

MAX_PASSAGE_CHARS = 900
# Longer paragraphs are cut for attribution (see `bounded`); the longest real one is about 1,000
MAX_PARAGRAPH_CHARS = 20_000
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])(?<!\b[A-Z]\.)[\"”»]?\s+(?=[\"“«\[]?[A-Z0-9])")


def sections_of(paragraphs: tuple[Paragraph, ...]) -> list[Paragraph | None]:
    """The heading each paragraph stands under.

    Where an outlet writes paragraphs as runs of lines between blank lines (as BelTA does), a
    heading governs only the run right after it; the runs that follow without a heading of
    their own (the bilateral meeting, the decisions adopted) are outside it. Where every
    paragraph is its own run, a heading governs everything up to the next heading."""
    runs_of_lines = any(n > 1 for n in Counter(p.block for p in paragraphs if p.kind == "body").values())
    result: list[Paragraph | None] = []
    heading: Paragraph | None = None
    governed_block: int | None = None
    for paragraph in paragraphs:
        if paragraph.kind == "heading":
            heading, governed_block = paragraph, None
        elif paragraph.kind == "body" and heading is not None:
            if governed_block is None:
                governed_block = paragraph.block
            elif runs_of_lines and paragraph.block != governed_block:
                heading = None
        result.append(heading if paragraph.kind == "body" else None)
    return result


def bounded(paragraphs: tuple[Paragraph, ...]) -> tuple[list[Paragraph], list[Paragraph | None], dict]:
    """The paragraphs as attribution sees them, the heading each stands under, and (by the index
    of its first piece) the length of each body paragraph over MAX_PARAGRAPH_CHARS and the
    number of pieces it was cut into.

    Such a paragraph is a paste that lost its line breaks, and reading one costs more than its
    length. It is cut at sentence ends rather than read only up to the cap, so that every name
    and speaker in it is still found, each piece credited with its own speakers as if the line
    breaks were there; the discourse (the last speaker, an open quote) runs on from piece to
    piece as between paragraphs."""
    pieces: list[Paragraph] = []
    sections: list[Paragraph | None] = []
    cut: dict[int, tuple[int, int]] = {}
    for paragraph, heading in zip(paragraphs, sections_of(paragraphs), strict=True):
        spans = pieces_of(paragraph.text) if paragraph.kind == "body" else [(0, len(paragraph.text))]
        if len(spans) > 1:
            cut[len(pieces)] = (len(paragraph.text), len(spans))
            pieces.extend(replace(paragraph, text=paragraph.text[s:e], start=paragraph.start + s,
                                  end=paragraph.start + e) for s, e in spans)
        else:
            pieces.append(paragraph)
        sections.extend([heading] * len(spans))
    return pieces, sections, cut


def pieces_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of pieces of at most MAX_PARAGRAPH_CHARS, each ending at the last sentence
    end that fits, else at the last space, else anywhere; white space between pieces is left out."""
    breaks = [m.start() + len(m.group().rstrip()) for m in SENTENCE_BREAK.finditer(text)] if (
        len(text) > MAX_PARAGRAPH_CHARS) else []
    spans, start, i = [], 0, 0
    while len(text) - start > MAX_PARAGRAPH_CHARS:
        limit = start + MAX_PARAGRAPH_CHARS
        while i < len(breaks) and breaks[i] <= limit:
            i += 1
        space = text.rfind(" ", start + 1, limit)
        end = after = breaks[i - 1] if i and breaks[i - 1] > start else space if space > start else limit
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        while after < len(text) and text[after].isspace():
            after += 1
        spans.append((start, end))
        start = after
    return [*spans, (start, len(text))]


def passage_id(article_id: str, text: str, used: dict[str, int]) -> str:
    """Content-derived, so that editing one paragraph keeps every other permalink working.
    `used` holds each id given and, for a base id, the next suffix to try, so that the
    thousandth copy of one line does not try the 999 ids before it."""
    base = f"{article_id}-{hashlib.sha1(' '.join(text.split()).encode()).hexdigest()[:8]}"
    ident, n = base, used.get(base, 2)
    while ident in used:
        ident, n = f"{base}-{n}", n + 1
    used[ident] = 2
    used[base] = n
    return ident


def split_long(paragraph: Paragraph) -> list[tuple[int, int]]:
    """(start, end) article offsets of the pieces of a paragraph: long ones are cut at
    sentence ends into pieces of similar length, each readable alone."""
    text = paragraph.text
    if len(text) <= MAX_PASSAGE_CHARS or paragraph.kind != "body":
        return [(paragraph.start, paragraph.end)]
    pieces = math.ceil(len(text) / MAX_PASSAGE_CHARS)
    target = len(text) / pieces
    cuts = [m.end() for m in SENTENCE_BREAK.finditer(text)]
    spans, start = [], 0
    for cut in cuts:
        if cut - start >= target and len(text) - cut >= target / 3:
            spans.append((start, cut))
            start = cut
    spans.append((start, len(text)))
    return [(paragraph.start + s, paragraph.start + len(text[s:e].rstrip()) + s) for s, e in spans]
