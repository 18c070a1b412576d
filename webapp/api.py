"""The JSON API (contract in the README). Errors are JSON too: see errors.py."""

from __future__ import annotations

from flask import Blueprint, request

from .params import search_request
from .readers import found, reader

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    return reader().search(search_request(request.args), cancelled=request.environ.get("waitress.client_disconnected"))


@bp.get("/speakers")
def speakers():
    return {"speakers": reader().speakers()}


@bp.get("/speakers/<speaker_id>")
def speaker(speaker_id: str):
    profile = found(reader().speaker(speaker_id), f"unknown speaker '{speaker_id}'")
    query = search_request(request.args, speaker=(speaker_id,), sort=request.args.get("sort") or "date")
    passages = reader().search(query, cancelled=request.environ.get("waitress.client_disconnected"))
    return {**profile, "passages": {k: passages[k] for k in ("total", "page", "per_page", "pages", "hits")}}


@bp.get("/passages/<passage_id>")
def passage(passage_id: str):
    return found(reader().passage(passage_id), f"unknown passage '{passage_id}' (it may have been removed)")


@bp.get("/articles/<article_id>")
def article(article_id: str):
    return found(reader().article(article_id), f"unknown article '{article_id}'")

