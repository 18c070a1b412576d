"""One search as the user asked for it, and the URLs that change one thing about it.

Plain data, free of Whoosh, so views, the CLI and the templates share one notion of a request."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from .errors import SearchError
from .schema import FACET_FIELDS

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    speaker: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    summit: tuple[str, ...] = ()
    sort: str = "relevance"  # relevance | date
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    def selected(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)

    def params(self, **changes) -> dict[str, object]:
        """The request as URL parameters (for toggle and page links), with changes applied."""
        values = {"q": self.query, "speaker": list(self.speaker), "topic": list(self.topic),
                  "summit": list(self.summit), "sort": self.sort, "page": self.page, "per_page": self.per_page}
        values.update(changes)
        for name, default in (("sort", "relevance"), ("page", 1), ("per_page", DEFAULT_PER_PAGE)):
            if values.get(name) == default:
                values.pop(name)
        return {k: v for k, v in values.items() if v not in ("", [], None)}


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
        for value in request.selected(facet):
            if value not in labels.get(facet, {}):
                raise SearchError(facet, f"unknown {facet} '{value}'")
