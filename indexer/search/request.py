"""One search as the user asked for it, and the URLs that change one thing about it.

Plain data, free of Whoosh, so views, the CLI and the templates share one notion of a request."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from .errors import SearchError
from .schema import FACET_FIELDS, KIND_LABELS

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10
ALL_KINDS = "all"  # kind=all: every kind of passage, where a text query would show quotes only
_KIND_FIELD = re.compile(r"(?<![\w-])kind:", re.IGNORECASE)  # the query chooses kinds itself
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    speaker: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    summit: tuple[str, ...] = ()
    sort: str = "relevance"  # relevance | date
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    kind: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    date_from: str = ""  # as typed: yyyy, yyyy-mm or yyyy-mm-dd (the first day it stands for)
    date_to: str = ""  # the same (the last day it stands for)
    copies: bool = False  # every outlet's copy of a quote, instead of one card per quote
    # the site's pages show quotes only for a text query unless a kind is chosen: links must
    # then say kind=all for "every kind", and may leave out kind=quote
    quotes_first: bool = False
    lang: tuple[str, ...] = ()  # the articles' languages, en | ru (last: positional callers keep working)

    def selected(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)

    def params(self, **changes) -> dict[str, object]:
        """The request as URL parameters (for toggle and page links), with changes applied."""
        values = {"q": self.query, "speaker": list(self.speaker), "topic": list(self.topic),
                  "summit": list(self.summit), "kind": list(self.kind), "outlet": list(self.outlet),
                  "lang": list(self.lang), "year": list(self.year), "from": self.date_from, "to": self.date_to,
                  "sort": self.sort, "page": self.page, "per_page": self.per_page,
                  "copies": "all" if self.copies else ""}
        values.update(changes)
        if self.quotes_first and str(values["q"]).strip() and not _names_kind(str(values["q"])):
            kinds = list(values["kind"] or [])
            values["kind"] = [] if kinds == ["quote"] else kinds or [ALL_KINDS]
        for name, default in (("sort", "relevance"), ("page", 1), ("per_page", DEFAULT_PER_PAGE)):
            if values.get(name) == default:
                values.pop(name)
        return {k: v for k, v in values.items() if v not in ("", [], None)}

    def day_range(self) -> tuple[int, int] | None:
        """The from/to dates as yyyymmdd numbers (inclusive), None when neither is given."""
        if not self.date_from and not self.date_to:
            return None
        low = _day(self.date_from, "from", first=True) if self.date_from else 0
        high = _day(self.date_to, "to", first=False) if self.date_to else 99_999_999
        if low > high:
            raise SearchError("from", f"the date range is impossible: from ({self.date_from}) "
                                      f"is after to ({self.date_to})")
        return low, high


def with_kind_default(query: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The kinds a page shows: quotes only for a text query that chose none (and does not name
    a kind itself); none (every kind) for kind=all."""
    chosen = tuple(k for k in kinds if k != ALL_KINDS)
    if chosen:  # the filter form always sends kind=all as a marker beside the ticked kinds
        return chosen
    if ALL_KINDS in kinds:
        return ()
    if not kinds and query.strip() and not _names_kind(query):
        return ("quote",)
    return kinds


def _names_kind(query: str) -> bool:
    return _KIND_FIELD.search(query) is not None


def _day(text: str, name: str, first: bool) -> int:
    match = _DATE.fullmatch(text.strip())
    problem = f"{name} must be a date like 2023, 2023-10 or 2023-10-13, not '{text[:40]}'"
    if not match:
        raise SearchError(name, problem)
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            value = dt.date(year, int(month), int(day))
        elif month:
            start = dt.date(year, int(month), 1)
            next_month = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            value = start if first else next_month - dt.timedelta(days=1)
        else:
            value = dt.date(year, 1, 1) if first else dt.date(year, 12, 31)
    except ValueError:
        raise SearchError(name, problem) from None
    return value.year * 10000 + value.month * 100 + value.day


def search_url(params: dict[str, object]) -> str:
    return "/search" + ("?" + urlencode(params, doseq=True) if params else "")


def validate(request: SearchRequest, labels: dict[str, dict[str, str]]) -> None:
    if request.page < 1:
        raise SearchError("page", "page must be 1 or more")
    if not 1 <= request.per_page <= MAX_PER_PAGE:
        raise SearchError("per_page", f"per_page must be between 1 and {MAX_PER_PAGE}")
    if request.sort not in ("relevance", "date"):
        raise SearchError("sort", "sort must be 'relevance' or 'date'")
    for facet in FACET_FIELDS:
        known = KIND_LABELS if facet == "kind" else labels.get(facet, {})
        for value in request.selected(facet):
            if value not in known:
                if facet == "year" and value.isdigit():
                    continue  # a year with no passage: nothing matches, not an error
                raise SearchError(facet, f"unknown {facet} '{value}'")
    request.day_range()
