"""What the HTML pages need beyond the search layer's data: links built in Python, so the
templates only loop and print."""

from __future__ import annotations

from urllib.parse import urlencode

from indexer.search import SearchRequest, search_url

FACET_TITLES = {"speaker": "Speaker", "topic": "Topic", "summit": "Summit"}
FACET_TOP = 6


def search_page(result: dict, request: SearchRequest) -> dict:
    """The search result with the links and groupings the page shows."""
    chips = [
        {"facet": FACET_TITLES[facet], "label": value["label"], "url": value["toggle_url"]}
        for facet in FACET_TITLES
        for value in result["facets"][facet]
        if value["selected"]
    ]
    return {
        **result,
        "first_number": (request.page - 1) * request.per_page + 1,
        "chips": chips,
        "clear_url": search_url(request.params(speaker=[], topic=[], summit=[], page=1)),
        "corrected_url": search_url(request.params(q=result["corrected"], page=1)) if result["corrected"] else None,
        "facet_groups": [_facet_group(name, result["facets"][name]) for name in FACET_TITLES],
        "pager": pager(request, result["pages"]),
        "export": {kind: export_url(request, kind) for kind in ("csv", "json")},
        "sort_links": [
            {"label": label, "url": search_url(request.params(sort=sort, page=1)), "current": request.sort == sort}
            for sort, label in (("relevance", "Best match"), ("date", "Newest first"))
        ],
    }


def _facet_group(name: str, values: list[dict]) -> dict:
    """Selected values always stay in the visible part, so they can be unticked."""
    top = [v for v in values if v["selected"]] + [v for v in values if not v["selected"]]
    return {"name": name, "title": FACET_TITLES[name], "top": top[:FACET_TOP], "more": top[FACET_TOP:],
            "selected": sum(v["selected"] for v in values)}


def pager(request: SearchRequest, pages: int) -> list[dict]:
    """Page links around the current page, with gaps: 1 … 4 5 [6] 7 8 … 20."""
    wanted = {1, pages, *range(request.page - 2, request.page + 3)}
    items, previous = [], 0
    for number in sorted(n for n in wanted if 1 <= n <= pages):
        if number - previous > 1:
            items.append({"gap": True})
        items.append({"number": number, "url": search_url(request.params(page=number)),
                      "current": number == request.page})
        previous = number
    return items if pages > 1 else []


def export_url(request: SearchRequest, kind: str) -> str:
    params = request.params(page=1)
    return f"/search/export.{kind}" + ("?" + urlencode(params, doseq=True) if params else "")


def safe_link(url: str | None) -> str | None:
    """Article URLs come from user-written headers: only http(s) may become a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
