"""The `kind:` and `date:` values of a query, checked before Whoosh reads them (and a field
name typed with no value, `speaker:`, left out).

Whoosh answers a value it cannot use with silence: `kind:xyz` is a term no passage holds,
`date:abc` a query matching nothing, `date:[2025 to 2023]` a range nothing falls in, and
`date:[abc to 2023]` an error that sends the whole query to the plain-words fallback. Each of
these is named here in a notice instead. A date Whoosh cannot read is left out (the rest of
the query still runs, and the notice says so); an impossible range and an unknown kind are
kept, so the answer is the nothing they ask for, with the reason beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KINDS = ("quote", "narration", "heading", "caption")
DATE_HELP = "date: takes a year, a month or a day (2023, 2023-10, 2023-10-13) or a range (date:[2023 to 2024])"

_KIND = re.compile(r'(?<![\w-])kind:(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s()"]+))')
_DATE = re.compile(r'(?<![\w-])date:(?:(?P<range>[\[{][^\]}]*[\]}])|"(?P<quoted>[^"]*)"|(?P<bare>[^\s()"]+))')
_EMPTY = re.compile(r'(?<![\w-])(?P<field>speaker|mention|topic|summit|kind|date|outlet|lang):(?=[\s)]|$)')
_TO = re.compile(r"\s*\bto\b\s*", re.IGNORECASE)


@dataclass(frozen=True)
class CheckedFields:
    text: str  # the query with kinds spelt as the index holds them and unreadable dates left out
    notices: list[str] = field(default_factory=list)


def check_fields(text: str, date_field) -> CheckedFields:
    """`date_field`: the schema's DATETIME field, whose own date reading decides what is a date."""
    notices: list[str] = []
    text = _EMPTY.sub(lambda m: _empty(m, notices), text)
    text = _KIND.sub(lambda m: _kind(m, notices), text)
    text = _DATE.sub(lambda m: _date(m, date_field, notices), text)
    return CheckedFields(" ".join(text.split()) if notices else text, notices)


def _empty(match: re.Match, notices: list[str]) -> str:
    notices.append(f"{match.group()} has nothing after it, so it was left out.")
    return ""


def _kind(match: re.Match, notices: list[str]) -> str:
    value = match.group("quoted") if match.group("quoted") is not None else match.group("bare")
    folded = value.strip().lower()
    kind = folded if folded in KINDS else folded[:-1] if folded.endswith("s") and folded[:-1] in KINDS else None
    if kind:
        return f"kind:{kind}"  # "kind:Quotes" means what "kind:quote" does
    notices.append(f"No passage is of kind '{value}': kind: takes {', '.join(KINDS[:-1])} or {KINDS[-1]}.")
    return match.group()


def _date(match: re.Match, date_field, notices: list[str]) -> str:
    typed = match.group()
    if match.group("range") is not None:
        inside = match.group("range")[1:-1]
        sides = _TO.split(inside.strip(), maxsplit=1)
        if len(sides) != 2:
            notices.append(f"{typed} is not a date range, so it was left out: {DATE_HELP}.")
            return ""
        start, end = (_read(side, date_field) if side else None for side in sides)
        if any(side and day is None for side, day in zip(sides, (start, end), strict=True)):
            notices.append(f"{typed} is not a date range, so it was left out: {DATE_HELP}.")
            return ""
        if start is not None and end is not None and start.floor() > end.ceil():
            notices.append(f"{typed} is an impossible range: the start is after the end.")
        return typed
    value = match.group("quoted") if match.group("quoted") is not None else match.group("bare")
    if _read(value, date_field) is None:
        notices.append(f"{typed} is not a date, so it was left out: {DATE_HELP}.")
        return ""
    return typed


def _read(value: str, date_field):
    """The date Whoosh reads `value` as (an adatetime), or None when it reads none."""
    try:
        return date_field._parse_datestring(value.strip())
    except Exception:  # Whoosh raises assorted errors (ValueError, bare Exception) on junk
        return None
