"""The Atom feed of any search, newest first, so a reader can follow "Tokayev on sanctions" in
a feed reader. feedgen writes the XML (escaping, required elements, dates in RFC 3339)."""

from __future__ import annotations

import datetime as dt
import re

from feedgen.feed import FeedGenerator

from indexer.search import SearchRequest, search_url

from .presenters import citation

TITLE_WORDS = 12
# XML 1.0 cannot carry these (lxml refuses them): a form feed from a PDF, a NUL typed in a URL
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(" ", text)


def atom_feed(result: dict, request: SearchRequest, host_url: str, self_url: str) -> bytes:
    host = host_url.rstrip("/")
    page_url = host + search_url({k: v for k, v in request.params(page=1).items() if k != "per_page"})
    feed = FeedGenerator()
    feed.id(_xml(page_url))
    feed.title(_xml(f"summit-search: {_described(request)}"))
    feed.subtitle("What leaders said at CIS summits, newest first.")
    feed.link(href=_xml(page_url), rel="alternate", type="text/html")
    feed.link(href=_xml(self_url), rel="self", type="application/atom+xml")
    feed.author({"name": "summit-search"})
    feed.language("en")
    dates = [_when(hit["date"]) for hit in result["hits"] if hit["date"]]
    feed.updated(max(dates, default=dt.datetime(1991, 12, 8, tzinfo=dt.UTC)))
    for hit in result["hits"]:
        entry = feed.add_entry(order="append")
        entry.id(host + hit["url"])
        entry.title(_xml(_title(hit)))
        entry.link(href=host + hit["url"], rel="alternate", type="text/html")
        when = _when(hit["date"]) if hit["date"] else dt.datetime(1991, 12, 8, tzinfo=dt.UTC)
        entry.updated(when)
        entry.published(when)
        for speaker in hit["speakers"]:
            entry.author({"name": _xml(speaker["name"])})
        if not hit["speakers"]:
            entry.author({"name": _xml(hit["outlet"]["label"]) if hit.get("outlet") else "unknown"})
        entry.summary(_xml(citation(hit, host)))
        entry.content(_xml(hit["text"]), type="text")
        for topic in hit["topics"]:
            entry.category(term=topic["id"], label=_xml(topic["label"]))
    return feed.atom_str(pretty=True)


def _described(request: SearchRequest) -> str:
    parts = [f"“{request.query}”"] if request.query.strip() else []
    for facet in ("speaker", "topic", "summit", "outlet", "lang", "year"):
        parts += [f"{facet} {value}" for value in request.selected(facet)]
    return ", ".join(parts) or "everything"


def _title(hit: dict) -> str:
    who = ", ".join(s["name"] for s in hit["speakers"])
    words = hit["text"].split()
    text = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    return f"{who}: {text}" if who else text


def _when(iso: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(iso), dt.time(), tzinfo=dt.UTC)
