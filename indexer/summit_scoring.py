"""Points for each summit the evidence speaks for: the summit's own date or day beats one two
days away, a city named in the body beats a dateline's, a year named beats a year away.

Summits are looked up from the evidence through indexes built once (by day, day of the year,
month, weekday, year, city, country), so an article costs what its evidence holds rather than
evidence times summits; a summit nothing speaks for gets no score at all. Some evidence is weak
(the regular format, a year named as the coming chairmanship's): it can tip a choice but never
make one, since a wrong summit is worse than none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from .reference import ReferenceData, Summit
from .summit_evidence import Evidence, in_lead

DATE_WINDOW = 21  # days: an article dated further from a summit is not about it
NEAR = 2  # days: a date this close may be the summit's (a day-after report, a misdated dateline)
YEAR = 400  # days: summits of a kind recur about yearly
WEAK = ("format", "plan", "month")


@dataclass
class Facts:
    """The dated evidence sorted by what it can match."""

    full: list[tuple[dt.date, str]] = field(default_factory=list)
    day_months: list[tuple[set[int], str, bool]] = field(default_factory=list)  # (days of year, text, dateline?)
    months: dict[tuple[int, int], str] = field(default_factory=dict)
    weekdays: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, ev: Evidence, lead_day: dt.date | None) -> Facts:
        facts = cls()
        for d in ev.dates:
            precision = d.precision
            if d.date:
                facts.full.append((d.date, d.text))
            elif precision == "day-month":
                if d is not ev.filed_on:  # a preview's dateline day says when it was filed, not met
                    facts.day_months.append((days_of_year(d), d.text, in_lead(d, ev.lead)))
            elif precision == "month":
                facts.months.setdefault((d.year, d.month), d.text)
            elif precision == "weekday":
                facts.weekdays.setdefault(d.weekday, d.text)
            elif precision == "relative" and lead_day and len(facts.full) < 8 and (day := d.on(lead_day)):
                facts.full.append((day, f"{d.text}' from '{lead_day}"))
        return facts


@dataclass
class Score:
    parts: dict[str, float] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)
    yearless: set[str] = field(default_factory=set)  # kinds whose points a day and month with no year gave

    def add(self, kind: str, points: float, why: str, yearless: bool = False) -> None:
        if points > self.parts.get(kind, 0):
            self.parts[kind], self.why[kind] = points, why
            (self.yearless.add if yearless else self.yearless.discard)(kind)

    @property
    def dated_only_by_day(self) -> bool:
        """Only a day and month with no year (and a weekday) speak for it: one summit in fifty
        falls within days of any date, so that alone chooses nothing."""
        return all(k in self.yearless or k in WEAK or k == "weekday" for k in self.parts)

    @property
    def total(self) -> float:
        return sum(self.parts.values())

    @property
    def strong(self) -> float:
        return sum(v for k, v in self.parts.items() if k not in WEAK)


class SummitIndex:
    """The summits by everything evidence can name about them."""

    def __init__(self, reference: ReferenceData):
        self.reference = reference
        self.summits = list(reference.summits.values())
        self.span = {s.id: (min(s.dates).toordinal(), max(s.dates).toordinal()) for s in self.summits}
        self.days = {s.id: {day_of_year(x) for x in s.dates} for s in self.summits}
        self.by_day: dict[dt.date, dict[str, int]] = defaultdict(dict)  # day -> {summit: days away}
        self.by_doy: dict[int, dict[str, int]] = defaultdict(dict)
        self.by_month, self.by_weekday, self.by_year = defaultdict(set), defaultdict(set), defaultdict(set)
        self.by_month_of_year: dict[int, set[str]] = defaultdict(set)
        self.by_city, self.by_country = defaultdict(set), defaultdict(set)
        for s in self.summits:
            for x in s.dates:
                for k in range(-NEAR, NEAR + 1):
                    for index, key in ((self.by_day, x + dt.timedelta(days=k)),
                                       (self.by_doy, (day_of_year(x) + k) % 366)):
                        index[key][s.id] = min(abs(k), index[key].get(s.id, NEAR + 1))
                self.by_month[x.year, x.month].add(s.id)
                self.by_month_of_year[x.month].add(s.id)
                self.by_weekday[x.weekday()].add(s.id)
            self.by_year[s.date.year].add(s.id)
            self.by_city[s.city].add(s.id)
            self.by_country[s.country].add(s.id)

    def distance(self, summit: Summit, day: dt.date) -> int:
        """Days from `day` to the nearest day of the summit."""
        first, last = self.span[summit.id]
        o = day.toordinal()
        return first - o if o < first else o - last if o > last else 0

    def gap(self, summit: Summit, stated: set[int]) -> int:
        """Days between a year-less day (as days of the year) and the summit, across a new year."""
        gap = 999
        for a in stated:
            for b in self.days[summit.id]:
                gap = min(gap, abs(a - b), 366 - abs(a - b))
        return gap

    def scores(self, pool: list[Summit], ev: Evidence, lead_day: dt.date | None, facts: Facts) -> dict[str, Score]:
        """Each summit in `pool` that some evidence speaks for, with its points and why."""
        in_pool = {s.id for s in pool}
        scores: dict[str, Score] = {}

        def add(ids, kind: str, points: float, why: str, yearless: bool = False) -> None:
            for sid in ids:
                if sid in in_pool:
                    (scores.get(sid) or scores.setdefault(sid, Score())).add(kind, points, why, yearless)

        for s in pool if lead_day else ():  # a preview's pool also holds summits further away
            if (distance := self.distance(s, lead_day)) > DATE_WINDOW:
                continue
            if distance <= NEAR:
                add((s.id,), "date", 6, f"article dated {lead_day}, the summit's date")
            else:
                add((s.id,), "date", 3, f"article dated {lead_day}, within 21 days")
        for day, surface in facts.full:
            for sid, gap in self.by_day.get(day, {}).items():
                add((sid,), "date", 6 - gap / 4 if gap else 6,
                    f"'{surface}' is the summit's date" if not gap else f"'{surface}' is {gap} days from the summit")
        for stated, surface, lead in facts.day_months:
            near = {}
            for doy in stated:
                for sid, gap in self.by_doy.get(doy, {}).items():
                    near[sid] = min(gap, near.get(sid, gap))
            for sid, gap in near.items():
                add((sid,), "date", 5 - gap / 4 if gap else 5, f"'{surface}' is the summit's day" if not gap
                    else f"'{surface}' is {gap} days from the summit's", yearless=True)
            for s in pool if lead else ():
                if s.id not in near and self.gap(s, stated) <= DATE_WINDOW:
                    add((s.id,), "date", 2, f"dateline '{surface}' within 21 days", yearless=True)
        for weekday, month, day, surface in ev.weekday_days:  # "во вторник, 28 декабря": which year's
            for s in pool:
                same = on(s.date.year, month, day)
                if same and same.weekday() == weekday and self.distance(s, same) <= NEAR:
                    add((s.id,), "weekday", 2, f"'{surface}' was a {same:%A} in {s.date.year}")
        for (year, month), surface in facts.months.items():
            add(self.by_month.get((year, month), ()), "year", 3, f"'{surface}' is the summit's month")
        for month, surface in ev.bare_months:  # weak: it tells apart a city's summits, never makes one
            add(self.by_month_of_year.get(month, ()), "month", 1, f"'{surface}': the summit's month, no year")
        for weekday, surface in facts.weekdays.items():
            add(self.by_weekday.get(weekday, ()), "weekday", 2, f"'{surface}': the summit's weekday")
        for year, future, surface in ev.years:
            if future:
                add(self.by_year.get(year - 1, ()), "plan", 1,
                    f"'{surface}' named as the year after (a chairmanship or plan)")
            else:
                add(self.by_year.get(year, ()), "year", 2,
                    f"'{surface}': the summit's year" if surface != str(year) else f"year {year} named")
                for other in (year - 1, year + 1):
                    add(self.by_year.get(other, ()), "year", 1, f"{year} named, a year away")
        for date, when, surface in ev.other_dates:
            if when == "next":
                add((s.id for s in pool if 1 < date.toordinal() - self.span[s.id][1] <= YEAR), "next", 1,
                    f"'{surface}' is the next summit: this one came in the year before")
        for summit_id, surface in ev.earlier_summits:  # "the previous meeting was in X": this is the one after
            ended = self.span[summit_id][1]
            add((s.id for s in pool if 1 < self.span[s.id][0] - ended <= YEAR), "next", 1,
                f"'{surface}' ({summit_id}) came before: this one came in the year after")
        for city, where in ev.city_mentions:
            if where == "dateline" and ev.preview:
                continue  # where a preview was filed
            add(self.by_city.get(city, ()), "city", 3 if where == "body" else 1, f"host city {city} named ({where})")
        for country, how in ev.host_countries.items():
            name = self.reference.countries[country].name
            add((sid for sid in self.by_country.get(country, ()) if how or self.reference.summits[sid].city),
                "country", 1, f"host country named: {name}" + (f" ('{how}')" if how else ""))
        if not ev.format_cues:
            add([sid for sid in scores if self.reference.summits[sid].format == "regular"], "format", 1,
                "no informal or video cue: a regular summit")
        return scores


def best(pool: list[Summit], scores: dict[str, Score]) -> tuple[float, list[Summit]]:
    """The top score and the summits holding it; weak evidence alone wins nothing."""
    ids = {s.id for s in pool}
    totals = {sid: score.total for sid, score in scores.items() if sid in ids and score.strong > 0}
    top = max(totals.values(), default=0)
    return top, [s for s in pool if totals.get(s.id) == top] if top > 0 else []


def days_of_year(d) -> set[int]:
    """The days of the year a year-less date ("24-25 October") names."""
    return {day_of_year(x) for n in d.days() if (x := on(2000, d.month, n))}


def day_of_year(day: dt.date) -> int:
    return (day.replace(year=2000) - dt.date(2000, 1, 1)).days


def circular(a: int, b: int) -> int:
    return min(abs(a - b), 366 - abs(a - b))


def on(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
