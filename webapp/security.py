"""What the site does against hostile clients: headers that stop a browser from being turned against
its user, and per-client rate limits for the few routes that are worth hammering."""

from __future__ import annotations

import math
import threading
from time import monotonic

from flask import Flask, Response

# Every page works without inline script or style (facets.js and style.css are files), so the policy
# can forbid both: an injected `<script>` or `on…=` attribute would not run even if escaping failed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # a search URL holds what the user searched for: it should not reach the outlets' sites we link to
    "Referrer-Policy": "same-origin",
}


def register(app: Flask) -> None:
    # after_request also runs for error pages, 404s and unhandled-exception 500s, and for static files
    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


class RateLimit:
    """A token bucket per client: `per_period` hits at once, refilled evenly over `period` seconds.

    Each bucket is kept as the moment it will be full again (the GCRA form of a token bucket): one
    number per client, and a full bucket needs no entry at all. In-process on purpose:
    waitress serves from one process, so a lock is all the sharing needed and there is no store to
    run. Entries that have filled up are dropped, so a flood from many addresses cannot grow memory."""

    MAX_CLIENTS = 10_000

    def __init__(self, per_period: int, period: float, clock=None):
        if per_period < 1:
            raise ValueError(f"a rate limit needs at least 1 hit per period, not {per_period}")
        self.per_period, self._period, self._clock = per_period, period, clock or monotonic
        self._interval = period / per_period  # one token comes back every interval
        self._full_at: dict[str, float] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str, take: bool = True) -> int:
        """0 when the client may go ahead (counting the hit if `take`), else whole seconds to wait."""
        with self._lock:
            now = self._clock()
            full_at = max(self._full_at.get(client, now), now)
            wait = full_at + self._interval - self._period - now  # > 0: not one token left
            if wait > 1e-6:  # not float dust from adding up intervals such as 0.6 s
                return math.ceil(wait)
            if take:
                self._full_at[client] = full_at + self._interval
                if len(self._full_at) > self.MAX_CLIENTS:
                    self._full_at = {key: at for key, at in self._full_at.items() if at > now}
            return 0
