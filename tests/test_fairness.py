"""One client address gets a bounded number of searches at once (webapp/fairness.py), tested
without timing: the wrapped app blocks until released, so the requests in flight are exact."""

from __future__ import annotations

import threading

from webapp.fairness import SearchesPerClient


def _blocking_app(release: threading.Event, entered: threading.Semaphore):
    def app(environ, start_response):
        entered.release()
        release.wait(10)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]
    return app


def _call(app, address: str, path: str = "/api/search") -> str:
    statuses = []
    body = app({"PATH_INFO": path, "REMOTE_ADDR": address, "REQUEST_METHOD": "GET"},
               lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(body)
    getattr(body, "close", lambda: None)()
    return statuses[0]


def test_a_fourth_search_from_one_address_is_refused_while_three_run():
    release, entered = threading.Event(), threading.Semaphore(0)
    app = SearchesPerClient(_blocking_app(release, entered), limit=3)
    results: list[str] = []
    running = [threading.Thread(target=lambda: results.append(_call(app, "10.0.0.1"))) for _ in range(3)]
    for thread in running:
        thread.start()
    for _ in range(3):
        assert entered.acquire(timeout=10)
    assert _call(app, "10.0.0.1").startswith("429")  # a fourth from the same address
    other = threading.Thread(target=lambda: results.append(_call(app, "10.0.0.2")))
    other.start()  # another address is not limited by the first one's searches
    assert entered.acquire(timeout=10)
    release.set()
    for thread in [*running, other]:
        thread.join(10)
    assert results == ["200 OK"] * 4
    assert _call(app, "10.0.0.1").startswith("200")  # the slots were given back
