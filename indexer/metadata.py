"""The optional metadata header (`title:`, `date:`, `lang:` …) and the dates it may carry."""

from __future__ import annotations

import datetime as dt
import re

from .errors import shown
from .paragraphs import lines_with_offsets

METADATA_KEYS = ("title", "date", "source", "url", "summit", "language", "lang")
# keys taken as another's: `lang: ru` is how most people write `language: ru`
METADATA_ALIASES = {"lang": "language"}
# No article about the CIS can be dated before the CIS existed (the Belovezha Accords)
EARLIEST_DATE = dt.date(1991, 12, 8)

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*)[ \t]*:[ \t]*(.*?)\s*$")
_GLUED_DATE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)


def parse_header(text: str) -> tuple[dict[str, str], int, list[str]]:
    """Return (metadata, offset where the body starts, notes).

    A header is the leading run of `key: value` lines, optionally fenced by `---`, ended by a
    blank line; it counts only if it has at least one known key, so that a transcript opening
    with "Putin: Colleagues," is not mistaken for one. Without a header, a leading
    `date YYYY-MM-DD` glued to the first sentence (as in the seed articles) is taken as the date.
    Either date is dropped, with a note, when no article about the CIS can bear it.
    """
    lines = lines_with_offsets(text)
    index = 0
    while index < len(lines) and not lines[index][0].strip():
        index += 1
    fenced = index < len(lines) and lines[index][0].strip() == "---"
    if fenced:
        index += 1
    pairs: list[tuple[str, str]] = []
    end = index
    while end < len(lines):
        line = lines[end][0]
        if not line.strip() or (fenced and line.strip() == "---"):
            break
        match = _HEADER_LINE.match(line.strip())
        if not match:
            pairs = []
            break
        pairs.append((match.group(1).lower(), match.group(2)))
        end += 1
    if pairs and any(key in METADATA_KEYS for key, _ in pairs):
        if fenced and end < len(lines) and lines[end][0].strip() == "---":
            end += 1
        body_start = lines[end][1] if end < len(lines) else len(text)
        metadata, notes = _metadata_from_pairs(pairs)
        return metadata, body_start, notes + _drop_implausible_date(metadata)
    match = _GLUED_DATE.match(text)
    if match:
        metadata = {"date": match.group(1)}
        return metadata, match.end(), _drop_implausible_date(metadata)
    return {}, 0, []


def _metadata_from_pairs(pairs: list[tuple[str, str]]) -> tuple[dict[str, str], list[str]]:
    """A key given twice keeps its first value, and the user is told which one won: silently
    taking either would index the article under a date or summit nobody checked. An empty
    value counts as not given, as before."""
    values: dict[str, list[str]] = {}
    notes: list[str] = []
    for key, value in pairs:
        if key not in METADATA_KEYS:
            note = f"unknown metadata key '{key}' ignored (known: {', '.join(METADATA_KEYS)})"
            if note not in notes:
                notes.append(note)
        elif value:
            values.setdefault(METADATA_ALIASES.get(key, key), []).append(value)
    for key, given in values.items():
        if len(given) > 1:
            times = "twice" if len(given) == 2 else f"{len(given)} times"
            others = ", ".join(shown(v, 60) for v in given[1:])
            notes.append(f"header: '{key}' is given {times}; the first value ({shown(given[0], 60)}) "
                         f"was used, not {others}")
    return {key: given[0] for key, given in values.items()}, notes


def parse_date(value: str) -> dt.date | None:
    """Metadata dates are ISO (2023-10-13); anything else is reported, not guessed."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def implausible_date(day: dt.date, today: dt.date | None = None) -> str | None:
    """Why `day` cannot be an article's date, or None. 0001-01-01 and 9999-12-31 are valid ISO
    but typos or probes; taken as the date they would pick the wrong summit and sort first or
    last in every date-ordered list. A year of slack allows for announced future summits."""
    today = today or dt.date.today()
    if day < EARLIEST_DATE:
        return f"is before {EARLIEST_DATE.isoformat()}, when the CIS was founded"
    latest = today + dt.timedelta(days=366)
    if day > latest:
        return f"is more than a year after today ({today.isoformat()})"
    return None


def _drop_implausible_date(metadata: dict[str, str]) -> list[str]:
    """Drop an implausible date from `metadata` (the article is still indexed, dated from its
    text or summit instead). A date that is not ISO at all is left for the tagger to report."""
    raw = metadata.get("date")
    day = parse_date(raw) if raw else None
    reason = implausible_date(day) if day else None
    if reason is None:
        return []
    del metadata["date"]
    return [f"date '{raw}' {reason}: ignored"]
