"""Which summit an article reports on, when its header does not say.

Host cities are named in text ("in Bishkek", "in the Kyrgyz capital"); the same city hosts
several summits over the years, so the article's date (or the years it names) must single one
out. When the evidence does not, the answer is none, with the reason, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .reference import ReferenceData, Summit

DATE_WINDOW = dt.timedelta(days=21)
SUMMIT_CONTEXT = re.compile(r"summit|Heads\s+of\s+State\s+Council|\bCIS\b|Commonwealth", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
INFORMAL = re.compile(r"informal\s+(?:summit|meeting\s+of\s+the\s+heads)", re.IGNORECASE)
VIDEO = re.compile(r"video\s*(?:conference|link|format)|videoconference|online\s+format", re.IGNORECASE)


@dataclass(frozen=True)
class SummitMatch:
    summit: Summit | None
    problem: str | None = None


class SummitMatcher:
    def __init__(self, reference: ReferenceData):
        self.reference = reference
        cities = {s.city for s in reference.summits.values() if s.city}
        city_words = "|".join(
            r"\s+".join(map(re.escape, c.split())) for c in sorted(cities, key=len, reverse=True)
        )
        # datelines write cities in capitals ("ASTANA, 14 October (BelTA) -")
        self._city_re = re.compile(rf"(?<![\w-])(?:{city_words})(?![\w-])", re.IGNORECASE) if cities else None
        self._city_spelling = {" ".join(c.lower().split()): c for c in cities}
        self._capital_of = {}
        for country in reference.countries.values():
            for demonym in country.demonyms:
                self._capital_of[demonym.lower()] = country.capital
        demonyms = "|".join(map(re.escape, sorted(self._capital_of, key=len, reverse=True)))
        self._capital_re = re.compile(rf"(?i:the\s+)(?P<demonym>(?i:{demonyms}))\s+capital\b")

    def by_key(self, key: str) -> Summit | None:
        """A summit named in a header, by id or by label (case-insensitive)."""
        key = key.strip()
        if key in self.reference.summits:
            return self.reference.summits[key]
        return next((s for s in self.reference.summits.values() if s.label.lower() == key.lower()), None)

    def cities_in(self, text: str) -> set[str]:
        found = {self._city_spelling[" ".join(m.group().lower().split())] for m in self._city_re.finditer(text)
                 } if self._city_re else set()
        found.update(self._capital_of[m.group("demonym").lower()] for m in self._capital_re.finditer(text))
        return found

    def infer(self, text: str, day: dt.date | None) -> SummitMatch:
        if not SUMMIT_CONTEXT.search(text):
            return SummitMatch(None)
        cities = self.cities_in(text)
        by_city = [s for s in self.reference.summits.values() if s.city in cities]
        if day is not None:
            near = [s for s in self.reference.summits.values() if _distance(s, day) <= DATE_WINDOW]
            pool = [s for s in near if s in by_city] or [s for s in near if not s.city or not cities]
            pool = _prefer_format(pool, text)
            if len(pool) > 1:
                pool = sorted(pool, key=lambda s: _distance(s, day))[:1]
            return SummitMatch(pool[0] if pool else None)
        years = {int(y) for y in YEAR.findall(text)}
        formatted = _prefer_format(list(self.reference.summits.values()), text)
        if not by_city and len(formatted) < len(self.reference.summits):
            # no city, but "video conference" or "informal summit": the year may single one out
            by_city = [s for s in formatted if s.date.year in years]
        pool = _prefer_format(by_city, text)
        if len(pool) > 1 and years:
            pool = [s for s in pool if s.date.year in years or s.date.year + 1 in years] or pool
        if len(pool) == 1:
            return SummitMatch(pool[0])
        if len(pool) > 1:
            labels = ", ".join(s.id for s in pool)
            return SummitMatch(None, f"summit is ambiguous ({labels}): add a date: or summit: header")
        return SummitMatch(None)


def _distance(summit: Summit, day: dt.date) -> dt.timedelta:
    return min(abs(d - day) for d in summit.dates)


def _prefer_format(pool: list[Summit], text: str) -> list[Summit]:
    for cue, fmt in ((INFORMAL, "informal"), (VIDEO, "video")):
        if cue.search(text):
            return [s for s in pool if s.format == fmt] or pool
    return pool
