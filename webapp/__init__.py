"""The Flask web app: search pages and the JSON API over the index built by `indexer`.

Views stay thin: they turn request arguments into a SearchRequest, ask the search layer
(indexer.search) for plain data, and hand it to a template or to JSON.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

from .fairness import SearchesPerClient
from .readers import ReaderPool

REPO = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder=str(REPO / "templates"))
    app.config.from_mapping(
        INDEX_PATH=os.environ.get("SUMMIT_SEARCH_INDEX", "index"),
        CORPUS_PATH="corpus",
        MAX_EXPORT_ROWS=100_000,
        ADMIN_TOKEN=os.environ.get("SUMMIT_SEARCH_ADMIN_TOKEN", ""),  # empty: no upload route
        SECRET_KEY=os.environ.get("SUMMIT_SEARCH_SECRET_KEY") or secrets.token_hex(32),
        MAX_CONTENT_LENGTH=5 * 1024 * 1024 + 64 * 1024,  # an article of 5 MiB plus the form around it
        # per client address: uploads of any outcome, and wrong tokens (to slow guessing the token)
        ADMIN_UPLOADS_PER_MINUTE=int(os.environ.get("SUMMIT_SEARCH_ADMIN_UPLOADS_PER_MINUTE", 10)),
        ADMIN_WRONG_TOKENS_PER_HOUR=int(os.environ.get("SUMMIT_SEARCH_ADMIN_WRONG_TOKENS_PER_HOUR", 10)),
        ADD_WAIT_SECONDS=30.0,  # an upload waits this long for a running index run, then is stored unindexed
        # searches one client address may run at once (webapp/fairness.py); 0: no limit
        SEARCHES_PER_CLIENT_AT_ONCE=int(os.environ.get("SUMMIT_SEARCH_SEARCHES_PER_CLIENT", 3)),
    )
    if config:
        app.config.update(config)
    app.json.sort_keys = False  # keep the API's documented key order
    app.extensions["readers"] = ReaderPool(Path(app.config["INDEX_PATH"]))

    from . import admin, api, errors, health, security, views

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(health.bp)
    errors.register(app)
    security.register(app)
    app.wsgi_app = SearchesPerClient(app.wsgi_app, app.config["SEARCHES_PER_CLIENT_AT_ONCE"])
    return app
