"""HTML pages. Each view: arguments -> search layer -> template."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from flask import Blueprint, Response, abort, current_app, render_template, request

from indexer.search import DEFAULT_PER_PAGE, SearchError, SearchRequest, search_url
from indexer.search.overview import overview, speakers_table
from indexer.search.request import with_kind_default

from .feeds import atom_feed
from .params import search_request
from .presenters import date_label, home_page, kind_label, present_hit, safe_link, search_page
from .readers import found, reader
from .timeline import summit_bars

bp = Blueprint("site", __name__)
SPEAKER_PAGE_PASSAGES = 20
EXPORT_COLUMNS = ("id", "date", "summit", "speakers", "mentions", "topics", "kind", "outlet", "article_id",
                  "article_title", "section", "text", "url", "source_url", "quote_id", "also_reported_by")
FEED_ENTRIES = 50


@bp.get("/")
def home():
    """The front page says what the index holds and how to start; with parameters (old links,
    the search box's own form) it is a search."""
    if request.args:
        return search()
    # built once per index generation: the examples' totals are searches
    home = reader().gen.memo("home_page", lambda: home_page(overview(reader()), _example_total))
    return render_template("home.html", home=home)


def _example_total(text: str) -> int:
    return reader().search(SearchRequest(text, kind=with_kind_default(text, ())))["total"]


@bp.get("/search")
def search():
    """With fragment=1, only the part below the search box (the no-reload script swaps it in)."""
    template = "_search_body.html" if request.args.get("fragment") else "search.html"
    try:
        query = search_request(request.args, quotes_first=True)
        result = reader().search(query, cancelled=request.environ.get("waitress.client_disconnected"))
    except SearchError as exc:
        query = SearchRequest(request.args.get("q", ""))
        return render_template(template, query=query, error=exc, page=None), 400
    instead = None
    if result["total"] == 0 and result["corrected"] and not request.args.get("verbatim"):
        # nothing found and a likely misspelling: show what the suggestion finds, and offer the
        # query as typed (Google's "Showing results for …; search instead for …")
        typed, query = query, replace(query, query=result["corrected"], page=1)
        result = reader().search(query, cancelled=request.environ.get("waitress.client_disconnected"))
        instead = {"typed": typed.query, "url": search_url({**typed.params(page=1), "verbatim": 1})}
    facts = overview(reader())
    span = {"min": facts["first_date"], "max": facts["last_date"]}
    page = search_page(result, query, request.host_url, span)
    return render_template(template, query=query, page={**page, "instead": instead}, error=None)


@bp.get("/search.atom")
def feed():
    """Atom, newest first, for following a search ("Tokayev on sanctions")."""
    query = search_request(request.args, quotes_first=True, sort="date", page=1, per_page=FEED_ENTRIES)
    result = reader().search(query)
    body = atom_feed(result, query, request.host_url, request.url)
    return Response(body, mimetype="application/atom+xml")


@bp.get("/search/export.<kind>")
def export(kind: str):
    """What the page shows (quotes first, one row per quote unless copies=all), every page of it."""
    if kind not in ("csv", "json"):
        abort(404)
    # every row, whatever page and page size the link carried
    query = search_request(request.args, quotes_first=True, page=1, per_page=DEFAULT_PER_PAGE)
    hits, truncated = [], False
    for hit in reader().export(query):
        if len(hits) >= current_app.config["MAX_EXPORT_ROWS"]:
            truncated = True
            break
        hits.append({**hit, "url": request.host_url.rstrip("/") + hit["url"]})
    headers = {"Content-Disposition": f"attachment; filename=summit-search.{kind}"}
    if kind == "json":
        body = {"query": query.query, "total": len(hits), "truncated": truncated, "hits": hits}
        response = current_app.json.response(body)
        response.headers.update(headers)
        return response
    # a byte-order mark: without it Excel reads UTF-8 as a legacy code page and garbles ’ “ and Cyrillic
    headers["Content-Type"] = "text/csv; charset=utf-8"
    return Response("\ufeff" + _csv(hits), headers=headers)


def _csv(hits: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for hit in hits:
        row = {
            **hit,
            "summit": hit["summit"]["label"] if hit["summit"] else "",
            "speakers": "; ".join(s["name"] for s in hit["speakers"]),
            "mentions": "; ".join(m["name"] for m in hit["mentions"]),
            "outlet": hit["outlet"]["label"] if hit["outlet"] else "",
            "also_reported_by": "; ".join(c["outlet"] or "" for c in hit["also_reported_by"]),
            "topics": "; ".join(t["label"] for t in hit["topics"]),
        }
        writer.writerow(_no_formula(row.get(column) or "") for column in EXPORT_COLUMNS)
    return out.getvalue()


def _no_formula(value) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; article text is untrusted."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@bp.get("/speakers")
def speakers():
    rows = [{**row, "last_date_label": date_label(row["last_date"])} for row in speakers_table(reader())]
    return render_template("speakers.html", speakers=rows)


@bp.get("/speakers/<speaker_id>")
def speaker(speaker_id: str):
    profile = found(reader().speaker(speaker_id), f"Nobody with the id '{speaker_id}' has a passage in the index.")
    row = next((r for r in speakers_table(reader()) if r["id"] == speaker_id), {})
    profile = {**profile, "role": row.get("role"), "country": row.get("country"),
               "summit_bars": summit_bars(profile["summits"])}
    recent = reader().search(SearchRequest(speaker=(speaker_id,), sort="date", per_page=SPEAKER_PAGE_PASSAGES))
    recent = {**recent, "hits": [present_hit(hit, request.host_url) for hit in recent["hits"]]}
    return render_template("speaker.html", profile=profile, recent=recent)


@bp.get("/passages/<passage_id>")
def passage(passage_id: str):
    data = found(reader().passage(passage_id), f"There is no passage '{passage_id}'. It may have been removed "
                                                "when its article was edited or deleted.")
    article = reader().article(data["article_id"], with_passages=False)
    article = {**article, "date_label": date_label(article["date"])}
    return render_template("passage.html", passage=present_hit(data, request.host_url), article=article,
                           source_link=safe_link(article["source_url"]))


@bp.get("/articles/<article_id>")
def article(article_id: str):
    data = reader().article(article_id)
    if data is None:  # just added: this thread's reader may trail the newest generation for a moment
        reader().refresh()
        data = reader().article(article_id)
    data = found(data, f"There is no article '{article_id}'.")
    data = {**data, "date_label": date_label(data["date"]),
            "passages": [{**p, "kind_label": kind_label(p)} for p in data["passages"]]}
    return render_template("article.html", article=data, source_link=safe_link(data["source_url"]))


@bp.get("/help")
def help_page():
    return render_template("help.html")
