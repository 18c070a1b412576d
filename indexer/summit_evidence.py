"""Reading an article for what it says about the summit it reports on, before any summit is
weighed: dates, years, host cities and countries, the format, summits named as earlier or next.

Copy mixes the summit reported with others (the next venue, last year's, another body's), so
every cue is read with its sentence, and only sentences about this summit count for it; a date
in a sentence about another summit is kept apart, to rule that summit out. This module only
reads: weighing the evidence is for `summit_scoring.py` and `summits.py`, leaders are
`summit_people.py`'s.

Everything runs over the article lower-cased once (Python's case-insensitive matching is three
times slower), with cheap substring checks before the rarer patterns.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import MONTH_NAMES, TextDate, find_dates
from .reference import ReferenceData

LEAD_PARTS = 4  # title and the first paragraphs: where datelines stand
FOUNDED = 1991  # the CIS was founded in December 1991: its 25th anniversary fell in 2016


def low_re(pattern: str) -> re.Pattern:
    """A pattern for lower-cased text (no upper-case escapes such as \\S may hide in it)."""
    assert not re.search(r"\\[A-Z]", pattern)
    return re.compile(pattern.lower())


SUMMIT_CONTEXT = low_re(r"(?=[shc])(?:summit|heads\s+of\s+state\s+council|\bcis\b|commonwealth)")
MEETING = low_re(r"summit|meeting|session|council|\bcis\b|commonwealth|leaders|heads\s+of")
# a sentence about another summit: the next venue, the previous one, one "last May"
# a meeting "scheduled for October 11" or "to be held" is a coming one, not the one reported
_COMING = r"scheduled\s+(?:for|on|to)|to\s+be\s+held|forthcoming"
OTHER_SUMMIT = low_re(
    r"\b(?:next|previous|past|again|earlier\s+(?:summit|meeting)|last\s+(?:time|year|summit|meeting|"
    rf"spring|summer|autumn|fall|winter|{'|'.join(MONTH_NAMES)})|{_COMING})\b")
NEXT = low_re(rf"\b(?:next|again|will\s+host|to\s+host|{_COMING})\b")
# "took part in the next meeting of the Council": "next" as in "regular" (Russian "очередной"), in the past
REGULAR_NEXT = low_re(
    r"\b(?:participated|took\s+part|attended)\s+(?:in\s+)?(?:the\s+)?next\s+(?:meeting|session|summit)")
# a year in such a sentence is a plan or the coming chairmanship, not the summit's own year
FUTURE = low_re(r"\b(?:will|shall|should|next\s+year|takes?\s+over|to\s+chair|plans?\s+to|upcoming|coming\s+year|"
                r"goes\s+to|go\s+to|pass(?:es|ed)?\s+to|hand(?:s|ed)?\s+over|transferr?(?:ed|ing)?\s+to)\b")
OTHER_BODY = re.compile(r"\b(?:EAEU|EurAsEC|Eurasian\s+Economic|SCO|Shanghai|CSTO|Collective\s+Security|BRICS|"
                        r"G-?20|G-?8|OSCE|NATO|European\s+Union|EU|Conference\s+on\s+Interaction|CICA)(?![\w-])")
CIS_BODY = low_re(r"\bcis\b|commonwealth|heads\s+of\s+state")
INFORMAL = low_re(
    r"informal\s+(?:(?:cis|commonwealth|of|independent|states|\(cis\))\s+){0,5}summit|informal\s+meeting\s+of\s+"
    r"(?:the\s+)?(?:cis\s+)?(?:heads|leaders|council)|informal\s+summit\s+of\s+the\s+cis")
VIDEO = low_re(r"video\s*(?:conference|link|format)|videoconference|(?:online|virtual)\s+(?:format|meeting|summit|"
               r"session|mode)|(?:held|met|meeting|summit)\s+online")
# a city's name used only for a while dates the article: Astana was Nur-Sultan from 20 March 2019
# to 17 September 2022 (https://en.wikipedia.org/wiki/Astana, "Names")
NAME_PERIODS = {"nur-sultan": (dt.date(2019, 3, 20), dt.date(2022, 9, 17))}
GOVERNMENT = low_re(
    r"(?:council|summit|meeting|session)\s+of\s+(?:the\s+)?(?:cis\s+)?(?:heads\s+of\s+government|prime\s+ministers)"
    r"|cis\s+(?:government\s+heads|heads\s+of\s+government|prime\s+ministers)")
HEADS_OF_STATE = low_re(r"heads?\s+of\s+(?:the\s+)?(?:cis\s+)?(?:states?|the\s+cis\s+states)\b|state\s+heads")
HOSTED_BY = re.compile(r"(?:chaired|hosted|organi[sz]ed|convened)\s+$")
NAMED_SUMMIT = re.compile(r"\s+(?:CIS\s+)?[Ss]ummit\b")  # "the Astana Summit in October"
ORDINAL_WORDS = {"tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30,
                 "thirty-fifth": 35}
_ORDINAL = rf"(?P<n>\d{{1,2}})(?:st|nd|rd|th)?|(?P<word>{'|'.join(ORDINAL_WORDS)})"
_CIS = r"(?:cis|commonwealth)(?![\w-])"
ANNIVERSARY = re.compile(  # lower-cased text: "the 25th anniversary of the CIS", "the Commonwealth's 30th anniversary"
    rf"(?<![\w-])(?:{_ORDINAL})\s+anniversary\s+of\s+(?:the\s+)?(?:(?:creation|formation|founding|foundation|"
    rf"establishment)\s+of\s+(?:the\s+)?)?{_CIS}|(?<![\w-]){_CIS}(?:['’]s)?\s+(?:{_ORDINAL.replace('?P<', '?P<b')})"
    r"\s+anniversary")
# a sentence ends at a line's end or at . ! ? (not "St." or an initial) before a capital or digit;
# the pattern starts with what it consumes first, which the regex engine skips to quickly
SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=\n)|(?<!\bSt\.)(?<!\bMr\.)(?<!\b[A-Z]\.)[\"”»’]?\s+(?=[\"“«‘(\[]?[A-Z0-9]))")


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
    body_cities: set[str] = field(default_factory=set)  # host cities named outside the dateline, any sentence
    lead_dates: list[TextDate] = field(default_factory=list)

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

    def cities(self, low: str):
        """(host city as summits.toml spells it, start, end) for each mention in lower-cased text."""
        for m in self._city_re.finditer(low) if self._city_re else ():
            start = m.start()
            if not start or not (low[start - 1].isalnum() or low[start - 1] in "_-"):
                yield self._city_spelling["".join(m.group().split())], start, m.end()
        for m in self._capital_re.finditer(low) if "capital" in low else ():
            yield self._capital_of[m.group("demonym")], m.start(), m.end()

    def read(self, text: str, low: str, lead: list[tuple[int, int]], found: list[TextDate]) -> Evidence:
        ev = Evidence(text, low, lead, Sentences(text, low))
        at = ev.sentences.at
        gov = next((m for m in GOVERNMENT.finditer(low) if at(m.start())[2] == "this"), None) if (
            "government" in low or "prime minister" in low) else None
        if gov and not any(at(m.start())[2] == "this" for m in HEADS_OF_STATE.finditer(low)):
            ev.government_meeting = f"'{gov.group()}': a heads-of-government meeting, not a summit"
            return ev  # "the heads of state meeting scheduled for October 11" is another meeting
        for d in found:
            _, sentence, kind = at(d.start)
            if kind != "this":
                if d.date:
                    ev.other_dates.append((d.date, "next" if NEXT.search(sentence) else "other", d.text))
            elif not (d.relative and not MEETING.search(sentence)):  # "tested positive on Monday": no
                if d.precision == "year":
                    ev.years.append((d.year, bool(FUTURE.search(sentence)), d.text))
                ev.dates.append(d)
        for m in _around(ANNIVERSARY, low, "anniversary", 20, 60):
            _, sentence, kind = at(m.start())
            n = m.group("n") or m.group("bn")
            n = int(n) if n else ORDINAL_WORDS[m.group("word") or m.group("bword")]
            if kind == "this" and n:
                ev.years.append((FOUNDED + n, bool(FUTURE.search(sentence)), text[m.start():m.end()]))
        for city, start, end in self.cities(low):
            sentence, low_sentence, kind = at(start)
            where = "dateline" if dateline_at(text, start, lead) else "body"
            if period := NAME_PERIODS.get("".join(low[start:end].split())):
                ev.periods.append((*period, text[start:end]))
            if where == "body":
                ev.body_cities.add(city)
            if kind == "this":
                ev.city_mentions.append((city, where))
            if kind in ("this", "past") and NAMED_SUMMIT.match(text, end):
                self._earlier(city, sentence, low_sentence, ev)
        for fmt, cue, word in (("informal", INFORMAL, "informal"), ("video", VIDEO, "video")):
            m = next((m for m in cue.finditer(low) if at(m.start())[2] == "this"), None) if (
                word in low or "online" in low or "virtual" in low) else None
            if m:
                ev.format_cues[fmt] = text[m.start():m.end()]
        if len(ev.format_cues) > 1:
            ev.format_cues = {}  # "informal" and "video" both: neither can be trusted
        for start, end, country, how in self._hosts(low):
            _, low_sentence, kind = at(start)
            if kind != "this" or FUTURE.search(low_sentence) or (how == "in" and not MEETING.search(low_sentence)):
                continue  # "in 2017 the chairmanship passes to Russia's presidency": the next host
            if how != "in" or self._country_of[fold(country)] not in ev.host_countries:
                ev.host_countries[self._country_of[fold(country)]] = "" if how == "in" else text[start:end]
        return ev

    def _hosts(self, low: str):
        """(start, end, country, "in" or "") for each host-country cue in lower-cased text."""
        for m in self._host_re.finditer(low):
            start = m.start()
            if start and (low[start - 1].isalnum() or low[start - 1] in "_-"):
                continue
            if m.group("how") == "in":
                yield start, m.end(), m.group("country"), "in"
            elif by := HOSTED_BY.search(low, max(0, start - 14), start):
                yield by.start(), m.end(), m.group("country"), ""
        for word in ("chairmanship", "presidency"):
            at = low.find(word)
            while at >= 0:
                if m := self._chair_re.search(low, max(0, at - 32), at):
                    yield m.start(), at + len(word), m.group("country"), ""
                at = low.find(word, at + 1)

    def _earlier(self, city: str, sentence: str, low: str, ev: Evidence) -> None:
        """"the documents adopted at the Astana Summit in October": that summit came first."""
        months = {MONTH_NAMES.index(m) + 1 for m in re.findall("|".join(MONTH_NAMES), sentence)}
        years = {d.year for d in find_dates(sentence, relative=False) if d.year}
        if not months or FUTURE.search(low):
            return
        known = [s for s in self.reference.summits.values() if s.city == city and s.date.month in months
                 and (not years or s.date.year in years)]
        if len(known) == 1:
            ev.earlier_summits.append((known[0].id, " ".join(sentence.split())[:60]))


def lead_spans(parts: list[str]) -> list[tuple[int, int]]:
    """Where a dateline may stand: a short line near the top whole, else a paragraph's opening."""
    spans, offset = [], 0
    for part in parts[:LEAD_PARTS]:
        spans.append((offset, offset + (len(part) if len(part) < 200 else 60)))
        offset += len(part) + 1
    return spans


def in_lead(d: TextDate, lead) -> bool:
    return any(s <= d.start and d.end <= e for s, e in lead)


def sentence_kind(sentence: str, low: str) -> str:
    """this (about the summit reported), past/next (about another summit), or other (another body's)."""
    if OTHER_SUMMIT.search(low) and not (REGULAR_NEXT.search(low) and not FUTURE.search(low) and not any(
            m.group() != "next" for m in OTHER_SUMMIT.finditer(low))):
        return "next" if NEXT.search(low) else "past"
    if OTHER_BODY.search(sentence) and not CIS_BODY.search(low):
        return "other"
    return "this"


def dateline_at(text: str, start: int, lead) -> bool:
    """A city at the head of a paragraph near the top ("MOSCOW, October 23 (TASS) -") is where the
    reporter filed from, which is often not the venue."""
    if not any(s <= start < e for s, e in lead):
        return False  # first: the look back to the line's start costs the line's length
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start < 40 or bool(re.match(r"[^.\n]{0,40}\d", text[line_start:start]))


def fold(text: str) -> str:
    return " ".join(text.split()).lower()


def _alternation(forms) -> str:
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(set(forms), key=len, reverse=True))


def trie_regex(forms) -> str:
    """An alternation of lower-case `forms` as a trie ("a(?:lmaty|s(?:hgabat|tana))"): each branch
    starts with a literal, so the regex engine skips to the possible first letters, and shares its
    prefixes instead of trying every form in turn. Spaces match any run of white space (none
    after a full stop: "St.Petersburg")."""
    trie: dict = {}
    for form in forms:
        node = trie
        for atom in re.findall(r"\.\s+|\s+|.", " ".join(form.split())):
            atom = r"\.\s*" if atom[0] == "." and len(atom) > 1 else r"\s+" if atom.isspace() else re.escape(atom)
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


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
