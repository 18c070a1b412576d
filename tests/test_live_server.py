"""The real server (waitress in a subprocess) under concurrent load: zero errors."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request

CLIENTS = 8
SECONDS = 3.0
MAX_REQUESTS_PER_CLIENT = 400

# (path, expected status, a check of the body: parsed JSON under /api, HTML text elsewhere)
MIX = [
    ("/api/search?q=Russian+language", 200, lambda d: d["total"] == 6),
    ("/api/search?q=sanctions&speaker=aleksandr-lukashenko", 200,
     lambda d: d["total"] > 0 and all(h["speakers"][0]["id"] == "aleksandr-lukashenko" for h in d["hits"])),
    ('/api/search?q="world+order"', 200,
     lambda d: "<mark>world</mark> <mark>order</mark>" in d["hits"][0]["highlight"]),
    ("/api/search?q=integr*&topic=cis-integration", 200, lambda d: d["total"] > 0),
    ("/api/search?q=security+NOT+border", 200, lambda d: d["total"] > 0),
    ("/api/search?q=Lukashenka", 200, lambda d: d["people"][0]["id"] == "aleksandr-lukashenko"),
    ("/api/search?q=sanktions", 200, lambda d: d["corrected"] == "sanctions"),
    ("/api/search?sort=date&page=2", 200, lambda d: d["page"] == 2 and len(d["hits"]) == 10),
    ("/api/search?q=((", 200, lambda d: "no searchable words" in d["notice"]),
    ("/api/search?page=999", 400, lambda d: d["parameter"] == "page"),
    ("/search?q=Russian+language&speaker=aleksandr-lukashenko", 200, lambda html: "<mark>Russian</mark>" in html),
    ("/speakers/aleksandr-lukashenko", 200, lambda html: "<h1>Aleksandr Lukashenko</h1>" in html),
    ("/api/passages/nope", 404, lambda d: "error" in d),
]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode()


def test_eight_threads_of_mixed_queries_get_only_correct_answers(seed_server):
    failures: list[str] = []
    done = [0] * CLIENTS
    deadline = time.monotonic() + SECONDS

    def client(number: int) -> None:
        for i in range(MAX_REQUESTS_PER_CLIENT):
            if time.monotonic() > deadline:
                return
            path, status, check = MIX[(number + i) % len(MIX)]
            try:
                got, body = fetch(seed_server.url + path.replace('"', "%22"))
                ok = got == status and check(json.loads(body) if path.startswith("/api/") else body)
            except Exception as exc:  # a refused or dropped connection, or a malformed body
                failures.append(f"{path}: {exc!r}")
                continue
            if not ok:
                failures.append(f"{path}: {got} {body[:200]}")
            done[number] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sum(done) >= CLIENTS * len(MIX) // 2  # every client got through a good part of the mix


def test_api_answers_the_contract_over_http(seed_server):
    status, body = fetch(seed_server.url + "/api/search?q=Russian+language&per_page=2")
    data = json.loads(body)
    assert (status, data["total"], data["per_page"], len(data["hits"])) == (200, 6, 2, 2)
