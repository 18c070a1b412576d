"""Bytes to text: users paste from Windows tools and old sites, so UTF-16/32, cp1251 and cp1252
files are real; they are told which encoding was assumed rather than refused."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import ArticleError

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
