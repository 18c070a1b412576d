"""Which outlet published an article: the news organisation a reader cites and filters by.

Evidence is weighed in order of trust, the first that names an outlet wins:

1. the `source:` header: the user's own statement about the article. Text that names no outlet
   in outlets.toml still becomes one (id slugified from it, label as written), so a source
   nobody listed is kept rather than lost;
2. the `url:` header's domain (or a sub-domain of it: en.kremlin.ru is kremlin.ru) when
   outlets.toml lists it: a page's address says where it was published;
3. a dateline at the start of the body ("MOSCOW, Oct 8 (Reuters) -", "MINSK, 10 October. /TASS/.",
   "YEREVAN, DECEMBER 28, ARMENPRESS.", "ДУШАНБЕ, 3 сен - РИА Новости."): the outlet stamping its
   own copy;
4. an attribution closing the body ("— TASS", "(BelTA)", "Source: Kazinform");
5. a `url:` domain outlets.toml does not list, as written ("armenianclub.com"): after the body's
   dateline and closing attribution, because a repost site's address names the reposter while
   the dateline it kept names the outlet;
6. a photo credit ("Photo: BelTA", "Photo by TASS", a caption's trailing "BELTA"): the weakest,
   as an outlet often prints another agency's or a president's office's picture.

Only the first and last ~300 characters of the body and its lines starting with "Photo" are
read, and in them only an outlet spelled as in outlets.toml or in capitals, in a dateline's or
credit's shape: running text ("TASS reported", "a global trend") never names the outlet.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from .reference import ReferenceData

EDGE_CHARS = 300
PHOTO_WORDS = ("Photo", "PHOTO", "Фото", "ФОТО")
MAX_SLUG_CHARS = 60
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєїґқғүұөһә",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "u", "ye", "yi", "g",
     "q", "gh", "u", "u", "o", "h", "a"], strict=True))
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#]|$)",
                   re.IGNORECASE)


def slugify(text: str) -> str:
    """'Vremya Novostei' -> 'vremya-novostei', 'Коммерсантъ' -> 'kommersant'; never empty."""
    lowered = "".join(_CYRILLIC.get(ch, ch) for ch in text.lower())
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:MAX_SLUG_CHARS].strip("-")
    return slug or "outlet-" + hashlib.sha1(text.encode()).hexdigest()[:8]


def host_of(url: str | None) -> str | None:
    """'https://en.kremlin.ru/d/9783' -> 'en.kremlin.ru' ('www.' dropped); None if not a web address."""
    if not url:
        return None
    match = _HOST.match(url.strip())
    if match:
        return match.group("host").lower()
    try:
        return (urlsplit(url.strip()).hostname or "").removeprefix("www.") or None
    except ValueError:
        return None


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class OutletFinder:
    """Built once per reference-data load; `find` runs once per article."""

    def __init__(self, reference: ReferenceData):
        self.names = {o.id: o.name for o in reference.outlets.values()}
        self._domains = {d: o.id for o in reference.outlets.values() for d in o.domains}
        # source headers: any spelling or domain, ignoring case
        self._folded = {_fold(form): o.id for o in reference.outlets.values()
                        for form in (o.name, *o.variants, *o.domains)}
        self._header_re = re.compile(rf"(?<!\w)(?:{_alternation(self._folded)})(?!\w)", re.IGNORECASE)
        # body evidence: spellings as written or in capitals, and domains
        self._written = {}
        for o in reference.outlets.values():
            for form in (o.name, *o.variants):
                self._written[form] = self._written[form.upper()] = o.id
            self._written.update((d, o.id) for d in o.domains)
        name = rf"[«\"“]?(?P<o>{_alternation(self._written)})(?!\w)[»\"”]?"
        paren = rf"\(\s*(?:[^()\n]{{0,30}}?\s)?(?<!\w){name}(?:[\s,][^()\n]{{0,40}})?\)"
        self._start = (
            re.compile(rf"{paren}\s*(?:--?|[–—])"),                                     # (Reuters) -
            re.compile(rf"(?<![\w/:.])/\s*(?:[^/\n]{{0,30}}?\s)?(?<!\w){name}\s*/"),    # /TASS/, /Name - BELTA/
        )
        self._dateline = re.compile(                                                   # YEREVAN, 28 MAY, ARMENPRESS.
            rf"^[ \t]*(?P<pre>[^\n]{{2,90}}?)(?:[,.|]|[ \t][-–—])[ \t]*(?<!\w){name}[ \t]*(?:[.|/–—-]|$)", re.MULTILINE)
        self._end = (
            re.compile(rf"(?:^|\s)(?:--?|[–—|])\s*(?<!\w){name}\s*\.?\s*\Z"),          # — TASS
            re.compile(rf"{paren}\s*\.?\s*\Z"),                                         # (BelTA)
            re.compile(rf"(?:^|\n)[ \t]*(?<!\w){name}[ \t]*\.?\s*\Z"),                  # TASS on the last line
            re.compile(rf"^[ \t]*(?:Source|Sources|Via|Источник|©)\s*:?\s*(?<!\w){name}",
                       re.MULTILINE | re.IGNORECASE),                                   # Source: Kazinform
        )
        self._anywhere = re.compile(rf"(?<!\w){name}")

    def find(self, source: str | None, url: str | None, body: str,
             credits: Iterable[str] = ()) -> tuple[str, str] | None:
        """(outlet id, label) from the best evidence (see the module docstring), else None.
        `body` is the article text after the header; `credits` are photo credits the reader
        already cut from captions ("BELTA")."""
        if source and source.strip():
            return self._from_source(source.strip())
        host = host_of(url)
        known = self._from_host(host)
        if known:
            return known
        text = body.strip()
        found = self._from_start(text[:EDGE_CHARS]) or self._from_end(text[-EDGE_CHARS:])
        if not found and host:
            return slugify(host), host
        found = found or self._from_photo_lines(text) or self._from_credits(credits)
        return (found, self.names[found]) if found else None

    def _from_source(self, source: str) -> tuple[str, str]:
        ident = self._folded.get(_fold(source))
        if ident is None:
            match = self._header_re.search(source)
            ident = self._folded[_fold(match.group())] if match else None
        if ident is not None:
            return ident, self.names[ident]
        host = host_of(source) if " " not in source else None
        if host:  # a web address given as the source
            return self._from_host(host) or (slugify(host), host)
        return slugify(source), source

    def _from_host(self, host: str | None) -> tuple[str, str] | None:
        """The outlet whose domain is `host` or a parent of it (en.special.kremlin.ru)."""
        parts = host.split(".") if host else []
        for i in range(len(parts) - 1):
            ident = self._domains.get(".".join(parts[i:]))
            if ident:
                return ident, self.names[ident]
        return None

    def _from_start(self, head: str) -> str | None:
        for regex in self._start:
            match = regex.search(head)
            if match:
                return self._written[match.group("o")]
        for match in self._dateline.finditer(head):
            if _looks_like_dateline(match.group("pre")):
                return self._written[match.group("o")]
        return None

    def _from_end(self, tail: str) -> str | None:
        for regex in self._end:
            match = regex.search(tail)
            if match:
                return self._written[match.group("o")]
        return None

    def _from_photo_lines(self, text: str) -> str | None:
        """Lines starting with "Photo" ("Photo: BelTA", "Photo by Ivan Petrov/TASS"), found by
        `str.find` rather than a scan of every line."""
        for word in PHOTO_WORDS:
            at = text.find(word)
            while at != -1:
                line_start = text.rfind("\n", 0, at) + 1
                after = text[at + len(word):at + len(word) + 1]
                if not text[line_start:at].strip() and not after.isalpha():
                    line_end = text.find("\n", at)
                    match = self._anywhere.search(text, at + len(word), line_end if line_end != -1 else len(text))
                    if match:
                        return self._written[match.group("o")]
                at = text.find(word, at + len(word))
        return None

    def _from_credits(self, credits: Iterable[str]) -> str | None:
        for credit in credits:
            match = self._anywhere.search(credit)
            if match:
                return self._written[match.group("o")]
        return None


def _looks_like_dateline(prefix: str) -> bool:
    """A dateline before the outlet holds a date ("YEREVAN, DECEMBER 28") or opens with a city in
    capitals ("ST. PETERSBURG"); "Vladimir Putin, President of Russia" is a speaker label."""
    first = prefix.split(",")[0].strip()
    letters = [ch for ch in first if ch.isalpha()]
    return any(ch.isdigit() for ch in prefix) or (len(letters) >= 3 and all(ch.isupper() for ch in letters))
