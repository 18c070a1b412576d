"""The corpus on disk: which files are articles, their ids, and reading one into a SourceArticle
(decoding.py turns bytes into text, metadata.py reads the header, paragraphs.py splits the body).

Articles are pasted by users from many outlets, so nothing here may assume clean input: file
names of any length and script, symbolic links, FIFOs, empty and oversized files.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .decoding import decode_text
from .errors import ArticleError, shown
from .metadata import parse_header
from .paragraphs import Paragraph, split_paragraphs

__all__ = ["ArticleError", "SourceArticle", "list_article_files", "read_article"]

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIX = ".txt"
# Article ids become file names, URL segments and index keys: well under any file-name limit
MAX_ID_CHARS = 80


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
        raise ArticleError(f"{shown(str(path))}: file name gives no usable article id") from None


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
        raise ArticleError(f"{shown(name)}: file name gives no usable article id")
    if len(ident) <= limit:
        return ident
    digest = hashlib.sha1(ident.encode()).hexdigest()[:8]
    room = limit - len(digest) - 1
    cut = max(ident.rfind("-", 0, room + 1), ident.rfind("_", 0, room + 1))
    head = ident[:cut] if cut >= room // 2 else ident[:room]  # no boundary near: cut the word
    return f"{head.rstrip('-_') or ident[:room]}-{digest}"


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
