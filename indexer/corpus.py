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
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIX = ".txt"
METADATA_KEYS = ("title", "date", "source", "url", "summit", "language", "lang")
# keys taken as another's: `lang: ru` is how most people write `language: ru`
METADATA_ALIASES = {"lang": "language"}
HEADING_MAX_CHARS = 150
HEADING_MAX_WORDS = 20
# Article ids become file names, URL segments and index keys: well under any file-name limit
MAX_ID_CHARS = 80
# No article about the CIS can be dated before the CIS existed (the Belovezha Accords)
EARLIEST_DATE = dt.date(1991, 12, 8)

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
    """The article id is the file name without extension, reduced to URL-safe characters (and
    shortened, see `safe_stem`)."""
    try:
        return safe_stem(path.name)
    except ArticleError:
        raise ArticleError(f"{_shown(str(path))}: file name gives no usable article id") from None


def safe_stem(name: str, limit: int = MAX_ID_CHARS) -> str:
    """A user's file name without its extension, reduced to letters, digits, `-` and `_`, and
    at most `limit` characters: the stem becomes an article id, a corpus file name and a URL,
    and a 5,000-character upload name must not make the copy fail with ENAMETOOLONG.

    A name that fits is only reduced, so ids of existing files never change. A longer one is
    cut at a word boundary and ends in a hash of the whole name, so that two long names that
    differ only at the end still get different ids, and the same name always the same id.
    Raises ArticleError when no usable character is left."""
    if limit < 20:
        raise ValueError(f"limit {limit} leaves no room for a readable stem and its hash")
    # separators would make PurePosixPath drop everything before them; they become "-" anyway
    stem = PurePosixPath(name.replace("/", "-").replace("\\", "-")).stem
    ident = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")
    if not ident:
        raise ArticleError(f"{_shown(name)}: file name gives no usable article id")
    if len(ident) <= limit:
        return ident
    digest = hashlib.sha1(ident.encode()).hexdigest()[:8]
    room = limit - len(digest) - 1
    cut = max(ident.rfind("-", 0, room + 1), ident.rfind("_", 0, room + 1))
    head = ident[:cut] if cut >= room // 2 else ident[:room]  # no boundary near: cut the word
    return f"{head.rstrip('-_') or ident[:room]}-{digest}"


def _shown(name: str, limit: int = 120) -> str:
    """Error messages name the file, but a hostile 5,000-character name would swamp them."""
    return name if len(name) <= limit else f"{name[:limit - 1]}…"


def check_regular_file(path: Path, follow_symlinks: bool = False) -> None:
    """Refuse anything but a regular file before it is opened: `add` must not index what a
    symbolic link points to (/etc/shadow when run as root) unless asked, and opening a FIFO
    for reading blocks until a writer comes. Only stat()s, never opens."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read file: {exc.strerror or exc}") from None
    linked = stat.S_ISLNK(info.st_mode)
    if linked:
        if not follow_symlinks:
            raise ArticleError(f"{path}: is a symbolic link; pass --follow-symlinks to add what it points to")
        try:
            info = os.stat(path)
        except OSError as exc:
            raise ArticleError(f"{path}: is a symbolic link to nothing readable: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = _file_kind(info.st_mode)
        raise ArticleError(f"{path}: is not a regular file ({'a symbolic link to ' if linked else ''}{kind})")


def _entry_kind(entry: os.DirEntry) -> str:
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError:  # gone since the listing
        return "is no longer there"
    return "is a symbolic link" if stat.S_ISLNK(mode) else f"is not a regular file ({_file_kind(mode)})"


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def list_article_files(corpus_dir: Path, skipped: list[str] | None = None) -> list[Path]:
    """Every article file directly in `corpus_dir`: reference TOML files are not articles, and
    hidden files are editors' and tools' leftovers.

    Symbolic links and special files are left out without being opened (a FIFO would block
    the indexer, and a link could pull any readable file into the index); a caller that wants
    to tell the user passes `skipped`, which receives one line per file left out."""
    if not corpus_dir.is_dir():
        raise ArticleError(f"{corpus_dir}: corpus directory does not exist")
    files = []
    with os.scandir(corpus_dir) as entries:
        for entry in entries:
            if not entry.name.endswith(ARTICLE_SUFFIX) or entry.name.startswith("."):
                continue
            path = corpus_dir / entry.name
            if entry.is_file(follow_symlinks=False):
                files.append(path)
            elif skipped is not None:
                skipped.append(f"{path}: {_entry_kind(entry)}; not indexed (articles must be regular files)")
    return sorted(files)


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


# UTF-32 first: its little-endian mark starts with UTF-16's
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 or UTF-32 (with a BOM, or recognised by the
    NUL bytes in its characters), or a legacy 8-bit code page.

    Users paste from Windows tools, so cp1251 (Cyrillic) and cp1252/Latin-1 files are real;
    they are told which encoding was assumed rather than refused. The encoding is settled
    before the binary check, because UTF-16 and UTF-32 text is full of NUL bytes; the check
    then looks at the decoded text, where a NUL is never text whatever the encoding.
    """
    text, codec = _decode(path, data)
    if _looks_binary(text):
        raise ArticleError(f"{path}: binary file (contains NUL or control bytes), not a text article")
    return _normalise_newlines(text), codec


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for bom, codec in _BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise ArticleError(f"{path}: starts with a {codec} mark but is not valid {codec}") from None
    if b"\x00" in data:  # never in UTF-8 or 8-bit text: UTF-16/32 without a mark, or binary
        wide = _decode_wide(data)
        if wide is None:
            raise ArticleError(f"{path}: binary file (contains NUL or control bytes), not a text article")
        return wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mended = _utf8_with_a_few_bad_bytes(data)
    if mended is not None:
        return mended
    codec = "cp1251" if _looks_cyrillic_cp1251(data) else "cp1252"
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


MAX_BAD_UTF8 = 8  # stray bytes a UTF-8 article may have before it is taken for a legacy code page


def _utf8_with_a_few_bad_bytes(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 article with a stray byte or two (a bad paste) is UTF-8, not cp1252: decoding
    it whole as cp1252 would turn every curly quote into "â€œ" and hide every quotation from
    attribution. A legacy code-page file has an invalid sequence at nearly every non-ASCII
    letter, far more than a few."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if 0 < bad <= MAX_BAD_UTF8 and multibyte >= 2 * bad:
        return text, f"utf-8 with {bad} invalid byte sequence{'s' if bad > 1 else ''} replaced by \ufffd"
    return None


def _decode_wide(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 without a byte-order mark, or None (binary), decided by where the NULs
    fall. UTF-32 has a NUL top byte in every 4 and a third byte of at most 0x10; UTF-16 text
    in any language with spaces has NULs at one parity only, in a good share of its characters
    (a space is 20 00). A stray NUL in 8-bit text must not make it "UTF-16": pairs of ASCII
    letters decode to valid, printable CJK, so the share of NULs is what tells them apart."""
    if len(data) % 4 == 0:
        if not data[3::4].strip(b"\x00") and max(data[2::4]) <= 0x10:
            return _text_or_none(data, "utf-32-le")
        if not data[0::4].strip(b"\x00") and max(data[1::4]) <= 0x10:
            return _text_or_none(data, "utf-32-be")
    if len(data) % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        many, few, codec = (odd, even, "utf-16-le") if odd > even else (even, odd, "utf-16-be")
        if many >= 2 and many * 20 >= len(data) // 2 and few * 10 <= many:
            return _text_or_none(data, codec)
    return None


def _text_or_none(data: bytes, codec: str) -> tuple[str, str] | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    sample = text[:65536]
    unprintable = sum(1 for c in sample if not c.isprintable() and not c.isspace())
    return (text, codec) if unprintable * 100 <= len(sample) else None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    """NUL anywhere means binary (a sample would miss one after the first 64 KiB); other
    control characters only in bulk, as a stray one is a paste accident."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    return len(_CONTROLS.findall(sample)) > max(2, len(sample) // 100)


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
    Either date is dropped, with a note, when no article about the CIS can bear it.
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
        return metadata, body_start, notes + _drop_implausible_date(metadata)
    match = _GLUED_DATE.match(text)
    if match:
        metadata = {"date": match.group(1)}
        return metadata, match.end(), _drop_implausible_date(metadata)
    return {}, 0, []


def _metadata_from_pairs(pairs: list[tuple[str, str]]) -> tuple[dict[str, str], list[str]]:
    """A key given twice keeps its first value, and the user is told which one won: silently
    taking either would index the article under a date or summit nobody checked. An empty
    value counts as not given, as before."""
    values: dict[str, list[str]] = {}
    notes: list[str] = []
    for key, value in pairs:
        if key not in METADATA_KEYS:
            note = f"unknown metadata key '{key}' ignored (known: {', '.join(METADATA_KEYS)})"
            if note not in notes:
                notes.append(note)
        elif value:
            values.setdefault(METADATA_ALIASES.get(key, key), []).append(value)
    for key, given in values.items():
        if len(given) > 1:
            times = "twice" if len(given) == 2 else f"{len(given)} times"
            others = ", ".join(_shown(v, 60) for v in given[1:])
            notes.append(f"header: '{key}' is given {times}; the first value ({_shown(given[0], 60)}) "
                         f"was used, not {others}")
    return {key: given[0] for key, given in values.items()}, notes


def parse_date(value: str) -> dt.date | None:
    """Metadata dates are ISO (2023-10-13); anything else is reported, not guessed."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def implausible_date(day: dt.date, today: dt.date | None = None) -> str | None:
    """Why `day` cannot be an article's date, or None. 0001-01-01 and 9999-12-31 are valid ISO
    but typos or probes; taken as the date they would pick the wrong summit and sort first or
    last in every date-ordered list. A year of slack allows for announced future summits."""
    today = today or dt.date.today()
    if day < EARLIEST_DATE:
        return f"is before {EARLIEST_DATE.isoformat()}, when the CIS was founded"
    latest = today + dt.timedelta(days=366)
    if day > latest:
        return f"is more than a year after today ({today.isoformat()})"
    return None


def _drop_implausible_date(metadata: dict[str, str]) -> list[str]:
    """Drop an implausible date from `metadata` (the article is still indexed, dated from its
    text or summit instead). A date that is not ISO at all is left for the tagger to report."""
    raw = metadata.get("date")
    day = parse_date(raw) if raw else None
    reason = implausible_date(day) if day else None
    if reason is None:
        return []
    del metadata["date"]
    return [f"date '{raw}' {reason}: ignored"]


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
