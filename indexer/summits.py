"""Which summit an article reports on, when its header does not say.

Copy rarely names a summit outright: it names a host city (Minsk hosted six), a dateline day
without a year, a weekday, the leaders in office, a year in passing, and often other summits too
(the next venue, the previous one). So every summit is weighed against all of that evidence:
those the evidence contradicts are dropped (a full date far away, a named president out of
office, the wrong format), the rest are scored, and only a single best one is chosen. Two left
level means none, with both named, never a guess; the evidence is returned either way so that
`inspect` can show why.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .dates import MONTH_NAMES, TextDate, find_dates, lowered
from .names import NameResolver
from .reference import ReferenceData, Role, Summit

DATE_WINDOW = dt.timedelta(days=21)
NEAR = dt.timedelta(days=2)
LEAD_PARTS = 4  # title and the first paragraphs: where datelines stand
def _low_re(pattern: str) -> re.Pattern:
    """A pattern for lower-cased text: Python's case-insensitive matching is three times slower,
    and these run over every article."""
    assert not re.search(r"\\[A-Z]", pattern)
    return re.compile(pattern.lower())


SUMMIT_CONTEXT = _low_re(r"(?=[shc])(?:summit|heads\s+of\s+state\s+council|\bcis\b|commonwealth)")
MEETING = _low_re(r"summit|meeting|session|council|\bcis\b|commonwealth|leaders|heads\s+of")
# a sentence about another summit: the next venue, the previous one, one "last May"
OTHER_SUMMIT = _low_re(
    r"\b(?:next|previous|past|again|earlier\s+(?:summit|meeting)|last\s+(?:time|year|summit|meeting|"
    rf"spring|summer|autumn|fall|winter|{'|'.join(MONTH_NAMES)}))\b")
NEXT = _low_re(r"\b(?:next|again|will\s+host|to\s+host)\b")
FUTURE = _low_re(r"\b(?:will|shall|should|next\s+year|take\s+over|to\s+chair|plans?\s+to)\b")
OTHER_BODY = re.compile(r"\b(?:EAEU|EurAsEC|Eurasian\s+Economic|SCO|Shanghai|CSTO|Collective\s+Security|BRICS|"
                        r"G-?20|G-?8|OSCE|NATO|European\s+Union|EU|Conference\s+on\s+Interaction|CICA)(?![\w-])")
CIS_BODY = _low_re(r"\bcis\b|commonwealth|heads\s+of\s+state")
INFORMAL = _low_re(
    r"informal\s+(?:(?:cis|commonwealth|of|independent|states|\(cis\))\s+){0,5}summit|informal\s+meeting\s+of\s+"
    r"(?:the\s+)?(?:cis\s+)?(?:heads|leaders|council)|informal\s+summit\s+of\s+the\s+cis")
VIDEO = _low_re(r"video\s*(?:conference|link|format)|videoconference|online\s+format")
GOVERNMENT = _low_re(
    r"(?:council|summit|meeting|session)\s+of\s+(?:the\s+)?(?:cis\s+)?(?:heads\s+of\s+government|prime\s+ministers)"
    r"|cis\s+(?:government\s+heads|heads\s+of\s+government|prime\s+ministers)")
HEADS_OF_STATE = _low_re(r"heads?\s+of\s+(?:the\s+)?(?:cis\s+)?(?:states?|the\s+cis\s+states)\b|state\s+heads")
NAMED_SUMMIT = re.compile(r"\s+(?:CIS\s+)?[Ss]ummit\b")  # "the Astana Summit in October"
OFFICE_WORD = re.compile(r"(?=[PpLHSsCcM])(?:[Pp]resident(?!s)|Prime\s+Minister|Premier|[Ll]eader(?!s)|"
                         r"Head\s+of\s+State|[Ss]ecretary|[Cc]ounterpart|Minister)")
TITLE_BEFORE = re.compile(
    r"(?<![\w-])(?P<title>President|Prime\s+Minister|Premier|[Ll]eader|Head\s+of\s+State|(?:CIS|[Ee]xecutive)\s+"
    r"[Ss]ecretary)[\s,]{1,3}$")
FORMER_BEFORE = re.compile(r"(?:former|ex-|then-?|late|previous|predecessor,?)\s*(?:\w+\s+){0,3}$", re.IGNORECASE)
TITLE_KIND = {"president": "president", "prime minister": "prime_minister", "premier": "prime_minister",
              "leader": "leader", "head of state": "president"}
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\bSt\.)(?<!\bMr\.)(?<!\b[A-Z]\.)[\"”»’]?\s+(?=[\"“«‘(\[]?[A-Z0-9])|\n")


@dataclass(frozen=True)
class SummitMatch:
    summit: Summit | None
    problem: str | None = None
    evidence: tuple[str, ...] = ()
    date: dt.date | None = None  # the article's date: header, dateline, early full date, else the summit's


@dataclass
class _Evidence:
    lead: list[tuple[int, int]]
    dates: list[TextDate] = field(default_factory=list)
    future_years: set[int] = field(default_factory=set)
    other_dates: list[tuple[dt.date, str, str]] = field(default_factory=list)  # (date, next|other, text)
    city_mentions: list[tuple[str, str]] = field(default_factory=list)  # (city, body|dateline)
    host_countries: set[str] = field(default_factory=set)
    format_cues: dict[str, str] = field(default_factory=dict)
    titled_people: list[tuple[tuple[str, ...], str, str | None, str]] = field(default_factory=list)
    earlier_summits: list[tuple[str, str]] = field(default_factory=list)
    government_meeting: str | None = None
    lead_dates: list[TextDate] = field(default_factory=list)
    about_this: Callable[[int], bool] = lambda pos: True  # is this offset in a sentence about this summit?


@dataclass
class _Facts:
    """The dated evidence sorted by what it can match, once per article rather than per summit."""

    full: list[tuple[dt.date, str]] = field(default_factory=list)
    day_months: list[tuple[set[int], str, bool]] = field(default_factory=list)  # (days of year, text, dateline?)
    months: dict[tuple[int, int], str] = field(default_factory=dict)
    years: list[tuple[int, bool]] = field(default_factory=list)  # (year, named as the future?)
    weekdays: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, ev: _Evidence, lead_day: dt.date | None) -> _Facts:
        facts = cls()
        for d in ev.dates:
            precision = d.precision
            if d.date:
                facts.full.append((d.date, d.text))
            elif precision == "day-month":
                stated = {_day_of_year(x) for n in d.days() if (x := _on(2000, d.month, n))}
                facts.day_months.append((stated, d.text, _in_lead(d, ev.lead)))
            elif precision == "month":
                facts.months.setdefault((d.year, d.month), d.text)
            elif precision == "year":
                facts.years.append((d.year, d.year in ev.future_years))
            elif precision == "weekday":
                facts.weekdays.setdefault(d.weekday, d.text)
            elif lead_day and len(facts.full) < 8 and (day := d.on(lead_day)):
                facts.full.append((day, f"{d.text}' from '{lead_day}"))
        return facts


@dataclass
class _Score:
    parts: dict[str, float] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, points: float, why: str) -> None:
        if points > self.parts.get(kind, 0):
            self.parts[kind], self.why[kind] = points, why

    @property
    def total(self) -> float:
        return sum(self.parts.values())


class SummitMatcher:
    def __init__(self, reference: ReferenceData, resolver: NameResolver | None = None):
        self.reference = reference
        self.resolver = resolver or NameResolver(reference)
        spellings = {c: c for c in {s.city for s in reference.summits.values() if s.city}}
        for city, variants in reference.city_variants.items():
            spellings.update({v: city for v in variants})
        self._city_spelling = {_fold(form): city for form, city in spellings.items()}
        city_words = "|".join(r"\s*".join(map(re.escape, c.split())) if "." in c else
                              r"\s+".join(map(re.escape, c.split())) for c in sorted(spellings, key=len, reverse=True))
        # datelines write cities in capitals ("ASTANA, 14 October (BelTA) -")
        self._city_re = re.compile(rf"(?<![\w-])(?:{city_words.lower()})(?![\w-])") if spellings else None
        self._capital_of = {d.lower(): c.capital for c in reference.countries.values() for d in c.demonyms}
        demonyms = "|".join(map(re.escape, sorted(self._capital_of, key=len, reverse=True)))
        self._capital_re = re.compile(rf"the\s+(?P<demonym>{demonyms})\s+capital\b")
        self._country_of = {_fold(n): c.id for c in reference.countries.values() for n in (c.name, *c.variants)}
        names = "|".join(re.escape(n) for n in sorted({n for c in reference.countries.values()
                                                       for n in (c.name, *c.variants)}, key=len, reverse=True))
        self._host_country_re = re.compile(rf"\bin\s+(?:the\s+)?(?P<country>{names})\b")

    def by_key(self, key: str) -> Summit | None:
        """A summit named in a header, by id or by label (case-insensitive)."""
        key = key.strip()
        if key in self.reference.summits:
            return self.reference.summits[key]
        return next((s for s in self.reference.summits.values() if s.label.lower() == key.lower()), None)

    def cities_in(self, text: str) -> set[str]:
        return {city for city, _, _ in self._cities(lowered(text))}

    def _cities(self, low: str):
        """(host city as summits.toml spells it, start, end) for each mention in lower-cased text."""
        for m in self._city_re.finditer(low) if self._city_re else ():
            yield self._city_spelling[_fold(m.group())], m.start(), m.end()
        for m in self._capital_re.finditer(low) if "capital" in low else ():
            yield self._capital_of[m.group("demonym")], m.start(), m.end()

    def infer(self, parts: list[str] | str, day: dt.date | None) -> SummitMatch:
        """`parts`: the title and the paragraphs (or one text); `day`: the header's date."""
        parts = parts.split("\n") if isinstance(parts, str) else parts
        text = "\n".join(parts)
        lead = _lead_spans(parts)
        found = find_dates(text)
        lead_dates = [d for d in found if not d.relative and _in_lead(d, lead)]
        lead_day = day or next((d.date for d in lead_dates if d.date), None)
        low = lowered(text)
        if not SUMMIT_CONTEXT.search(low):
            return SummitMatch(None, date=lead_day)
        ev = self._read(text, low, lead, found)
        ev.lead_dates = [d for d in lead_dates if d in ev.dates]  # not "the next summit, on 15 October 2021"
        lead_day = day or next((d.date for d in ev.lead_dates if d.date), None)
        if ev.government_meeting:
            return SummitMatch(None, evidence=(ev.government_meeting,), date=lead_day)
        notes: list[str] = []
        pool = list(self.reference.summits.values())
        pool = self._contradictions(pool, ev, day, lead_day, notes)
        facts = _Facts.of(ev, lead_day)
        scores = {s.id: self._score(s, ev, lead_day, facts) for s in pool}
        best, top = _best(pool, scores)
        if len(top) != 1 or scores[top[0].id].parts.get("date", 0) < 6:
            # leaders in office, unless a full date singles the summit out: reading names costs
            # more than all the rest, and a day without a year can fall on another summit's day
            pool = self._leaders(pool, ev, text, notes)
            best, top = _best(pool, scores)
        if len(top) == 1:
            summit = top[0]
            why = [*scores[summit.id].why.values(), *notes]
            return SummitMatch(summit, evidence=tuple(why), date=lead_day or self._dateline_day(ev, summit))
        if len(top) > 1:
            ids = ", ".join(s.id for s in top)
            why = [f"{ids} fit the evidence equally ({best:g} points each)", *scores[top[0].id].why.values(), *notes]
            return SummitMatch(None, f"summit is ambiguous ({ids}): add a date: or summit: header",
                               tuple(why), lead_day)
        return SummitMatch(None, evidence=tuple(notes or ["no host city, date or year points at a summit"]),
                           date=lead_day)

    # --- reading the text -------------------------------------------------------------------

    def _read(self, text: str, low: str, lead: list[tuple[int, int]], found: list[TextDate]) -> _Evidence:
        ev = _Evidence(lead)
        gov = GOVERNMENT.search(low) if "government" in low or "prime minister" in low else None
        if gov and not HEADS_OF_STATE.search(low):
            ev.government_meeting = f"'{gov.group()}': a heads-of-government meeting, not a summit"
            return ev
        bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text) + 1]
        kinds: dict[int, str] = {}

        def sentence_at(pos: int) -> tuple[str, str, str]:
            """(the sentence holding `pos`, lower-cased, and its kind), worked out only where needed."""
            i = bisect.bisect_right(bounds, pos) - 1
            a, b = bounds[i], bounds[i + 1]
            if i not in kinds:
                kinds[i] = _sentence_kind(text[a:b], low[a:b])
            return text[a:b], low[a:b], kinds[i]

        for d in found:
            _, sentence, kind = sentence_at(d.start)
            if kind != "this":
                if d.date:
                    ev.other_dates.append((d.date, "next" if NEXT.search(sentence) else "other", d.text))
            elif not (d.relative and not MEETING.search(sentence)):  # "tested positive on Monday": no
                if d.precision == "year" and FUTURE.search(sentence):
                    ev.future_years.add(d.year)
                ev.dates.append(d)
        for city, start, end in self._cities(low):
            sentence, low_sentence, kind = sentence_at(start)
            if kind == "this":
                ev.city_mentions.append((city, "dateline" if _dateline_at(text, start, lead) else "body"))
            if kind in ("this", "past") and NAMED_SUMMIT.match(text, end):
                self._earlier(city, sentence, low_sentence, ev)
        for fmt, cue, word in (("informal", INFORMAL, "informal"), ("video", VIDEO, "video")):
            m = next((m for m in cue.finditer(low) if sentence_at(m.start())[2] == "this"), None) if (
                word in low or "online" in low) else None
            if m:
                ev.format_cues[fmt] = text[m.start():m.end()]
        for m in self._host_country_re.finditer(text):
            _, low_sentence, kind = sentence_at(m.start())
            if kind == "this" and MEETING.search(low_sentence):
                ev.host_countries.add(self._country_of[_fold(m.group("country"))])
        ev.about_this = lambda pos: sentence_at(pos)[2] == "this"
        if len(ev.format_cues) > 1:
            ev.format_cues = {}  # "informal" and "video" both: neither can be trusted
        return ev

    def _titled_refs(self, text: str):
        """Name references within reach of an office word, with offsets into `text`."""
        windows: list[list[int]] = []
        for m in OFFICE_WORD.finditer(text):
            start = text.rfind(" ", 0, max(0, m.start() - 30)) + 1
            end = text.find(" ", min(len(text), m.end() + 50))
            end = len(text) if end < 0 else end
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
        # one call over the windows joined by blank lines: each call to find has a fixed cost
        joined, offsets, at = [], [], 0
        for start, end in windows:
            joined.append(text[start:end])
            offsets.append((at, start))
            at += end - start + 2
        for ref in self.resolver.find("\n\n".join(joined)):
            at, start = offsets[bisect.bisect_right(offsets, (ref.start, len(text))) - 1]
            yield replace(ref, start=ref.start - at + start, end=ref.end - at + start)

    def _earlier(self, city: str, sentence: str, low: str, ev: _Evidence) -> None:
        """"the documents adopted at the Astana Summit in October": that summit came first."""
        months = {MONTH_NAMES.index(m) + 1 for m in re.findall("|".join(MONTH_NAMES), sentence)}
        years = {d.year for d in find_dates(sentence, relative=False) if d.year}
        if not months or FUTURE.search(low):
            return
        known = [s for s in self.reference.summits.values() if s.city == city and s.date.month in months
                 and (not years or s.date.year in years)]
        if len(known) == 1:
            ev.earlier_summits.append((known[0].id, " ".join(sentence.split())[:60]))

    def _people(self, text: str, ev: _Evidence) -> None:
        """Leaders named with their office ("Kyrgyz President Atambayev", "President Medvedev").
        Names are looked for only around words for offices: reading a whole article for names
        would cost more than the rest of tagging it."""
        previous = None
        for ref in self._titled_refs(text):
            if ref.kind == "name" and ref.candidates and ev.about_this(ref.start):
                kind, country = (TITLE_KIND.get((ref.title or "").lower(), ref.title), ref.country)
                before = text[max(0, ref.start - 40):ref.start]
                if not kind and previous is not None and previous.kind == "role" and previous.title and re.fullmatch(
                        r"[\s,]{0,3}", text[previous.end:ref.start]):
                    kind, country = previous.title, None  # a role for the wrong country: the office still counts
                if not kind and (m := TITLE_BEFORE.search(before)):
                    title = " ".join(m.group("title").lower().split())
                    kind, country = TITLE_KIND.get(title, "cis_executive_secretary"), None
                start = previous.start if previous is not None and kind and ref.title is None else ref.start
                if kind and kind != "generic" and not FORMER_BEFORE.search(text[max(0, start - 40):ref.start]):
                    ev.titled_people.append((ref.candidates, kind, country, " ".join(ref.surface.split())))
            previous = ref

    # --- evidence against --------------------------------------------------------------------

    def _contradictions(self, pool, ev, day, lead_day, notes: list[str]) -> list[Summit]:
        def narrow(keep, why: str, hard: bool = False) -> list[Summit]:
            return _narrow(pool, keep, why, notes, hard)

        if lead_day:
            source = "header" if day else "dateline"
            pool = narrow(lambda s: _distance(s, lead_day) <= DATE_WINDOW,
                          f"article dated {lead_day} ({source}): summits more than 21 days away ruled out", hard=True)
        else:
            for d in ev.lead_dates:
                if d.day and d.month:
                    pool = narrow(lambda s, d=d: _day_month_distance(s, d) <= DATE_WINDOW.days,
                                  f"dateline '{d.text}': summits more than 21 days from it ruled out")
                    break
        for fmt, cue in ev.format_cues.items():
            pool = narrow(lambda s, fmt=fmt: s.format == fmt, f"'{cue}': only {fmt} summits")
        for date, when, surface in ev.other_dates:
            if when == "next":
                pool = narrow(lambda s, d=date: s.dates[-1] < d - dt.timedelta(days=1),
                              f"'{surface}' is the next summit: the one reported came before")
            else:
                pool = narrow(lambda s, d=date: _distance(s, d) > dt.timedelta(days=1),
                              f"'{surface}' is another summit")
        for summit_id, surface in ev.earlier_summits:
            earlier = self.reference.summits[summit_id]
            pool = narrow(lambda s, e=earlier: s.date >= e.date, f"'{surface}' ({summit_id}) came before it")
        return pool

    def _leaders(self, pool: list[Summit], ev: _Evidence, text: str, notes: list[str]) -> list[Summit]:
        self._people(text, ev)
        for person, kind, country, surface in ev.titled_people:
            roles = [r for pid in person for r in self.reference.people[pid].roles if _fits(r, kind, country)]
            pool = _narrow(pool, lambda s, roles=roles: any(_in_office(r, s) for r in roles),
                           f"'{surface}' in office: {self._terms(person, kind, country)}", notes)
        return pool

    def _terms(self, people: tuple[str, ...], kind: str, country: str | None) -> str:
        terms = [f"{r.start}–{r.end or 'now'}" for pid in people for r in self.reference.people[pid].roles
                 if _fits(r, kind, country)]
        return f"{kind.replace('_', ' ')} {', '.join(terms) or 'never'}"

    # --- evidence for ------------------------------------------------------------------------

    def _score(self, summit: Summit, ev: _Evidence, lead_day: dt.date | None, facts: _Facts) -> _Score:
        score = _Score()
        if lead_day and _distance(summit, lead_day) <= NEAR:
            score.add("date", 6, f"article dated {lead_day}, the summit's date")
        elif lead_day:
            score.add("date", 3, f"article dated {lead_day}, within 21 days")
        for day, surface in facts.full:
            if _distance(summit, day) <= NEAR:
                score.add("date", 6, f"'{surface}' is the summit's date")
        days = {_day_of_year(x) for x in summit.dates}
        for stated, surface, in_lead in facts.day_months:
            gap = min(_circular(a, b) for a in stated for b in days)
            if gap <= NEAR.days:
                score.add("date", 5, f"'{surface}' is the summit's day")
            elif in_lead and gap <= DATE_WINDOW.days:
                score.add("date", 2, f"dateline '{surface}' within 21 days")
        for x in summit.dates:
            if (x.year, x.month) in facts.months:
                score.add("year", 3, f"'{facts.months[x.year, x.month]}' is the summit's month")
            if x.weekday() in facts.weekdays:
                score.add("weekday", 2, f"'{facts.weekdays[x.weekday()]}': the summit's weekday")
        for year, future in facts.years:
            if future and summit.date.year == year - 1:
                score.add("year", 2, f"{year} named as the year after (a chairmanship or plan)")
            elif not future and summit.date.year == year:
                score.add("year", 2, f"year {year} named")
            elif abs(summit.date.year - year) == 1:
                score.add("year", 1, f"{year} named, a year away")
        for city, where in ev.city_mentions:
            if city == summit.city:
                score.add("city", 3 if where == "body" else 1, f"host city {city} named ({where})")
        if summit.country in ev.host_countries and summit.city:
            score.add("country", 1, f"host country named: {self.reference.countries[summit.country].name}")
        if not ev.format_cues and summit.format == "regular":
            score.add("format", 1, "no informal or video cue: a regular summit")
        return score

    def _dateline_day(self, ev, summit: Summit) -> dt.date:
        for d in ev.dates:
            if d.day and d.month and not d.year and _in_lead(d, ev.lead) and _day_month_distance(summit, d) <= 21:
                return d.on(summit.date) or summit.date
        return summit.date


def _narrow(pool: list[Summit], keep, why: str, notes: list[str], hard: bool = False) -> list[Summit]:
    """Drop the summits the evidence contradicts, unless that would drop them all (then the
    evidence is more likely misread than every summit wrong), or `hard` says it may."""
    kept = [s for s in pool if keep(s)]
    if len(kept) == len(pool) or (not kept and not hard):
        return pool
    notes.append(why)
    return kept


def _best(pool: list[Summit], scores: dict[str, _Score]) -> tuple[float, list[Summit]]:
    """The top score and the summits holding it; a regular-format bonus alone wins nothing."""
    best = max((scores[s.id].total for s in pool), default=0)
    return best, [s for s in pool if best > 0 and scores[s.id].total == best
                  and scores[s.id].total - scores[s.id].parts.get("format", 0) > 0]


def _lead_spans(parts: list[str]) -> list[tuple[int, int]]:
    """Where a dateline may stand: a short line near the top whole, else a paragraph's opening."""
    spans, offset = [], 0
    for part in parts[:LEAD_PARTS]:
        spans.append((offset, offset + (len(part) if len(part) < 200 else 60)))
        offset += len(part) + 1
    return spans


def _in_lead(d: TextDate, lead) -> bool:
    return any(s <= d.start and d.end <= e for s, e in lead)


def _distance(summit: Summit, day: dt.date) -> dt.timedelta:
    return min(abs(d - day) for d in summit.dates)


def _near(summit: Summit, day: dt.date | None) -> bool:
    return day is not None and _distance(summit, day) <= NEAR


def _day_of_year(day: dt.date) -> int:
    return (day.replace(year=2000) - dt.date(2000, 1, 1)).days if not (day.month == 2 and day.day == 29) else 59


def _circular(a: int, b: int) -> int:
    return min(abs(a - b), 366 - abs(a - b))


def _day_month_distance(summit: Summit, d: TextDate) -> int:
    """Days between a year-less day and the summit, across a new year if need be."""
    return min(abs((day - candidate).days) for day in summit.dates for n in d.days()
               for candidate in (_on(day.year + k, d.month, n) for k in (-1, 0, 1)) if candidate)


def _on(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _fits(role: Role, kind: str, country: str | None) -> bool:
    if country and role.country != country:
        return False
    return {"president": role.is_head_of_state, "leader": role.leader,
            "prime_minister": role.kind == "prime_minister"}.get(kind, role.kind == kind)


def _in_office(role: Role, summit: Summit) -> bool:
    return any(role.start <= d and (role.end is None or d <= role.end) for d in summit.dates)


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def _sentence_kind(sentence: str, low: str) -> str:
    """this (about the summit reported), past/next (about another summit), or other (another body's)."""
    if OTHER_SUMMIT.search(low):
        return "next" if NEXT.search(low) else "past"
    if OTHER_BODY.search(sentence) and not CIS_BODY.search(low):
        return "other"
    return "this"


def _dateline_at(text: str, start: int, lead) -> bool:
    """A city at the head of a paragraph near the top ("MOSCOW, October 23 (TASS) -") is where the
    reporter filed from, which is often not the venue."""
    line_start = text.rfind("\n", 0, start) + 1
    return any(s <= start < e for s, e in lead) and (start - line_start < 40 or bool(
        re.match(r"[^.\n]{0,40}\d", text[line_start:start])))
