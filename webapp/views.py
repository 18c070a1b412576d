"""HTML pages. Each view: arguments -> search layer -> template."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, current_app, render_template, request

from indexer.search import SearchError, SearchRequest

from .params import search_request
from .presenters import safe_link, search_page
from .readers import found, reader

bp = Blueprint("site", __name__)
SPEAKER_PAGE_PASSAGES = 20
EXPORT_COLUMNS = ("id", "date", "summit", "speakers", "topics", "kind", "article_id", "article_title",
                  "section", "text", "url")


@bp.get("/")
@bp.get("/search")
def search():
    try:
        query = search_request(request.args)
        result = reader().search(query, cancelled=request.environ.get("waitress.client_disconnected"))
    except SearchError as exc:
        query = SearchRequest(request.args.get("q", ""))
        return render_template("search.html", query=query, error=exc, page=None), 400
    return render_template("search.html", query=query, page=search_page(result, query), error=None)


@bp.get("/search/export.<kind>")
def export(kind: str):
    if kind not in ("csv", "json"):
        abort(404)
    query = search_request(request.args, page=1)
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
    return Response(_csv(hits), mimetype="text/csv", headers=headers)


def _csv(hits: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for hit in hits:
        row = {
            **hit,
            "summit": hit["summit"]["label"] if hit["summit"] else "",
            "speakers": "; ".join(s["name"] for s in hit["speakers"]),
            "topics": "; ".join(t["label"] for t in hit["topics"]),
        }
        writer.writerow(_no_formula(row.get(column) or "") for column in EXPORT_COLUMNS)
    return out.getvalue()


def _no_formula(value) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; article text is untrusted."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@bp.get("/speakers")
def speakers():
    return render_template("speakers.html", speakers=reader().speakers())


@bp.get("/speakers/<speaker_id>")
def speaker(speaker_id: str):
    profile = found(reader().speaker(speaker_id), f"Nobody with the id '{speaker_id}' has a passage in the index.")
    recent = reader().search(SearchRequest(speaker=(speaker_id,), sort="date", per_page=SPEAKER_PAGE_PASSAGES))
    return render_template("speaker.html", profile=profile, recent=recent)


@bp.get("/passages/<passage_id>")
def passage(passage_id: str):
    data = found(reader().passage(passage_id), f"There is no passage '{passage_id}'. It may have been removed "
                                                "when its article was edited or deleted.")
    article = reader().article(data["article_id"], with_passages=False)
    return render_template("passage.html", passage=data, article=article, source_link=safe_link(article["source_url"]))


@bp.get("/articles/<article_id>")
def article(article_id: str):
    data = found(reader().article(article_id), f"There is no article '{article_id}'.")
    return render_template("article.html", article=data, source_link=safe_link(data["source_url"]))


@bp.get("/help")
def help_page():
    return render_template("help.html")
