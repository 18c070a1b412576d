"""The JSON API (contract in the README). Errors are JSON too: see errors.py."""

from __future__ import annotations

from flask import Blueprint, abort, request

from .params import search_request
from .readers import reader

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    return reader().search(search_request(request.args))


@bp.get("/speakers")
def speakers():
    return {"speakers": reader().speakers()}


@bp.get("/speakers/<speaker_id>")
def speaker(speaker_id: str):
    profile = reader().speaker(speaker_id)
    if profile is None:
        abort(404, description=f"unknown speaker '{speaker_id}'")
    query = search_request(request.args, speaker=(speaker_id,), sort=request.args.get("sort") or "date")
    passages = reader().search(query)
    return {**profile, "passages": {k: passages[k] for k in ("total", "page", "per_page", "pages", "hits")}}


@bp.get("/passages/<passage_id>")
def passage(passage_id: str):
    data = reader().passage(passage_id)
    if data is None:
        abort(404, description=f"unknown passage '{passage_id}' (it may have been removed)")
    return data


@bp.get("/articles/<article_id>")
def article(article_id: str):
    data = reader().article(article_id)
    if data is None:
        abort(404, description=f"unknown article '{article_id}'")
    return data

