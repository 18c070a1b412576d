"""How raw text falls apart into headlines, headings, captions and body paragraphs. Nothing may
assume clean input: the seed articles have headings without markup and photo captions that end in
an agency credit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

HEADING_MAX_CHARS = 150
HEADING_MAX_WORDS = 20

_CAPTION_CREDIT = re.compile(
    r"\s{2,}(?P<credit>(?:Photo|Фото)\b.*|[A-Z][A-Z0-9.&-]{1,24}(?:\s[A-Z][A-Z0-9.&-]{1,24}){0,2})$"
)
# a cut in a transcript or speech ("<…>", "[...]", "* * *"): a marker, never a passage of its own
OMISSION = re.compile(r"[<\[(]?\s*(?:…|\.\.\.)\s*[>\])]?|(?:\*\s*){3}")
_CAPTION_PHOTO = re.compile(r"^(?:Photo|Фото)(?:\s+by)?\s*[:.-]?\s*(?P<credit>.+)$")
_NOT_HEADING_END = tuple(".,;:!…\"“”»)’'-–—")
_OPENING_MARKS = tuple("\"“«„'‘-–—•*[(")


@dataclass(frozen=True)
class Paragraph:
    """One line of text in the article. `text == article.text[start:end]` always holds."""

    text: str
    start: int
    end: int
    kind: str  # headline | heading | caption | body
    block: int = 0  # which run of lines between blank lines it belongs to
    credit: str | None = None  # the photo credit cut from a caption ("BELTA")



def lines_with_offsets(text: str) -> list[tuple[str, int]]:
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((line, offset))
        offset += len(line) + 1
    return lines


def split_paragraphs(text: str, body_start: int = 0) -> list[Paragraph]:
    """Every non-blank line after the header is a paragraph (the seeds put one paragraph per
    line, with blank lines only around headings), classified by its shape and place."""
    blocks = list(_blocks(text, body_start))
    paragraphs: list[Paragraph] = []
    seen_body = False
    for number, block in enumerate(blocks):
        alone = len(block) == 1
        for start, end in block:
            paragraph = _classify(text, start, end, alone, seen_body, number)
            seen_body = seen_body or paragraph.kind == "body"
            paragraphs.append(paragraph)
    return paragraphs


def _blocks(text: str, body_start: int) -> Iterator[list[tuple[int, int]]]:
    """Groups of consecutive non-blank lines, as (start, end) spans with whitespace trimmed."""
    block: list[tuple[int, int]] = []
    for line, offset in lines_with_offsets(text):
        if offset + len(line) <= body_start:
            continue
        lead = max(0, body_start - offset)
        stripped = line[lead:].strip()
        if not stripped:
            if block:
                yield block
            block = []
            continue
        start = offset + lead + (len(line[lead:]) - len(line[lead:].lstrip()))
        block.append((start, start + len(stripped)))
    if block:
        yield block


def _classify(text: str, start: int, end: int, alone: bool, seen_body: bool, block: int) -> Paragraph:
    line = text[start:end]
    caption = _caption(line)
    if caption is not None:
        body_len, credit = caption
        return Paragraph(text[start:start + body_len], start, start + body_len, "caption", block, credit)
    if alone and (OMISSION.fullmatch(line.strip()) or looks_like_heading(line)):
        return Paragraph(line, start, end, "heading" if seen_body else "headline", block)
    return Paragraph(line, start, end, "body", block)


# The credit pattern tried only where a run of white space begins: the same match, but tried
# from every space inside a run it rescans the rest of the run each time (a 40,000-space gap in
# one line took 20 seconds).
_CREDIT_AFTER_GAP = re.compile(r"(?<!\s)" + _CAPTION_CREDIT.pattern)


def _caption(line: str) -> tuple[int, str] | None:
    """(length of the caption text, credit) for a photo caption, else None."""
    match = _CAPTION_PHOTO.match(line)
    if match:
        return len(line), match.group("credit").strip()
    match = _CREDIT_AFTER_GAP.search(line)
    if match and match.start() > 0 and not _ends_sentence(match.group("credit")):
        return len(line[: match.start()].rstrip()), match.group("credit").strip()
    return None


def _ends_sentence(credit: str) -> bool:
    """A stray double space before a paragraph's last word ("…within the  CIS.") is not a
    credit: an agency credit ends in a full stop only as an abbreviation ("R.I.A.")."""
    last = credit.split()[-1]
    return last.endswith(".") and "." not in last[:-1]


def looks_like_heading(line: str) -> bool:
    """Short, standalone, no sentence-final punctuation, not a quote or a list item."""
    words = line.split()
    if len(line) > HEADING_MAX_CHARS or len(words) > HEADING_MAX_WORDS:
        return False
    if line.startswith(_OPENING_MARKS) or line[0].islower():
        return False
    if line.endswith("?"):  # a question, unless it is a transcript's "Question: ...?"
        return len(words) <= 12 and not any(mark in line for mark in "\"“”«»:")
    return not line.endswith(_NOT_HEADING_END)
