"""From a read article to tagged passages: splitting, speakers, mentions, topics, summit, date.

This is what both `inspect` and the index see, so what a user checks with `inspect` is
exactly what gets indexed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .attribution import Attributor, ParagraphTags
from .corpus import SourceArticle, read_article
from .dates import find_dates
from .language import article_language
from .metadata import parse_date
from .names import NameResolver
from .outlets import OutletFinder
from .paragraphs import Paragraph
from .passage_cuts import MAX_PARAGRAPH_CHARS, SENTENCE_BREAK, bounded, passage_id, split_long
from .reference import ReferenceData, Summit
from .summits import SummitMatch, SummitMatcher
from .topics import TopicMatcher
from .url_dates import date_in_url

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
        paragraphs, sections, cut = bounded(article.paragraphs)
        with self.resolver.article(len(paragraphs)):
            match = self._summit(article, paragraphs, *self._metadata_date(article, problems), problems)
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

    def _metadata_date(self, article: SourceArticle, problems: list[str]) -> tuple[dt.date | None, str]:
        """The header's date, else the one the `url:` header's path carries, and which it was."""
        raw = article.metadata.get("date")
        day = parse_date(raw) if raw else None
        if raw and day is None:
            problems.append(f"date '{raw}' is not YYYY-MM-DD: ignored")
        return (day, "header") if day else (date_in_url(article.metadata.get("url")), "url")

    def _summit(self, article: SourceArticle, paragraphs: list[Paragraph], day: dt.date | None, source: str,
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
        match = self.summits.infer(parts, day, source)
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
                    id=passage_id(article.id, text, used_ids),
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


def _passage_kind(paragraph: Paragraph, tags: ParagraphTags) -> str:
    if paragraph.kind in ("headline", "heading"):
        return "heading"
    if paragraph.kind == "caption":
        return "caption"
    return "quote" if tags.quote or tags.speakers else "narration"


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
