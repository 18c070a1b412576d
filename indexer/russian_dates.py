"""Dates as Russian copy writes them, read into the same `TextDate`s as English ones, so that
every rule built on dates (datelines, a day with no year, "on Friday") works on Russian text.

Russian declines month names ("10 октября", "в октябре 2025 года", "октябрь"), abbreviates them
in datelines ("ДУШАНБЕ, 3 сен - РИА Новости") and writes the year with "года"/"г.". A weekday is
"в пятницу" (accusative), a relative day "сегодня"/"вчера". The forms are few and regular, so
regexes read them: dateparser's `search_dates` on a short Russian paragraph costs about 4 ms
(measured), as much as tagging a whole article, and returns no year-less days.
"""

from __future__ import annotations

import datetime as dt
import re

# stems of the month names, each with the endings of its cases (nominative, genitive,
# prepositional, dative, instrumental): "октябрь", "октября", "октябре", "октябрю", "октябрём"
_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
                "декабр")
_SOFT_ENDINGS = r"(?:ь|я|е|ю|ём|ем)"
_HARD_ENDINGS = r"(?:а|е|у|ом)?"
_MONTH_FULL = "|".join(
    f"{stem}{'(?:й|я|е|ю|ем)' if stem == 'ма' else _HARD_ENDINGS if stem in ('март', 'август') else _SOFT_ENDINGS}"
    for stem in _MONTH_STEMS)
# datelines' abbreviations ("3 сен", "28 дек.", "12 сент."); "мая" is already short
_MONTH_SHORT = "янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек"
_MONTH = rf"(?:(?:{_MONTH_FULL})|(?:{_MONTH_SHORT})\.?)(?![а-яё])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]|20)\d\d"
_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.?)(?![а-яё]))?"

# matched against lower-cased text; each branch starts with a digit, "в" or a relative word
RUSSIAN_DATE_RE = re.compile(
    rf"(?<![\w.-])(?:"
    rf"(?P<d>{_DAY})(?:\s*[-–—]\s*(?P<d2>{_DAY})|\s+и\s+(?P<d3>{_DAY}))?\s+(?P<m>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR})(?!\d){_YEAR_WORD})?"  # a web page's "11 октября, 2019" too
    rf"|(?:(?:в|во)\s+)?(?P<my_m>{_MONTH_FULL})\s+(?P<my_y>{_YEAR})(?!\d){_YEAR_WORD}"
    r"|(?:(?:в|во)\s+)(?:(?:эту|этот|это|прошлую|прошлый|прошлое)\s+)?(?P<weekday>понедельник|вторник|среду|четверг|"
    r"пятницу|субботу|воскресенье)(?![а-яё])"
    r"|(?P<relative>позавчера|вчера|сегодня|завтра)(?![а-яё])"
    r")"
)
WEEKDAY_FORMS = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
RELATIVE_DAYS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1}
CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def month_number(word: str) -> int | None:
    """The month a Russian month word or abbreviation names ("октября" -> 10, "сен." -> 9)."""
    word = word.lower().rstrip(".")
    if word in ("май", "мая", "мае", "маю", "маем"):
        return 5
    for number, stem in enumerate(_MONTH_STEMS, 1):
        if stem != "ма" and (word.startswith(stem) or (len(word) <= 4 and stem.startswith(word))):
            return number
    return None


def russian_dates(text: str, low: str):
    """(start, end, fields) for each Russian date in `text` (`low`: it lower-cased, same
    offsets); fields are TextDate's keyword arguments."""
    for m in RUSSIAN_DATE_RE.finditer(low):
        g = m.groupdict()
        if g["d"]:
            day, month = int(g["d"]), month_number(g["m"])
            day_end = int(g["d2"] or g["d3"]) if g["d2"] or g["d3"] else None
            year = int(g["y"]) if g["y"] else None
            if month is None or _invalid(year or 2000, month, day):
                continue
            fields = {"year": year, "month": month, "day": day, "day_end": day_end}
        elif g["my_m"]:
            fields = {"year": int(g["my_y"]), "month": month_number(g["my_m"])}
        elif g["weekday"]:
            fields = {"weekday": WEEKDAY_FORMS.index(g["weekday"]), "relative": True}
        else:
            fields = {"relative": True}
        yield m.start(), m.end(), fields


def resolve(phrase: str, base: dt.date) -> dt.date | None:
    """"вчера" is the day before the base; "в пятницу" the last Friday on or before it (as
    English "on Friday" is read: copy reports a summit after it, rarely before)."""
    low = phrase.lower()
    for word, shift in RELATIVE_DAYS.items():
        if word in low:
            return base + dt.timedelta(days=shift)
    for number, form in enumerate(WEEKDAY_FORMS):
        if form in low:
            return base - dt.timedelta(days=(base.weekday() - number) % 7)
    return None


def _invalid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return True
    return False
