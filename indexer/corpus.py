"""The one place that knows the corpus format: article files, their encoding, the optional
metadata header, and how raw text falls apart into headlines, headings, captions and body
paragraphs.

Articles are pasted by users from many outlets, so nothing here may assume clean input: the
seed articles have a date glued to the first sentence, headings without markup, and photo
captions that end in an agency credit.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIX = ".txt"
METADATA_KEYS = ("title", "date", "source", "url", "summit", "language")
HEADING_MAX_CHARS = 150
HEADING_MAX_WORDS = 20

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*)[ \t]*:[ \t]*(.*?)\s*$")
_GLUED_DATE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"\s{2,}(?P<credit>(?:Photo|Фото)\b.*|[A-Z][A-Z0-9.&-]{1,24}(?:\s[A-Z][A-Z0-9.&-]{1,24}){0,2})$"
)
_CAPTION_PHOTO = re.compile(r"^(?:Photo|Фото)(?:\s+by)?\s*[:.-]?\s*(?P<credit>.+)$")
_NOT_HEADING_END = tuple(".,;:!…\"“”»)’'-–—")
_OPENING_MARKS = tuple("\"“«„'‘-–—•*[(")


class ArticleError(ValueError):
    """An article cannot be indexed; the message names the file and the reason."""


@dataclass(frozen=True)
class Paragraph:
    """One line of text in the article. `text == article.text[start:end]` always holds."""

    text: str
    start: int
    end: int
    kind: str  # headline | heading | caption | body
    block: int = 0  # which run of lines between blank lines it belongs to
    credit: str | None = None  # the photo credit cut from a caption ("BELTA")


@dataclass(frozen=True)
class SourceArticle:
    id: str
    path: Path
    text: str  # decoded, with newlines normalised to "\n": offsets point into this
    sha256: str
    encoding: str
    metadata: dict[str, str]
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[str, ...] = field(default=())  # non-fatal problems found while reading

    @property
    def headlines(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "headline"]


def article_id_for(path: Path) -> str:
    """The article id is the file name without extension, reduced to URL-safe characters."""
    ident = re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-")
    if not ident:
        raise ArticleError(f"{path}: file name gives no usable article id")
    return ident


def list_article_files(corpus_dir: Path) -> list[Path]:
    """Every article file directly in `corpus_dir`: reference TOML files are not articles, and
    hidden files are editors' and tools' leftovers."""
    if not corpus_dir.is_dir():
        raise ArticleError(f"{corpus_dir}: corpus directory does not exist")
    return sorted(
        p for p in corpus_dir.iterdir()
        if p.suffix == ARTICLE_SUFFIX and not p.name.startswith(".") and p.is_file()
    )


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_article(path: Path, data: bytes | None = None) -> SourceArticle:
    """Read, decode and split one article, raising ArticleError with a one-line reason."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ArticleError(f"{path}: cannot read file: {exc.strerror or exc}") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{path}: file is {len(data) / 2**20:.1f} MiB; articles over "
            f"{MAX_ARTICLE_BYTES // 2**20} MiB are refused (split it into articles)"
        )
    text, encoding = decode_text(path, data)
    if not text.strip():
        raise ArticleError(f"{path}: file is empty")
    notes = [] if encoding in ("utf-8", "utf-8-sig") else [f"decoded as {encoding} (not UTF-8)"]
    metadata, body_start, header_notes = parse_header(text)
    notes.extend(header_notes)
    paragraphs = split_paragraphs(text, body_start)
    if not any(p.kind == "body" for p in paragraphs):
        raise ArticleError(f"{path}: no body paragraphs (only a header, headings or captions)")
    return SourceArticle(
        id=article_id_for(path),
        path=path,
        text=text,
        sha256=file_sha256(data),
        encoding=encoding,
        metadata=metadata,
        paragraphs=tuple(paragraphs),
        notes=tuple(notes),
    )


# --- decoding ------------------------------------------------------------------------------


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy 8-bit code page.

    Users paste from Windows tools, so cp1251 (Cyrillic) and cp1252/Latin-1 files are real;
    they are told which encoding was assumed rather than refused.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(codec)), codec
            except UnicodeDecodeError:
                raise ArticleError(f"{path}: starts with a {codec} mark but is not valid {codec}") from None
    if _looks_binary(data):
        raise ArticleError(f"{path}: binary file (contains NUL or control bytes), not a text article")
    try:
        return _normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = "cp1251" if _looks_cyrillic_cp1251(data) else "cp1252"
    try:
        return _normalise_newlines(data.decode(codec)), codec
    except UnicodeDecodeError:
        return _normalise_newlines(data.decode("latin-1")), "latin-1"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(2, len(sample) // 100)


def _looks_cyrillic_cp1251(data: bytes) -> bool:
    """Cyrillic words in cp1251 are runs of bytes >= 0xC0; accented Latin letters come alone."""
    runs = re.findall(rb"[\x80-\xff]+", data)
    if not runs:
        return False
    long_runs = sum(1 for run in runs if len(run) >= 3)
    letters = sum(1 for run in runs for b in run if b >= 0xC0)
    high = sum(len(run) for run in runs)
    return long_runs * 2 >= len(runs) and letters * 10 >= high * 7


# --- metadata header -----------------------------------------------------------------------


def parse_header(text: str) -> tuple[dict[str, str], int, list[str]]:
    """Return (metadata, offset where the body starts, notes).

    A header is the leading run of `key: value` lines, optionally fenced by `---`, ended by a
    blank line; it counts only if it has at least one known key, so that a transcript opening
    with "Putin: Colleagues," is not mistaken for one. Without a header, a leading
    `date YYYY-MM-DD` glued to the first sentence (as in the seed articles) is taken as the date.
    """
    lines = _lines_with_offsets(text)
    index = 0
    while index < len(lines) and not lines[index][0].strip():
        index += 1
    fenced = index < len(lines) and lines[index][0].strip() == "---"
    if fenced:
        index += 1
    pairs: list[tuple[str, str]] = []
    end = index
    while end < len(lines):
        line = lines[end][0]
        if not line.strip() or (fenced and line.strip() == "---"):
            break
        match = _HEADER_LINE.match(line.strip())
        if not match:
            pairs = []
            break
        pairs.append((match.group(1).lower(), match.group(2)))
        end += 1
    if pairs and any(key in METADATA_KEYS for key, _ in pairs):
        if fenced and end < len(lines) and lines[end][0].strip() == "---":
            end += 1
        body_start = lines[end][1] if end < len(lines) else len(text)
        metadata, notes = _metadata_from_pairs(pairs)
        return metadata, body_start, notes
    match = _GLUED_DATE.match(text)
    if match:
        return {"date": match.group(1)}, match.end(), []
    return {}, 0, []


def _metadata_from_pairs(pairs: list[tuple[str, str]]) -> tuple[dict[str, str], list[str]]:
    metadata: dict[str, str] = {}
    notes: list[str] = []
    for key, value in pairs:
        if key not in METADATA_KEYS:
            notes.append(f"unknown metadata key '{key}' ignored (known: {', '.join(METADATA_KEYS)})")
        elif value:
            metadata[key] = value
    return metadata, notes


def parse_date(value: str) -> dt.date | None:
    """Metadata dates are ISO (2023-10-13); anything else is reported, not guessed."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _lines_with_offsets(text: str) -> list[tuple[str, int]]:
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((line, offset))
        offset += len(line) + 1
    return lines


# --- paragraphs ----------------------------------------------------------------------------


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
    for line, offset in _lines_with_offsets(text):
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
    if alone and looks_like_heading(line):
        return Paragraph(line, start, end, "heading" if seen_body else "headline", block)
    return Paragraph(line, start, end, "body", block)


def _caption(line: str) -> tuple[int, str] | None:
    """(length of the caption text, credit) for a photo caption, else None."""
    match = _CAPTION_PHOTO.match(line)
    if match:
        return len(line), match.group("credit").strip()
    match = _CAPTION_CREDIT.search(line)
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
