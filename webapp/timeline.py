"""When things were said, as bars: the search page's histogram of matching passages per year
(or per summit, when they all fall in one year), and a speaker's passages per summit. Plain
numbers for a server-drawn SVG (templates/_histogram.html): no chart library, nothing from a CDN."""

from __future__ import annotations

from indexer.search import SearchRequest


def histogram(facets: dict, request: SearchRequest) -> dict | None:
    """Bars from the facet counts the page already has (counts that ignore the facet's own
    selection, so every bar stays clickable); a bar's link toggles that year or summit."""
    noun = "quotes" if request.kind == ("quote",) else "passages"
    years = sorted(facets.get("year", []), key=lambda v: v["value"])
    if len(years) >= 2 or request.year:
        return _chart(f"Matching {noun} per year", years, "year", noun)
    summits = sorted(facets.get("summit", []), key=lambda v: v["value"])  # ids start with the year
    if len(summits) >= 2 or request.summit:
        return _chart(f"Matching {noun} per summit", summits, "summit", noun)
    return _chart(f"Matching {noun} per year", years, "year", noun) if years else None


def summit_bars(summits: list[dict]) -> dict | None:
    """A speaker's passages per summit, oldest first (summit ids start with their year)."""
    values = [{"value": s["id"], "label": s["label"], "count": s["count"], "selected": False,
               "toggle_url": s["url"]} for s in sorted(summits, key=lambda s: s["id"])]
    return _chart("Passages per summit", values, "summit") if values else None


def _chart(title: str, values: list[dict], unit: str, noun: str = "passages") -> dict:
    most = max((v["count"] for v in values), default=0) or 1
    bars = [{
        "label": v["label"], "count": v["count"], "url": v["toggle_url"], "selected": v["selected"],
        "height": max(2, round(100 * v["count"] / most)) if v["count"] else 0,
        "name": f"{v['label']}: {v['count']:,} {noun[:-1] if v['count'] == 1 else noun}"
                + ("; selected, click to remove the filter" if v["selected"] else f"; click to filter to this {unit}"),
    } for v in values]
    return {"title": title, "unit": unit, "bars": bars, "max": most}
