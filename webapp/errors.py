"""Errors as JSON under /api and as pages elsewhere; bad input is 400, never 500."""

from __future__ import annotations

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.search import IndexMissing, SearchBusy, SearchError


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def register(app: Flask) -> None:
    @app.errorhandler(SearchError)
    def bad_parameter(exc: SearchError):
        if _wants_json():
            return {"error": str(exc), "parameter": exc.param}, 400
        return render_template("error.html", status=400, title="Bad request", message=str(exc)), 400

    @app.errorhandler(IndexMissing)
    def no_index(exc: IndexMissing):
        message = "The search index is not built yet. Run `summit-search index`, then reload."
        app.logger.error("%s", exc)
        if _wants_json():
            return {"error": message}, 503
        return render_template("error.html", status=503, title="Index not ready", message=message), 503

    @app.errorhandler(SearchBusy)
    def busy(exc: SearchBusy):
        headers = {"Retry-After": "2"}
        if _wants_json():
            return {"error": str(exc)}, 503, headers
        return render_template("error.html", status=503, title="Busy", message=str(exc)), 503, headers

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if _wants_json():
            return {"error": exc.description}, exc.code
        return render_template("error.html", status=exc.code, title=exc.name, message=exc.description), exc.code
