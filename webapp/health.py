"""`GET /healthz`: for a load balancer or a deploy script to ask one worker whether it can answer
from the index, and which generation it sees (so a rollout can wait until every worker has a
commit). It opens or refreshes the answering thread's reader, as a search would, so "ok" means a
search would find this index; `pid` tells which worker answered."""

from __future__ import annotations

import os
import time

from flask import Blueprint

from indexer.search import IndexMissing

from .readers import reader

bp = Blueprint("health", __name__)

_started = time.monotonic()


def _restart_clock() -> None:
    """A forked worker's uptime is its own, not its parent's."""
    global _started
    _started = time.monotonic()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_restart_clock)


@bp.get("/healthz")
def healthz():
    about = {"uptime_seconds": round(time.monotonic() - _started, 3), "pid": os.getpid()}
    headers = {"Cache-Control": "no-store"}  # a cached "ok" would hide a worker that lost its index
    try:
        index = reader()
    except IndexMissing:
        return {"status": "no index", "generation": None, "passages": None, **about}, 503, headers
    return {"status": "ok", "generation": index.generation, "passages": index.passages, **about}, 200, headers
