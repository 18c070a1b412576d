"""The upload form: off (404) unless SUMMIT_SEARCH_ADMIN_TOKEN is set; every upload needs that
token and the form's CSRF token, is size-limited, must be a plain-text article, and is checked
exactly like `summit-search add` before anything is copied."""

from __future__ import annotations

import hmac
import secrets
import tempfile
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request, session
from werkzeug.utils import secure_filename

from indexer.build import add_articles
from indexer.reference import load_reference
from indexer.report import article_json
from indexer.search import IndexBusy
from indexer.tagging import Tagger

bp = Blueprint("admin", __name__, url_prefix="/admin")
TEXT_SUFFIXES = (".txt", ".text", "")


@bp.before_request
def only_when_configured():
    if not current_app.config.get("ADMIN_TOKEN"):
        abort(404)


def _csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


@bp.get("/upload")
def upload_form():
    return render_template("upload.html", csrf=_csrf_token(), result=None, error=None)


@bp.post("/upload")
def upload():
    sent_csrf, expected_csrf = request.form.get("csrf", ""), session.get("csrf", "")
    if not expected_csrf or not hmac.compare_digest(sent_csrf, expected_csrf):
        return _page(400, "The form has expired or did not come from this site (CSRF check). Reload it and retry.")
    if not hmac.compare_digest(request.form.get("token", ""), current_app.config["ADMIN_TOKEN"]):
        return _page(403, "Wrong admin token.")
    upload = request.files.get("article")
    if upload is None or not upload.filename:
        return _page(400, "Choose a text file to upload (parameter 'article').")
    name = secure_filename(upload.filename) or "article.txt"
    if Path(name).suffix.lower() not in TEXT_SUFFIXES:
        return _page(400, f"{name}: only plain-text articles (.txt) are accepted.")
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / name
        upload.save(staged)
        corpus = Path(current_app.config["CORPUS_PATH"])
        tagger = Tagger(load_reference(corpus))
        try:
            results, _ = add_articles(corpus, Path(current_app.config["INDEX_PATH"]), [staged], tagger=tagger)
        except IndexBusy as exc:
            return _page(503, str(exc))
    (result,) = results
    if result.error:
        return _page(400, result.error.replace(str(staged), name))
    if result.duplicate_of:
        return _page(200, f"{name} is already in the corpus as {result.duplicate_of}; nothing changed.")
    return render_template("upload.html", csrf=_csrf_token(), error=None, stored_as=result.stored_as,
                           result=article_json(result.article, tagger.reference))


def _page(status: int, message: str):
    return render_template("upload.html", csrf=_csrf_token(), result=None, error=message), status
