"""Reading an article for what it says about the summit it reports on, before any summit is
weighed: dates, years, host cities and countries, the format, summits named as earlier or next.

Copy mixes the summit reported with others (the next venue, last year's, another body's), so
every cue is read with its sentence, and only sentences about this summit count for it; a date
in a sentence about another summit is kept apart, to rule that summit out. This module only
reads: weighing the evidence is for `summit_scoring.py` and `summits.py`, leaders are
`summit_people.py`'s.

The cue words, English and Russian side by side, are in `summit_cues.py`; Russian place names in
every case ("в Минске", "в столице Таджикистана", "под председательством Узбекистана") come from
`russian_places.py`, so a Russian article goes through the same rules as an English one.

Everything runs over the article lower-cased once (Python's case-insensitive matching is three
times slower), with cheap substring checks before the rarer patterns.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import MONTH_NAMES, WEEKDAYS, TextDate, find_dates
from .name_patterns import trie_regex
from .reference import ReferenceData
from .russian_dates import WEEKDAY_FORMS
from .russian_places import RussianPlaces, declined, is_russian
from .summit_cues import (
    ANNIVERSARY,
    FOUNDED,
    FUTURE,
    GOVERNMENT,
    HEADS_OF_STATE,
    HOSTED_BY,
    INFORMAL,
    MEETING,
    NAME_PERIODS,
    NAMED_SUMMIT,
    NEXT,
    ORDINAL_WORDS,
    RU_ANNIVERSARY,
    RU_PREVIOUS,
    SENTENCE_END,
    SUMMIT_CONTEXT,
    VIDEO,
    sentence_kind,
)

__all__ = ["SUMMIT_CONTEXT", "Evidence", "EvidenceReader", "in_lead", "lead_spans", "trie_regex"]
LEAD_PARTS = 4  # title and the first paragraphs: where datelines stand
IN_PLACE = re.compile(r"(?<![\w-])(?:[Ii]n|[Вв]о?)\s+$")


@dataclass
class Evidence:
    """What the text says, sorted by how it can bear on a summit."""

    text: str
    low: str
    lead: list[tuple[int, int]]
    sentences: Sentences
    dates: list[TextDate] = field(default_factory=list)  # in sentences about this summit
    years: list[tuple[int, bool, str]] = field(default_factory=list)  # (year, named as the future?, text)
    other_dates: list[tuple[dt.date, str, str]] = field(default_factory=list)  # (date, next|other, text)
    city_mentions: list[tuple[str, str]] = field(default_factory=list)  # (city, body|dateline)
    host_countries: dict[str, str] = field(default_factory=dict)  # country id -> "" ("in …") or the cue
    format_cues: dict[str, str] = field(default_factory=dict)
    earlier_summits: list[tuple[str, str]] = field(default_factory=list)
    government_meeting: str | None = None
    periods: list[tuple[dt.date, dt.date, str]] = field(default_factory=list)  # a name in use then: written then
    body_cities: set[str] = field(default_factory=set)  # host cities named outside the dateline, any CIS sentence
    lead_dates: list[TextDate] = field(default_factory=list)
    weekday_days: list[tuple[int, int, int, str]] = field(default_factory=list)  # (weekday, month, day, text)
    bare_months: list[tuple[int, str]] = field(default_factory=list)  # "в феврале" beside a summit word
    coming_days: list[TextDate] = field(default_factory=list)  # a coming meeting's day and month, no year
    preview: bool = False  # the article's day fits no summit in the cities the body names: a preview
    filed_on: TextDate | None = None  # that day, when a dateline gives it: when it was filed, not met

    def about_this(self, pos: int) -> bool:
        return self.sentences.kind_at(pos) == "this"


class Sentences:
    """The article's sentences, each classified only when some cue falls in it."""

    def __init__(self, text: str, low: str):
        self.text, self.low = text, low
        self.bounds = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text) + 1]
        self._kinds: dict[int, str] = {}

    def at(self, pos: int) -> tuple[str, str, str]:
        """(the sentence holding `pos`, lower-cased, and its kind)."""
        i = bisect.bisect_right(self.bounds, pos) - 1
        a, b = self.bounds[i], self.bounds[i + 1]
        if i not in self._kinds:
            self._kinds[i] = sentence_kind(self.text[a:b], self.low[a:b])
        return self.text[a:b], self.low[a:b], self._kinds[i]

    def kind_at(self, pos: int) -> str:
        return self.at(pos)[2]


class EvidenceReader:
    """The reference's places compiled into patterns once; `read` is then called per article."""

    def __init__(self, reference: ReferenceData):
        self.reference = reference
        spellings = {c: c for c in {s.city for s in reference.summits.values() if s.city}}
        for city, variants in reference.city_variants.items():
            spellings.update({v: city for v in variants})
        for form, city in list(spellings.items()):  # "Минск": "в Минске", "из Минска" too
            if is_russian(form):
                spellings.update({f: city for f in declined(form)})
        self._city_spelling = {"".join(form.lower().split()): city for form, city in spellings.items()}
        # datelines write cities in capitals ("ASTANA, 14 October (BelTA) -"): matched lower-cased
        self._city_re = re.compile(rf"{trie_regex(f.lower() for f in spellings)}(?![\w-])") if spellings else None
        countries = reference.countries.values()
        self._capital_of = {d.lower(): c.capital for c in countries for d in c.demonyms}
        self._country_of = {fold(n): c.id for c in countries for n in (c.name, *c.variants, *c.demonyms)}
        demonyms = _alternation(self._capital_of)
        names = _alternation(fold(n) for c in countries for n in (c.name, *c.variants))
        self._capital_re = re.compile(rf"the\s+(?P<demonym>{demonyms})\s+capital\b")
        # "in Kyrgyzstan" (in a sentence about the meeting), "chaired by Kyrgyzstan", "hosted by
        # Kazakhstan"; "under Tajikistan's chairmanship", "the Kyrgyz presidency". Each pattern
        # starts with a literal, which the regex engine skips to: the rest is checked after.
        self._host_re = re.compile(rf"(?P<how>in|by)\s+(?:the\s+)?(?P<country>{names})(?![\w-])")
        self._chair_re = re.compile(rf"(?<![\w-])(?P<country>{names}|{demonyms})(?:['’]s)?\s+$")
        self._russian = RussianPlaces({c.id: c.capital for c in countries})

    def cities(self, low: str):
        """(host city as summits.toml spells it, start, end) for each mention in lower-cased text."""
        for m in self._city_re.finditer(low) if self._city_re else ():
            start = m.start()
            if not start or not (low[start - 1].isalnum() or low[start - 1] in "_-"):
                yield self._city_spelling["".join(m.group().split())], start, m.end()
        for m in self._capital_re.finditer(low) if "capital" in low else ():
            yield self._capital_of[m.group("demonym")], m.start(), m.end()
        yield from self._russian.capitals(low)

    def read(self, text: str, low: str, lead: list[tuple[int, int]], found: list[TextDate]) -> Evidence:
        ev = Evidence(text, low, lead, Sentences(text, low))
        at = ev.sentences.at
        gov = next((m for m in GOVERNMENT.finditer(low) if at(m.start())[2] == "this"), None) if (
            "government" in low or "prime minister" in low or "правительств" in low) else None
        if gov and not any(at(m.start())[2] == "this" for m in HEADS_OF_STATE.finditer(low)):
            ev.government_meeting = f"'{gov.group()}': a heads-of-government meeting, not a summit"
            return ev  # "the heads of state meeting scheduled for October 11" is another meeting
        coming: set[tuple[int, int]] = set()  # the days the article gives a coming meeting
        for d in found:
            _, sentence, kind = at(d.start)
            if kind != "this":
                if kind == "next" and d.day and not HELD.search(sentence):  # not "who met on October 10"
                    coming.add((d.month, d.day))
                if d.date:
                    ev.other_dates.append((d.date, "next" if NEXT.search(sentence) else "other", d.text))
                elif kind == "next" and d.precision == "year":  # "the next summit will be in 2015": a plan
                    ev.years.append((d.year, True, d.text))
                elif kind == "next" and d.precision == "day-month" and not HELD.search(sentence):
                    ev.coming_days.append(d)  # "scheduled for December 28"
            elif not (d.relative and not MEETING.search(sentence)):  # "tested positive on Monday": no
                if d.precision == "day-month" and (named := _weekday_before(low, d.start)) is not None:
                    ev.weekday_days.append((named, d.month, d.days()[0], text[d.start:d.end]))
                if d.precision == "year":
                    ev.years.append((d.year, bool(FUTURE.search(sentence)), d.text))
                ev.dates.append(d)
        # a day the article gives the next meeting ("Следующая встреча состоится … 9 октября") is that
        # meeting's wherever else it stands (a headline "Саммит пройдет в Астане 9 октября")
        if coming:  # only where its own sentence also speaks of the future: a dateline stays
            ev.dates = [d for d in ev.dates if not (d.day and (d.month, d.day) in coming
                                                    and NEXT.search(at(d.start)[1]))]
        for m in BARE_MONTH.finditer(low):  # only of a meeting still to come: "в январе министры согласовали" is not
            _, sentence, kind = at(m.start())
            if kind == "this" and MEETING.search(sentence) and (
                    COMING_VISIT.search(sentence) or NEXT.search(sentence) or FUTURE.search(sentence)):
                month = m.group("en") or m.group("ru")
                ev.bare_months.append((BARE_MONTH_NUMBER[month], text[m.start():m.end()]))
        for m in _around(ANNIVERSARY, low, "anniversary", 20, 60):
            _, sentence, kind = at(m.start())
            n = m.group("n") or m.group("bn")
            n = int(n) if n else ORDINAL_WORDS[m.group("word") or m.group("bword")]
            if kind == "this" and n:
                ev.years.append((FOUNDED + n, bool(FUTURE.search(sentence)), text[m.start():m.end()]))
        for m in _around(RU_ANNIVERSARY, low, "лет", 6, 40):
            _, sentence, kind = at(m.start())
            if kind == "this":
                ev.years.append((FOUNDED + int(m.group("n")), bool(FUTURE.search(sentence)), text[m.start():m.end()]))
        for city, start, end in self.cities(low):
            sentence, low_sentence, kind = at(start)
            where = "dateline" if dateline_at(text, start, lead) else "body"
            if period := NAME_PERIODS.get("".join(low[start:end].split())):
                ev.periods.append((*period, text[start:end]))
            if where == "body" and kind != "other":  # not the EAEU summit's city
                ev.body_cities.add(city)
            if kind == "this":
                ev.city_mentions.append((city, where))
            if (kind in ("this", "past") and NAMED_SUMMIT.match(text, end)) or (
                    kind == "past" and RU_PREVIOUS.search(low_sentence)):
                self._earlier(city, sentence, low_sentence, ev)
        for fmt, cue, word in (("informal", INFORMAL, "informal"), ("video", VIDEO, "video")):
            m = next((m for m in cue.finditer(low) if at(m.start())[2] == "this"), None) if (
                word in low or "online" in low or "virtual" in low or "неформальн" in low or "видео" in low
                or "онлайн" in low) else None
            if m:
                ev.format_cues[fmt] = text[m.start():m.end()]
        if len(ev.format_cues) > 1:
            ev.format_cues = {}  # "informal" and "video" both: neither can be trusted
        for start, end, country, how in self._hosts(low):
            _, low_sentence, kind = at(start)
            if kind != "this" or FUTURE.search(low_sentence) or (how == "in" and not MEETING.search(low_sentence)):
                continue  # "in 2017 the chairmanship passes to Russia's presidency": the next host
            if how != "in" or country not in ev.host_countries:
                ev.host_countries[country] = "" if how == "in" else text[start:end]
        return ev

    def _hosts(self, low: str):
        """(start, end, country id, "in" or "") for each host-country cue in lower-cased text."""
        for m in self._host_re.finditer(low):
            start = m.start()
            if start and (low[start - 1].isalnum() or low[start - 1] in "_-"):
                continue
            if m.group("how") == "in":
                yield start, m.end(), self._country_of[fold(m.group("country"))], "in"
            elif by := HOSTED_BY.search(low, max(0, start - 14), start):
                yield by.start(), m.end(), self._country_of[fold(m.group("country"))], ""
        for word in ("chairmanship", "presidency"):
            at = low.find(word)
            while at >= 0:
                if m := self._chair_re.search(low, max(0, at - 32), at):
                    yield m.start(), at + len(word), self._country_of[fold(m.group("country"))], ""
                at = low.find(word, at + 1)
        yield from self._russian.hosts(low)

    def _earlier(self, city: str, sentence: str, low: str, ev: Evidence) -> None:
        """"the documents adopted at the Astana Summit in October", "предыдущая встреча прошла 7
        октября в Санкт-Петербурге": that summit came first."""
        found = find_dates(sentence, relative=False)
        months = {MONTH_NAMES.index(m) + 1 for m in re.findall("|".join(MONTH_NAMES), sentence)}
        months |= {d.month for d in found if d.month}
        years = {d.year for d in found if d.year}
        if not months or FUTURE.search(low):
            return
        known = [s for s in self.reference.summits.values() if s.city == city and s.date.month in months
                 and (not years or s.date.year in years)]
        if len(known) == 1:
            ev.earlier_summits.append((known[0].id, " ".join(sentence.split())[:60]))


# a meeting reported as held: its sentence's dates are not a coming meeting's, and the article no preview
HELD = re.compile(r"(?<![\w-])(?:прош[её]л|прошла|прошли|прошедш\w*|состоял(?:ся|ась|ось|ись)|состоявш\w*|"
                  r"завершил(?:ся|ась|ись)|встретил(?:ся|ись)|was\s+held|were\s+held|took\s+place|met|ended|"
                  r"concluded)(?![\w-])")
COMING_VISIT = re.compile(r"(?<![\w-])(?:посетит|приедет|прибудет|отправится|примет\s+участие|will|to\s+attend|"
                          r"plans?\s+to)(?![\w-])")
# "in February", "в феврале" with no day and no year: which month of the year, and nothing more
_EN_MONTHS = tuple(name.lower() for name in MONTH_NAMES)
# the prepositional case ("в феврале"), which the date tables (genitive: "10 февраля") do not hold
_RU_MONTHS = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
              "ноябре", "декабре")
BARE_MONTH_NUMBER = {name: n for names in (_EN_MONTHS, _RU_MONTHS) for n, name in enumerate(names, 1)}
# (not "may": "in may" is too often the verb)
BARE_MONTH = re.compile(rf"(?<![\w-])(?:(?:in|early|late|mid-?)\s+(?P<en>{'|'.join(_EN_MONTHS[:4] + _EN_MONTHS[5:])})"
                        rf"|(?:в|во)\s+(?P<ru>{'|'.join(_RU_MONTHS)}))(?![\w-])(?!,?\s*\d)")


def lead_spans(parts: list[str]) -> list[tuple[int, int]]:
    """Where a dateline may stand: a short line near the top whole, else a paragraph's opening."""
    spans, offset = [], 0
    for part in parts[:LEAD_PARTS]:
        spans.append((offset, offset + (len(part) if len(part) < 200 else 60)))
        offset += len(part) + 1
    return spans


def in_lead(d: TextDate, lead) -> bool:
    return any(s <= d.start and d.end <= e for s, e in lead)


def dateline_at(text: str, start: int, lead) -> bool:
    """A city at the head of a paragraph near the top ("MOSCOW, October 23 (TASS) -") is where the
    reporter filed from, which is often not the venue."""
    if not any(s <= start < e for s, e in lead):
        return False  # first: the look back to the line's start costs the line's length
    line_start = text.rfind("\n", 0, start) + 1
    if IN_PLACE.search(text, max(line_start, start - 4), start):
        return False  # "В Санкт-Петербурге пройдет саммит": a headline's venue, not where it was filed
    return start - line_start < 40 or bool(re.match(r"[^.\n]{0,40}\d", text[line_start:start]))


def fold(text: str) -> str:
    return " ".join(text.split()).lower()


def _alternation(forms) -> str:
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(set(forms), key=len, reverse=True))


def _around(pattern: re.Pattern, low: str, word: str, before: int, after: int):
    """Matches of `pattern` near each occurrence of `word`: a rare word is found by `str.find`
    far faster than a pattern that cannot start with it is tried at every offset."""
    at, end = low.find(word), 0
    while at >= 0:
        m = pattern.search(low, max(end, at - before), at + len(word) + after)
        if m:
            yield m
            end = m.end()
        at = low.find(word, max(at + 1, end))


# "во вторник, 28 декабря", "on Tuesday, 28 December": the weekday fixes the year among summits
_WEEKDAY_BEFORE = re.compile(r"(?<![\w-])(?:понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье|"
                             r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*$")
_WEEKDAY_INDEX = {name.lower()[:3]: n for names in (WEEKDAYS, WEEKDAY_FORMS) for n, name in enumerate(names)}


def _weekday_before(low: str, start: int) -> int | None:
    m = _WEEKDAY_BEFORE.search(low, max(0, start - 16), start)
    return _WEEKDAY_INDEX[m.group()[:3]] if m else None

