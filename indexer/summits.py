"""Which summit an article reports on, when its header does not say.

Copy rarely names a summit outright: it names a host city (Minsk hosted six), a dateline day
without a year, a weekday, the leaders in office, a year in passing, and often other summits too
(the next venue, the previous one). So every summit is weighed against all of that evidence
(read by `summit_evidence.py` and `summit_people.py`): those the evidence contradicts are
dropped here (a full date far away, a named president out of office, the wrong format), the rest
are scored (`summit_scoring.py`), and only a single best one is chosen. Two left level means
none, with both named, never a guess: a wrong summit is worse than none. The evidence is
returned either way so that `inspect` can show why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from .dates import find_dates, lowered
from .names import NameResolver
from .reference import ReferenceData, Summit
from .summit_evidence import HELD, SUMMIT_CONTEXT, Evidence, EvidenceReader, in_lead, lead_spans
from .summit_people import fits, leaders_in
from .summit_scoring import DATE_WINDOW, Facts, SummitIndex, best, days_of_year

WINDOW = dt.timedelta(days=DATE_WINDOW)


@dataclass(frozen=True)
class SummitMatch:
    summit: Summit | None
    problem: str | None = None
    evidence: tuple[str, ...] = ()
    date: dt.date | None = None  # the article's date: header, dateline, early full date, else the summit's


class SummitMatcher:
    def __init__(self, reference: ReferenceData, resolver: NameResolver | None = None):
        self.reference = reference
        self.resolver = resolver or NameResolver(reference)
        self.reader = EvidenceReader(reference)
        self.index = SummitIndex(reference)
        self._summits = self.index.summits
        self._in_office: dict[tuple, frozenset[str]] = {}
        # a date before this is about no summit the reference knows (the CIS's founding in 1991)
        self._earliest = min(s.date for s in self._summits) - WINDOW if self._summits else dt.date.min

    def by_key(self, key: str) -> Summit | None:
        """A summit named in a header, by id or by label (case-insensitive)."""
        key = key.strip()
        if key in self.reference.summits:
            return self.reference.summits[key]
        return next((s for s in self._summits if s.label.lower() == key.lower()), None)

    def cities_in(self, text: str) -> set[str]:
        return {city for city, _, _ in self.reader.cities(lowered(text))}

    def infer(self, parts: list[str] | str, day: dt.date | None, day_source: str = "header") -> SummitMatch:
        """`parts`: the title and the paragraphs (or one text); `day`: the header's date (or,
        `day_source` "url", the one the address carries)."""
        parts = parts.split("\n") if isinstance(parts, str) else parts
        text = "\n".join(parts)
        low = lowered(text)
        lead = lead_spans(parts)
        if not SUMMIT_CONTEXT.search(low):
            found = find_dates(text[:lead[-1][1]] if lead else "", relative=False)
            return SummitMatch(None, date=day or next((d.date for d in found if in_lead(d, lead)), None))
        found = find_dates(text, low=low)
        ev = self.reader.read(text, low, lead, found)
        # not "the next summit, on …", nor a date long before any summit ("founded on 8 December 1991")
        ev.lead_dates = [d for d in ev.dates if not d.relative and in_lead(d, lead) and not (
            d.date and d.date < self._earliest)]
        lead_day = day or next((d.date for d in ev.lead_dates if d.date), None)
        if ev.government_meeting:
            return SummitMatch(None, evidence=(ev.government_meeting,), date=lead_day)
        notes: list[str] = []
        pool = self._contradictions(self._summits, ev, day, lead_day, notes, day_source)
        scores = self.index.scores(pool, ev, lead_day, Facts.of(ev, lead_day))
        top_score, top = best(pool, scores)
        offices: list[frozenset[str]] = []
        if len(top) != 1 or scores[top[0].id].parts.get("date", 0) < 6:
            # leaders in office, unless a full date singles the summit out
            pool = self._leaders(pool, ev, parts, notes, offices)
            top_score, top = best(pool, scores)
        if len(top) == 1 and scores[top[0].id].dated_only_by_day and not any(top[0].id in o for o in offices):
            why = f"{top[0].id}: only a day and month with no year speak for it (no year, city, host or leader)"
            return SummitMatch(None, evidence=(why, *scores[top[0].id].why.values(), *notes), date=lead_day)
        if len(top) == 1:
            summit = top[0]
            why = [*scores[summit.id].why.values(), *notes]
            return SummitMatch(summit, evidence=tuple(why), date=lead_day or self._dateline_day(ev, summit))
        if len(top) > 1:
            ids = ", ".join(s.id for s in top)
            why = [f"{ids} fit the evidence equally ({top_score:g} points each)",
                   *scores[top[0].id].why.values(), *notes]
            return SummitMatch(None, f"summit is ambiguous ({ids}): add a date: or summit: header",
                               tuple(why), lead_day)
        return SummitMatch(None, evidence=tuple(notes or ["no host city, date or year points at a summit"]),
                           date=lead_day)

    # --- evidence against --------------------------------------------------------------------

    def _contradictions(self, pool, ev: Evidence, day, lead_day, notes: list[str],
                        day_source: str = "header") -> list[Summit]:
        def narrow(keep, why: str, hard: bool = False) -> list[Summit]:
            return _narrow(pool, keep, why, notes, hard)

        def unless_preview(near: list[Summit], why: str, filed: str, filed_on=None) -> list[Summit]:
            """Keep the summits near a publication day, unless none of them is in a host city the
            body names: then it is a preview filed months ahead, and the city outweighs the day."""
            if not ev.body_cities or any(s.city in ev.body_cities for s in near):
                return narrow(lambda s: s in near, why)
            ev.preview, ev.filed_on = True, filed_on
            notes.append(f"{filed} fits no summit in {', '.join(sorted(ev.body_cities))}: not the summit's date")
            return pool

        if day and day_source == "url":  # the day it was published
            pool = unless_preview([s for s in pool if self.index.distance(s, day) <= DATE_WINDOW],
                                  f"article dated {day} (url): summits more than 21 days away ruled out",
                                  f"url: date {day}")
        elif lead_day:
            source = "header" if day else "dateline"
            pool = narrow(lambda s: self.index.distance(s, lead_day) <= DATE_WINDOW,
                          f"article dated {lead_day} ({source}): summits more than 21 days away ruled out", hard=True)
        elif dateline := next((d for d in ev.lead_dates if d.day and d.month), None):
            stated = days_of_year(dateline)
            announced = [d for d in ev.coming_days if 0 < _days_ahead(stated, days_of_year(d)) <= DATE_WINDOW]
            if len(announced) == 1 and not HELD.search(ev.low):  # "Dec. 22 — the summit scheduled for Dec. 28"
                ev.preview, ev.filed_on = True, dateline
                ev.dates.append(announced[0])
                stated = days_of_year(announced[0])
                notes.append(f"dateline '{dateline.text}' comes days before '{announced[0].text}', the meeting "
                             "it announces: a preview of that meeting")
            pool = unless_preview([s for s in pool if self.index.gap(s, stated) <= DATE_WINDOW],
                                  f"dateline '{dateline.text}': summits more than 21 days from it ruled out",
                                  f"dateline '{dateline.text}'", dateline)
        for first, last, surface in ev.periods:
            pool = narrow(lambda s, a=first, b=last: a - WINDOW <= s.date <= b + WINDOW,
                          f"'{surface}' was the city's name from {first} to {last}: summits outside ruled out")
        for fmt, cue in ev.format_cues.items():
            pool = narrow(lambda s, fmt=fmt: s.format == fmt, f"'{cue}': only {fmt} summits")
        for date, when, surface in ev.other_dates:
            if when == "next":
                pool = narrow(lambda s, d=date: s.dates[-1] < d - dt.timedelta(days=1),
                              f"'{surface}' is the next summit: the one reported came before")
            else:
                pool = narrow(lambda s, d=date: self.index.distance(s, d) > 1,
                              f"'{surface}' is another summit")
        for summit_id, surface in ev.earlier_summits:
            earlier = self.reference.summits[summit_id]
            pool = narrow(lambda s, e=earlier: s.date >= e.date, f"'{surface}' ({summit_id}) came before it")
        return pool

    def _leaders(self, pool: list[Summit], ev: Evidence, parts: list[str], notes: list[str],
                 offices: list[frozenset[str]]) -> list[Summit]:
        """Drop the summits a leader named in office rules out; `offices` gets each one's summits."""
        for leader in leaders_in(parts, self.resolver, ev.about_this):
            in_office = self._office_summits(leader.people, leader.kind, leader.country)
            offices.append(in_office)
            pool = _narrow(pool, lambda s, ids=in_office: s.id in ids,
                           f"'{leader.surface}' in office: {self._terms(leader.people, leader.kind, leader.country)}",
                           notes)
        return pool

    def _office_summits(self, people: tuple[str, ...], kind: str, country: str | None) -> frozenset[str]:
        """The summits held while one of `people` held the office (kept: leaders recur)."""
        key = (people, kind, country)
        if key not in self._in_office:
            roles = [r for pid in people for r in self.reference.people[pid].roles if fits(r, kind, country)]
            self._in_office[key] = frozenset(s.id for s in self._summits if any(
                r.start <= d and (r.end is None or d <= r.end) for r in roles for d in s.dates))
        return self._in_office[key]

    @lru_cache(maxsize=1024)  # noqa: B019 (one matcher per tagger, kept as long)
    def _terms(self, people: tuple[str, ...], kind: str, country: str | None) -> str:
        terms = [f"{r.start}–{r.end or 'now'}" for pid in people for r in self.reference.people[pid].roles
                 if fits(r, kind, country)]
        return f"{kind.replace('_', ' ')} {', '.join(terms) or 'never'}"

    def _dateline_day(self, ev: Evidence, summit: Summit) -> dt.date:
        for d in ev.lead_dates:  # near the summit: the year that puts it nearest ("January 2" after
            if d.day and d.month and not d.year:  # a December summit); far (a preview): the summit's year
                if self.index.gap(summit, days_of_year(d)) <= DATE_WINDOW:
                    return d.on(summit.date) or summit.date
                return d.on(dt.date(summit.date.year, 7, 1)) or summit.date
        return summit.date


def _days_ahead(filed: set[int], coming: set[int]) -> int:
    """Days from a year-less filing day forward to a year-less meeting day, across a new year."""
    return min(((b - a) % 366 for a in filed for b in coming), default=999)


def _narrow(pool: list[Summit], keep, why: str, notes: list[str], hard: bool = False) -> list[Summit]:
    """Drop the summits the evidence contradicts, unless that would drop them all (then the
    evidence is more likely misread than every summit wrong), or `hard` says it may."""
    kept = [s for s in pool if keep(s)]
    if len(kept) == len(pool) or (not kept and not hard):
        return pool
    notes.append(why)
    return kept
