"""What the HTML pages need beyond the search layer's data: links, labels and citations built in
Python, so the templates only loop and print."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from indexer.quotes import spoken_text
from indexer.search import SearchRequest, search_url
from indexer.search.reader import day_iso

from .timeline import histogram

FACET_TITLES = {"kind": "Kind", "speaker": "Speaker", "topic": "Topic", "summit": "Summit",
                "outlet": "Outlet", "lang": "Language", "year": "Year"}
FACET_TOP = 6
KIND_NOTES = {"heading": "Heading", "caption": "Photo caption"}


def search_page(result: dict, request: SearchRequest, host_url: str = "", span: dict | None = None) -> dict:
    """The search result with the links, labels and groupings the page shows. `span`: the
    index's first and last dates ({"min", "max"}, ISO) for the date boxes."""
    chips = [
        {"facet": FACET_TITLES[facet], "label": value["label"], "url": value["toggle_url"]}
        for facet in FACET_TITLES
        for value in result["facets"][facet]
        if value["selected"] and not (facet == "kind" and _default_kinds(request))
    ]
    chips += _date_chips(request)
    return {
        **result,
        "hits": [present_hit(hit, host_url) for hit in result["hits"]],
        "first_number": (request.page - 1) * request.per_page + 1,
        "chips": chips,
        "total_label": total_label(result, request),
        "grouped_label": grouped_label(result),
        "clear_url": search_url(request.params(speaker=[], topic=[], summit=[], outlet=[], lang=[], year=[], kind=[],
                                               **{"from": "", "to": ""}, page=1)),
        "corrected_url": search_url(request.params(q=result["corrected"], page=1)) if result["corrected"] else None,
        "facet_groups": [_facet_group(name, result["facets"][name]) for name in FACET_TITLES],
        "pager": pager(request, result["pages"]),
        "export": {kind: export_url(request, kind) for kind in ("csv", "json")},
        "feed_url": feed_url(request),
        "sort_links": _sort_links(request),
        "kinds_switch": _kinds_switch(result, request),
        "copies_switch": _copies_switch(result, request),
        "histogram": histogram(result["facets"], request),
        "date_range": {**_full_days(request), **(span or {})},
    }


def _default_kinds(request: SearchRequest) -> bool:
    """Quotes only because the page shows quotes first, not because the user chose it."""
    return request.quotes_first and bool(request.query.strip()) and request.kind == ("quote",)


def total_label(result: dict, request: SearchRequest) -> str:
    """What the total counts: quotes when only quotes are shown, otherwise passages."""
    total = result["total"]
    noun = "quote" if request.kind == ("quote",) else "passage"
    return f"{total:,} {noun}{'' if total == 1 else 's'}"


def grouped_label(result: dict) -> str | None:
    """Said under the total when copies from other outlets were folded into their quotes' cards."""
    copies = result.get("passages", result["total"]) - result["total"]
    if not copies:
        return None
    return f"{copies:,} more {'copy' if copies == 1 else 'copies'} from other outlets shown as “also reported by”"


def _sort_links(request: SearchRequest) -> list[dict]:
    """Browsing (no words to rank by) is always newest first: say so, rather than offer a
    "Best match" that would order nothing."""
    if not request.query.strip():
        return [{"label": "Newest first", "url": search_url(request.params(page=1)), "current": True}]
    return [{"label": label, "url": search_url(request.params(sort=sort, page=1)), "current": request.sort == sort}
            for sort, label in (("relevance", "Best match"), ("date", "Newest first"))]


def _kinds_switch(result: dict, request: SearchRequest) -> dict | None:
    """The visible quotes-only switch: a text query shows quotes first; one click shows
    narration, headings and captions too (with how many that would be)."""
    if not request.query.strip() or not request.quotes_first:
        return None
    every_kind = sum(v["count"] for v in result["facets"]["kind"])
    quotes = next((v["count"] for v in result["facets"]["kind"] if v["value"] == "quote"), 0)
    if request.kind == ("quote",):  # count: passages the other state would show (0: hide the switch)
        return {"quotes_only": True, "url": search_url(request.params(kind=[], page=1)),
                "label": "Show all passages", "count": every_kind}
    return {"quotes_only": False, "url": search_url(request.params(kind=["quote"], page=1)),
            "label": "Show quotes only", "count": quotes}


def _copies_switch(result: dict, request: SearchRequest) -> dict | None:
    """Shown when grouping changes something: one card per quote, or every outlet's copy."""
    if request.copies:
        return {"grouped": False, "url": search_url(request.params(copies="", page=1)),
                "label": "One card per quote"}
    if result.get("passages", result["total"]) == result["total"]:
        return None
    return {"grouped": True, "url": search_url(request.params(copies="all", page=1)),
            "label": "Every outlet's copy"}


def _full_days(request: SearchRequest) -> dict:
    """The range as the form's date boxes need it: whole days ("2024" from: 2024-01-01, to:
    2024-12-31), since a browser empties a date box holding anything else."""
    low, high = request.day_range() or (0, 0)
    return {"from": day_iso(low) if request.date_from else "", "to": day_iso(high) if request.date_to else ""}


def _date_chips(request: SearchRequest) -> list[dict]:
    chips = []
    for name, value, label in (("from", request.date_from, "From"), ("to", request.date_to, "To")):
        if value:
            chips.append({"facet": label, "label": value, "url": search_url(request.params(**{name: ""}, page=1))})
    return chips


def present_hit(hit: dict, host_url: str = "") -> dict:
    """A hit with its readable date, a note on its kind where that helps, and a citation."""
    return {**hit, "date_label": date_label(hit["date"]), "kind_label": kind_label(hit),
            "also_reported_by": [{**copy, "date_label": date_label(copy["date"])} for copy in hit["also_reported_by"]],
            "citation": citation(hit, host_url)}


def kind_label(hit: dict) -> str | None:
    """Quotes need no label; narration is worth naming when it credits nobody (it is then
    plainly not a quote), and headings and captions always."""
    if hit["kind"] in KIND_NOTES:
        return KIND_NOTES[hit["kind"]]
    if hit["kind"] == "narration" and not hit["speakers"]:
        return "Narration"
    return None


def citation(hit: dict, host_url: str = "") -> str:
    """A plain-text citation a journalist can paste: who, what, where it was published, when,
    at which summit, and a link (the original when known, else the permalink)."""
    who = "; ".join(s["name"] for s in hit["speakers"])
    words = " ".join((spoken_text(hit["text"]) if who else hit["text"]).split())
    parts = [f"{who}: “{words}”" if who else words]
    published = [hit["outlet"]["label"]] if hit.get("outlet") else []
    if hit.get("article_title"):
        published.append(f"“{hit['article_title']}”")
    if hit["date"]:
        published.append(date_label(hit["date"]))
    if published:
        parts.append(", ".join(published))
    if hit["summit"]:
        parts.append(hit["summit"]["label"])
    link = safe_link(hit.get("source_url")) or (host_url.rstrip("/") + hit["url"])
    cited = ""
    for part in [*parts, link]:
        if cited:  # a closing quotation mark ends a sentence by itself
            cited += " " if cited.endswith(("”", "»")) else ". "
        cited += part if part.endswith(("”", "»")) or part == link else part.rstrip(".")
    return cited


def date_label(iso: str | None) -> str | None:
    """'2023-10-13' -> '13 October 2023': the form newsrooms print."""
    if not iso:
        return None
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def _facet_group(name: str, values: list[dict]) -> dict:
    """Selected values always stay in the visible part, so they can be unticked."""
    top = [v for v in values if v["selected"]] + [v for v in values if not v["selected"]]
    if name in ("kind", "year"):  # a fixed order reads better than the selected first
        top = values
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


def feed_url(request: SearchRequest) -> str:
    params = {k: v for k, v in request.params(page=1, sort="date").items() if k not in ("sort", "per_page")}
    return "/search.atom" + ("?" + urlencode(params, doseq=True) if params else "")


def safe_link(url: str | None) -> str | None:
    """Article URLs come from user-written headers: only http(s) may become a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


EXAMPLES = (  # tried in order on the home page; only those that find something are shown
    ("Russian language", "words, stemmed"),
    ('"world order"', "an exact phrase"),
    ("Lukashenka", "any spelling of a leader's name"),
    ("sanction*", "words starting with…"),
    ("speaker:Putin security", "what one person said about a subject"),
    ("topic:security", "a topic"),
    ("cooperation NOT economy", "one word without another"),
)
HOME_EXAMPLES, HOME_SPEAKERS, HOME_SUMMITS = 5, 8, 5


def home_page(overview: dict, total_of) -> dict:
    """The front page: what the index holds, searches that work on it (with what each finds),
    who speaks most and the latest summits. `total_of(query)` counts what a query finds."""
    examples = []
    for text, label in EXAMPLES:
        total = total_of(text) if len(examples) < HOME_EXAMPLES else 0
        if total:
            examples.append({"query": text, "label": label, "total": total, "url": search_url({"q": text})})
    return {
        "stats": {**{k: overview[k] for k in ("articles", "passages", "quotes", "speakers", "summits", "outlets")},
                  "first_date_label": date_label(overview["first_date"]),
                  "last_date_label": date_label(overview["last_date"])},
        "examples": examples,
        "speakers": overview["top_speakers"][:HOME_SPEAKERS],
        "summits": overview["latest_summits"][:HOME_SUMMITS],
        "outlets": overview["outlets_list"],
    }
