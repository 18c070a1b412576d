"""From a read article to tagged passages: splitting, speakers, mentions, topics, summit, date.

This is what both `inspect` and the index see, so what a user checks with `inspect` is
exactly what gets indexed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from .attribution import Attributor, ParagraphTags
from .corpus import Paragraph, SourceArticle, parse_date, read_article
from .dates import find_dates
from .language import article_language
from .names import NameResolver
from .outlets import OutletFinder
from .reference import ReferenceData, Summit
from .summits import SummitMatch, SummitMatcher
from .topics import TopicMatcher

MAX_PASSAGE_CHARS = 900
# Longer paragraphs are cut for attribution (see `_bounded`); the longest real one is about 1,000
MAX_PARAGRAPH_CHARS = 20_000
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])(?<!\b[A-Z]\.)[\"”»]?\s+(?=[\"“«\[]?[A-Z0-9])")
DATELINE_OUTLET = re.compile(r"\((?P<outlet>[^()]{2,40})\)\s*[-–—]")
DATELINE_PREFIX = re.compile(r"^(?:.{0,80}?\([^()]{2,40}\)|[A-Z][A-Z .'-]{2,40}\.\s+[A-Z]{3,})\s*[-–—]\s+")
DATELINE_CHARS = 200


@dataclass(frozen=True)
class Passage:
    id: str
    article_id: str
    position: int
    kind: str  # quote | narration | heading | caption
    section: str | None
    text: str
    start: int
    end: int
    speakers: tuple[str, ...]
    mentions: tuple[str, ...]
    topics: tuple[str, ...]
    credited_by: tuple[str, ...] = ()  # for each speaker, the attribution sieve that credited them

    @property
    def is_body(self) -> bool:
        return self.kind in ("quote", "narration")


@dataclass(frozen=True)
class TaggedArticle:
    id: str
    file: str
    sha256: str
    title: str
    date: dt.date | None
    source: str | None
    url: str | None
    language: str | None  # "en" | "ru": the header's, else detected (language.py)
    summit: Summit | None
    passages: tuple[Passage, ...]
    problems: tuple[str, ...]
    summit_evidence: tuple[str, ...] = ()  # why this summit, or why none (shown by `inspect`)
    outlet: str | None = None  # outlet id (outlets.toml, or slugified from an unlisted source)
    outlet_label: str | None = None


class Tagger:
    """Built once per reference-data load; tags any number of articles."""

    def __init__(self, reference: ReferenceData):
        self.reference = reference
        self.resolver = NameResolver(reference)
        self.attributor = Attributor(self.resolver)
        self.summits = SummitMatcher(reference, self.resolver)
        self.outlets = OutletFinder(reference)
        self.topics = TopicMatcher(reference.topics.values())

    def tag_file(self, path: Path) -> TaggedArticle:
        return self.tag(read_article(path))

    def tag(self, article: SourceArticle) -> TaggedArticle:
        problems = list(article.notes)
        language, problem = article_language(article.metadata.get("language"), _body_text(article))
        if problem:
            problems.append(problem)
        paragraphs, sections, cut = _bounded(article.paragraphs)
        with self.resolver.article(len(paragraphs)):
            match = self._summit(article, paragraphs, self._metadata_date(article, problems), problems)
            summit, day = match.summit, match.date
            source, outlet_country = self._outlet(article)
            tags = self.attributor.attribute(paragraphs, day, outlet_country, language)
        passages = self._passages(article, paragraphs, sections, cut, tags, problems)
        outlet, outlet_label = self._publisher(article) or (None, None)
        return TaggedArticle(
            id=article.id,
            file=article.path.name,
            sha256=article.sha256,
            title=_title(article),
            date=day,
            source=article.metadata.get("source") or source,
            url=article.metadata.get("url"),
            language=language,
            summit=summit,
            summit_evidence=match.evidence,
            passages=tuple(passages),
            problems=tuple(dict.fromkeys(problems)),
            outlet=outlet,
            outlet_label=outlet_label,
        )

    # --- article-level facts ---------------------------------------------------------------

    def _metadata_date(self, article: SourceArticle, problems: list[str]) -> dt.date | None:
        raw = article.metadata.get("date")
        if raw is None:
            return None
        day = parse_date(raw)
        if day is None:
            problems.append(f"date '{raw}' is not YYYY-MM-DD: ignored")
        return day

    def _summit(self, article: SourceArticle, paragraphs: list[Paragraph], day: dt.date | None,
                problems: list[str]) -> SummitMatch:
        """The summit and the article's date (header, else dateline, else the summit's), with why."""
        key = article.metadata.get("summit")
        if key:
            summit = self.summits.by_key(key)
            if summit:
                return SummitMatch(summit, evidence=("summit: header",),
                                   date=day or _date_in_dateline(article) or summit.date)
            problems.append(f"unknown summit '{key}' (not in summits.toml): inferred from the text instead")
        parts = [article.metadata.get("title", ""), *(p.text for p in paragraphs)]
        match = self.summits.infer(parts, day)
        if match.problem:
            problems.append(match.problem)
        return match

    def _outlet(self, article: SourceArticle) -> tuple[str | None, str | None]:
        """The outlet, from the source header, a photo credit or a dateline "(BelTA) -"."""
        evidence = [article.metadata.get("source", "")]
        evidence += [p.credit for p in article.paragraphs if p.credit]
        first_body = next(p.text for p in article.paragraphs if p.kind == "body")
        dateline = DATELINE_OUTLET.search(first_body[:DATELINE_CHARS])
        if dateline:
            evidence.append(dateline.group("outlet"))
        for text in evidence:
            found = self.resolver.outlet(text) if text else None
            if found:
                return found
        return None, None

    def _publisher(self, article: SourceArticle) -> tuple[str, str] | None:
        """(id, label) of the outlet that published the article (see indexer/outlets.py)."""
        body = article.text[article.paragraphs[0].start:] if article.paragraphs else ""
        return self.outlets.find(article.metadata.get("source"), article.metadata.get("url"), body,
                                 [p.credit for p in article.paragraphs if p.credit])

    # --- passages --------------------------------------------------------------------------

    def _passages(self, article: SourceArticle, paragraphs: list[Paragraph], sections: list[Paragraph | None],
                  cut: dict[int, tuple[int, int]], tags: list[ParagraphTags], problems: list[str]) -> list[Passage]:
        passages: list[Passage] = []
        used_ids: dict[str, int] = {}
        for index, (paragraph, paragraph_tags, heading) in enumerate(zip(paragraphs, tags, sections, strict=True)):
            section = heading.text if heading else None
            section_topics = self.topics_of(heading.text) if heading else ()
            kind = _passage_kind(paragraph, paragraph_tags)
            if index in cut:
                length, count = cut[index]
                problems.append(f"passage {len(passages)}: paragraph is {length:,} characters long (line breaks "
                                f"lost?); cut into {count} pieces of at most {MAX_PARAGRAPH_CHARS:,} characters to "
                                "find speakers")
            for start, end in split_long(paragraph):
                text = article.text[start:end]
                position = len(passages)
                for problem in paragraph_tags.problems:
                    problems.append(f"passage {position}: {problem}")
                passages.append(Passage(
                    id=_passage_id(article.id, text, used_ids),
                    article_id=article.id,
                    position=position,
                    kind=kind,
                    section=section if kind in ("quote", "narration") else None,
                    text=text,
                    start=start,
                    end=end,
                    speakers=paragraph_tags.speakers,
                    credited_by=paragraph_tags.sieves,
                    mentions=self._mentions(paragraph, paragraph_tags, start, end),
                    topics=_merge(self.topics_of(text), section_topics if kind != "heading" else ()),
                ))
        return passages

    def topics_of(self, text: str) -> tuple[str, ...]:
        return self.topics.of(text)

    def _mentions(self, paragraph: Paragraph, tags: ParagraphTags, start: int, end: int) -> tuple[str, ...]:
        lo, hi = start - paragraph.start, end - paragraph.start
        people = [pid for s, e, pid in tags.mentions if lo <= s and e <= hi]
        countries = self.resolver.countries_in(paragraph.text[lo:hi])
        return tuple(dict.fromkeys(pid for pid in people + countries if pid not in tags.speakers))


def _sections(paragraphs: tuple[Paragraph, ...]) -> list[Paragraph | None]:
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


def _bounded(paragraphs: tuple[Paragraph, ...]) -> tuple[list[Paragraph], list[Paragraph | None], dict]:
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
    for paragraph, heading in zip(paragraphs, _sections(paragraphs), strict=True):
        spans = _pieces(paragraph.text) if paragraph.kind == "body" else [(0, len(paragraph.text))]
        if len(spans) > 1:
            cut[len(pieces)] = (len(paragraph.text), len(spans))
            pieces.extend(replace(paragraph, text=paragraph.text[s:e], start=paragraph.start + s,
                                  end=paragraph.start + e) for s, e in spans)
        else:
            pieces.append(paragraph)
        sections.extend([heading] * len(spans))
    return pieces, sections, cut


def _pieces(text: str) -> list[tuple[int, int]]:
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


def _passage_kind(paragraph: Paragraph, tags: ParagraphTags) -> str:
    if paragraph.kind in ("headline", "heading"):
        return "heading"
    if paragraph.kind == "caption":
        return "caption"
    return "quote" if tags.quote or tags.speakers else "narration"


def _passage_id(article_id: str, text: str, used: dict[str, int]) -> str:
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


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(first + second))


def _body_text(article: SourceArticle) -> str:
    """The article's text without its header, whose keys and URL are Latin in any language."""
    return "\n".join(p.text for p in article.paragraphs) + "\n" + article.metadata.get("title", "")


def _title(article: SourceArticle) -> str:
    if article.metadata.get("title"):
        return article.metadata["title"]
    if article.headlines:
        return article.headlines[0].text
    first = next(p.text for p in article.paragraphs if p.kind == "body")
    sentence = SENTENCE_BREAK.split(DATELINE_PREFIX.sub("", first), maxsplit=1)[0]
    return sentence if len(sentence) <= 120 else sentence[:117].rsplit(" ", 1)[0] + "…"


def _date_in_dateline(article: SourceArticle) -> dt.date | None:
    """A full date near the top of the body ("MINSK, 14 October 2025 (BelTA) -")."""
    first = next(p.text for p in article.paragraphs if p.kind == "body")
    return next((d.date for d in find_dates(first[:DATELINE_CHARS], relative=False) if d.date), None)
