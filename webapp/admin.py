"""The upload form: off (404) unless SUMMIT_SEARCH_ADMIN_TOKEN is set; every upload needs that
token and the form's CSRF token, is size-limited and rate-limited per client, must be a plain-text
article, and is checked exactly like `summit-search add` before anything is copied."""

from __future__ import annotations

import hmac
import secrets
import tempfile
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request, session
from flask.blueprints import BlueprintSetupState
from werkzeug.utils import secure_filename

from indexer.adding import CorpusBusy, add_articles
from indexer.reference_toml import load_reference
from indexer.report import article_json
from indexer.search import IndexBusy
from indexer.tagging import Tagger

from .security import RateLimit

bp = Blueprint("admin", __name__, url_prefix="/admin")
TEXT_SUFFIXES = (".txt", ".text", "")
MAX_STEM, MAX_SUFFIX = 80, 16  # bytes: secure_filename leaves ASCII only


@bp.record_once
def make_limits(state: BlueprintSetupState) -> None:
    config = state.app.config
    state.app.extensions["admin_limits"] = {
        "uploads": RateLimit(config["ADMIN_UPLOADS_PER_MINUTE"], 60),
        "wrong_tokens": RateLimit(config["ADMIN_WRONG_TOKENS_PER_HOUR"], 3600),
    }


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
    if refused := _over_limit():
        return refused
    if not session.get("csrf") or not _same(request.form.get("csrf", ""), session["csrf"]):
        return _page(400, "The form has expired or did not come from this site (CSRF check). Reload it and retry.")
    if not _same(request.form.get("token", ""), current_app.config["ADMIN_TOKEN"]):
        current_app.extensions["admin_limits"]["wrong_tokens"].retry_after(_client())
        return _page(403, "Wrong admin token.")
    upload = request.files.get("article")
    pasted = request.form.get("text", "")
    if (upload is None or not upload.filename) and not pasted.strip():
        return _page(400, "Choose a text file to upload (parameter 'article') or paste the article (parameter 'text').")
    if upload is not None and upload.filename and pasted.strip():
        return _page(400, "Upload a file or paste an article, not both.")
    if upload is not None and upload.filename:
        name = _short(secure_filename(upload.filename) or "article.txt")
    else:
        name = _short(secure_filename(request.form.get("name", "")) or "pasted-article")
        name = name if Path(name).suffix else name + ".txt"
    if Path(name).suffix.lower() not in TEXT_SUFFIXES:
        return _page(400, f"{name}: only plain-text articles (.txt) are accepted.")
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / name
        if upload is not None and upload.filename:
            upload.save(staged)
        else:  # a browser sends the box's line breaks as CRLF: the file gets them as typed
            staged.write_text(pasted.replace("\r\n", "\n"), encoding="utf-8")
        corpus = Path(current_app.config["CORPUS_PATH"])
        tagger = Tagger(load_reference(corpus))
        try:
            results, _ = add_articles(corpus, Path(current_app.config["INDEX_PATH"]), [staged], tagger=tagger,
                                      wait=current_app.config["ADD_WAIT_SECONDS"])
        except (IndexBusy, CorpusBusy) as exc:
            return _page(503, str(exc))
    (result,) = results
    if result.error:
        return _page(400, result.error.replace(str(staged), name))
    if result.duplicate_of:
        return _page(200, f"{name} is already in the corpus as {result.duplicate_of}; nothing changed.")
    # Stored but not yet indexed (the index stayed busy): 202, the next indexing run takes it.
    return render_template("upload.html", csrf=_csrf_token(), error=None, stored_as=result.stored_as,
                           indexed=result.indexed, result=article_json(result.article, tagger.reference),
                           article_url=f"/articles/{result.article.id}" if result.indexed else None,
                           ), 200 if result.indexed else 202


def _client() -> str:
    return request.remote_addr or "unknown"


def _over_limit():
    """Counts this upload, or answers 429 when the client must wait."""
    limits, client = current_app.extensions["admin_limits"], _client()
    # a client out of wrong guesses is refused before its next guess is even compared
    if wait := limits["wrong_tokens"].retry_after(client, take=False):
        return _too_many(wait, "Too many wrong admin tokens from your address.")
    if wait := limits["uploads"].retry_after(client):
        return _too_many(wait, f"Too many uploads from your address (at most {limits['uploads'].per_period} a minute).")
    return None


def _short(name: str) -> str:
    """The uploaded name becomes a file name: a long one is an ENAMETOOLONG (a 500) unless cut well
    under the 255-byte limit of common file systems. The suffix is kept, as it says what the file is."""
    path = Path(name)
    return path.stem[:MAX_STEM] + path.suffix[:MAX_SUFFIX]


def _same(sent: str, expected: str) -> bool:
    """Constant-time, and on bytes: compare_digest refuses non-ASCII str, which a client can send."""
    return hmac.compare_digest(sent.encode(), expected.encode())


def _page(status: int, message: str, headers: dict | None = None):
    return render_template("upload.html", csrf=_csrf_token(), result=None, error=message), status, headers or {}


def _too_many(wait: int, message: str):
    return _page(429, f"{message} Retry in {wait} seconds.", {"Retry-After": str(wait)})
