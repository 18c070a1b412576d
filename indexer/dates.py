"""Dates as copy writes them, each with what it pins down, so that a dateline's "October 10"
(no year) or "on Friday" still counts as evidence for which summit an article reports on.

Explicit forms ("1 June 2001", "June 1, 2001", "28/11/2006", "2006-11-28", "Oct. 10") are found
and read by the regexes below: they are unambiguous once the day comes first, and reading them
with the standard library keeps tagging fast (a library parse costs a millisecond, a third of
tagging a whole article). Relative phrases ("yesterday", "last week", "on Tuesday") need a
calendar and a base date; those go to `dateparser`, lazily and cached, only when asked.
Russian dates ("10 октября 2025 года", "в пятницу", "вчера") are read by `russian_dates.py` into
the same `TextDate`s, only in text with Cyrillic letters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import russian_dates

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _month_forms() -> dict[str, int]:
    """Full names and abbreviations, capitalised or in capitals: "may" in lower case is a verb."""
    forms: dict[str, int] = {}
    for number, name in enumerate(MONTH_NAMES, 1):
        for form in {name, name[:3], "Sept" if number == 9 else name[:3]}:
            forms[form] = forms[form.upper()] = number
    return forms


MONTH_FORM = _month_forms()
_MONTH = "(?:" + "|".join(
    re.escape(f) + (r"\.?" if len(f) <= 4 and f.title() not in MONTH_NAMES else "")
    for f in sorted(MONTH_FORM, key=len, reverse=True)) + r")(?![a-zA-Z])"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_SHORT_YEAR = r"[’']\d\d"  # "28 Aug.'05"
DATE_RE = re.compile(
    rf"(?=[\dA-Z])(?<![\w.-])(?:"
    rf"(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d-])"
    # a page's "18.12.2020" may come glued to its time when the layout is lost: "18.12.202015:28"
    rf"|(?P<n1>\d{{1,2}})(?P<sep>[./])(?P<n2>\d{{1,2}})(?P=sep)(?P<n_y>{_YEAR})(?:(?![\d.]\d)|(?=[0-2]?\d:[0-5]\d))"
    rf"|(?P<dm_d>{_DAY})(?:\s*[-–]\s*(?P<dm_d2>{_DAY}))?\s+(?:of\s+)?(?P<dm_m>{_MONTH})"
    rf"(?:,?\s*(?P<dm_y>{_YEAR}|{_SHORT_YEAR})(?!\d))?"
    # "October, 10." (a comma some copy puts after the month) only where the number ends a clause
    rf"|(?P<md_m>{_MONTH})(?:\s+|,[ \t]*(?={_DAY}(?:[.;)](?!\d)|,[ \t]*{_YEAR}|$)))(?P<md_d>{_DAY})(?!\d)"
    rf"(?:\s*(?:[-–]|and)\s*(?P<md_d2>{_DAY})(?!\d))?"
    rf"(?:,?\s+(?P<md_y>{_YEAR})(?!\d))?"
    rf"|(?P<my_m>{_MONTH})\s+(?P<my_y>{_YEAR})(?!\d)"
    rf"|(?P<year>{_YEAR})(?![\d-])"
    rf")"
)
RELATIVE_RE = re.compile(  # matched against lower-cased text: case-insensitive matching is slow
    rf"(?=[ytlno{''.join({w[0].lower() for w in WEEKDAYS})}\d])\b(?:(?:yesterday|today|tomorrow)\b"
    rf"|(?:last|this|next)\s+(?:week|month)\b"
    rf"|(?:(?:last|this|next|on)\s+)?(?P<weekday>{_WEEKDAY.lower()})\b|\d+\s+days?\s+ago\b)"
)


@dataclass(frozen=True)
class TextDate:
    """A date as the text states it: only the parts it names are set (a dateline's
    "October 10" has no year; "on Friday" has only a weekday; "relative" phrases need a base)."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None  # "October 24-25"
    weekday: int | None = None  # 0 = Monday
    relative: bool = False

    @property
    def date(self) -> dt.date | None:
        """The day, when the text names day, month and year."""
        return _safe_date(self.year, self.month, self.day) if self.year and self.month and self.day else None

    @property
    def precision(self) -> str:
        """day | day-month | month | year | weekday | relative"""
        if self.relative:
            return "weekday" if self.weekday is not None else "relative"
        if self.day and self.month:
            return "day" if self.year else "day-month"
        return "month" if self.month else "year"

    def days(self) -> tuple[int, ...]:
        """The day numbers a range ("24-25", "21 and 22") covers."""
        if self.day is None:
            return ()
        return tuple(range(self.day, (self.day_end or self.day) + 1)) if (self.day_end or 0) >= self.day else (
            self.day,)

    def on(self, base: dt.date) -> dt.date | None:
        """The day meant, read against the article's date: a missing year is the one that puts
        the day nearest the base; relative phrases are resolved by dateparser."""
        if self.relative:
            return resolve_relative(self.text, base)
        if self.month and self.day:
            if self.year:
                return self.date
            options = [_safe_date(base.year + k, self.month, self.day) for k in (-1, 0, 1)]
            return min((d for d in options if d), key=lambda d: abs(d - base), default=None)
        return None


def find_dates(text: str, relative: bool = True, low: str | None = None) -> list[TextDate]:
    """Every date-like span in `text`, in order: explicit dates, months, bare years and, when
    asked, relative phrases and weekdays; `low`: `lowered(text)`, if the caller has it already."""
    found = [d for d in map(_from_match, DATE_RE.finditer(text)) if d]
    if russian_dates.CYRILLIC.search(text):
        found = _with_russian(text, low or lowered(text), found, relative)
    if relative:
        taken = [(d.start, d.end) for d in found]  # in order, not overlapping: one pass checks them all
        i = 0
        for m in RELATIVE_RE.finditer(low or lowered(text)):
            while i < len(taken) and taken[i][1] <= m.start():
                i += 1
            if i < len(taken) and taken[i][0] <= m.start():
                continue
            weekday = WEEKDAYS.index(m.group("weekday").capitalize()) if m.group("weekday") else None
            found.append(TextDate(m.start(), m.end(), text[m.start():m.end()], weekday=weekday, relative=True))
        found.sort(key=lambda d: d.start)
    return found


def _with_russian(text: str, low: str, found: list[TextDate], relative: bool) -> list[TextDate]:
    """`found` with the Russian dates added; an English match inside one ("2025" of "10 октября
    2025 года") gives way to it."""
    spans = [TextDate(a, b, text[a:b], **fields) for a, b, fields in russian_dates.russian_dates(text, low)
             if relative or not fields.get("relative")]
    if not spans:
        return found
    kept = [d for d in found if not any(r.start < d.end and d.start < r.end for r in spans)]
    return sorted(kept + spans, key=lambda d: d.start)


def lowered(text: str) -> str:
    """`text` in lower case with every offset kept (the odd letter that lower-cases to two
    characters is left as it is)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _from_match(m: re.Match) -> TextDate | None:
    if m.lastgroup == "year":  # most matches are bare years: no need to look at every group
        return TextDate(m.start(), m.end(), m.group(), int(m.group()))
    g = m.groupdict()
    year = month = day = day_end = None
    if g["iso_y"]:
        year, month, day = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
    elif g["n1"]:
        first, second = int(g["n1"]), int(g["n2"])
        # day first, as the CIS writes dates; "11/28/2006" can only be month first
        day, month = (second, first) if second > 12 >= first else (first, second)
        year = int(g["n_y"])
    elif g["dm_d"]:
        day, day_end, month = _num(g["dm_d"]), _num(g["dm_d2"]), MONTH_FORM[g["dm_m"].rstrip(".")]
        year = _year(g["dm_y"])
    elif g["md_m"]:
        month, day, day_end = MONTH_FORM[g["md_m"].rstrip(".")], _num(g["md_d"]), _num(g["md_d2"])
        year = _year(g["md_y"])
    elif g["my_m"]:
        month, year = MONTH_FORM[g["my_m"].rstrip(".")], int(g["my_y"])
    else:
        year = int(g["year"])
    if day and month and _safe_date(year or 2000, month, day) is None:
        return None  # "31 February", "30.13.2001": not a date
    return TextDate(m.start(), m.end(), m.group(), year, month, day, day_end)


def _num(text: str | None) -> int | None:
    return int(re.match(r"\d+", text).group()) if text else None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if text[0] in "'’":
        short = int(text[1:])
        return 2000 + short if short < 50 else 1900 + short
    return int(text)


def _safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    try:
        return dt.date(year, month, day)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=1024)
def resolve_relative(phrase: str, base: dt.date) -> dt.date | None:
    """"yesterday", "last week", "on Tuesday" (the last Tuesday on or before the base)."""
    if russian_dates.CYRILLIC.search(phrase):
        return russian_dates.resolve(phrase, base)
    phrase = re.sub(r"^(?:on|this)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    parsed = _parser(base).get_date_data(phrase)
    return parsed.date_obj.date() if parsed and parsed.date_obj else None


@lru_cache(maxsize=64)
def _parser(base: dt.date):
    from dateparser.date import DateDataParser  # imported on first use: it takes 0.15 s to load

    settings = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past",
                "RELATIVE_BASE": dt.datetime.combine(base, dt.time())}
    return DateDataParser(languages=["en"], settings=settings)
