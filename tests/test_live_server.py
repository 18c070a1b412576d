"""The real server (waitress in a subprocess) under concurrent load: zero errors."""

from __future__ import annotations

import json
import subprocess
import sys
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


def test_articles_appear_and_disappear_whole_while_the_server_answers(search_corpus, index_dir, tmp_path):
    """A real server process answers searches in a loop while `summit-search add`, a rebuild
    and a deletion change the index: no errors, never part of an article, new text within 5 s."""
    from .conftest import LiveServer

    server = LiveServer(index_dir, search_corpus)
    seen: list[int] = []
    failures: list[str] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set() and len(seen) < 20_000:
            try:
                status, body = fetch(server.url + "/api/search?q=quokka&speaker=vladimir-putin&per_page=1")
                data = json.loads(body)
                if status != 200:
                    failures.append(f"{status} {body[:200]}")
                else:
                    seen.append(data["total"] + 10 * data["facets"]["summit"][0]["count"]
                                if data["total"] else 0)
            except Exception as exc:
                failures.append(repr(exc))

    article = tmp_path / "quokka.txt"
    article.write_text("title: Quokka talks\ndate: 2022-10-14\nsource: TASS\n\n"
                       + "".join(f"Vladimir Putin said at the CIS summit that quokka point {n} matters.\n\n"
                                 for n in range(5)))
    pollers = [threading.Thread(target=poll) for _ in range(4)]
    try:
        for poller in pollers:
            poller.start()
        cli = [sys.executable, "-c", "from indexer.cli import main; main()"]
        paths = ["--corpus", str(search_corpus), "--index", str(index_dir)]
        started = time.monotonic()
        subprocess.run([*cli, "add", str(article), *paths], check=True, capture_output=True)
        while fetch(server.url + "/api/search?q=quokka&copies=all")[1].count('"total":5') == 0:
            assert time.monotonic() - started < 5, "the new article was not searchable within 5 s"
            time.sleep(0.05)
        subprocess.run([*cli, "index", "--rebuild", *paths], check=True, capture_output=True)
        time.sleep(0.5)
        (search_corpus / "quokka.txt").unlink()
        subprocess.run([*cli, "index", *paths], check=True, capture_output=True)
        deadline = time.monotonic() + 5
        while '"total":0' not in fetch(server.url + "/api/search?q=quokka")[1]:
            assert time.monotonic() < deadline, "the removed article was still found after 5 s"
            time.sleep(0.05)
    finally:
        stop.set()
        for poller in pollers:
            poller.join()
        server.stop()
    assert failures == []
    # 0 (absent) or all five passages with their summit facet of five (55): never a part
    assert set(seen) <= {0, 55} and {0, 55} <= set(seen)


def test_serve_started_while_another_run_holds_the_lock_serves_and_syncs_when_it_ends(search_corpus, index_dir):
    from .conftest import LiveServer, lock_held_by_another_process

    (search_corpus / "quokka.txt").write_text("date: 2024-10-08\n\nThe quokka summit opened in Moscow.\n")
    with lock_held_by_another_process(index_dir):
        server = LiveServer(index_dir, search_corpus)  # before: exited at once with "index is busy"
    try:
        status, body = fetch(server.url + "/api/search?q=sanctions")
        assert status == 200 and json.loads(body)["total"] == 2  # the index as it was
        deadline = time.monotonic() + 60
        while json.loads(fetch(server.url + "/api/search?q=quokka")[1])["total"] == 0:
            assert time.monotonic() < deadline, "the server never synced after the lock was released"
            time.sleep(0.2)
    finally:
        server.stop()
