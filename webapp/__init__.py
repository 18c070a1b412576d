"""The Flask web app: search pages and the JSON API over the index built by `indexer`.

Views stay thin: they turn request arguments into a SearchRequest, ask the search layer
(indexer.store) for plain data, and hand it to a template or to JSON.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from .readers import ReaderPool

REPO = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder=str(REPO / "templates"))
    app.config.from_mapping(
        INDEX_PATH=os.environ.get("SUMMIT_SEARCH_INDEX", "index"),
        CORPUS_PATH="corpus",
        MAX_EXPORT_ROWS=100_000,
    )
    if config:
        app.config.update(config)
    app.json.sort_keys = False  # keep the API's documented key order
    app.extensions["readers"] = ReaderPool(Path(app.config["INDEX_PATH"]))

    from . import api, errors, views

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    errors.register(app)
    return app
