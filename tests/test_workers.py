"""`serve --workers N`: every worker answers from the index and follows its new generations,
`--workers 1` stays on waitress, and SIGTERM stops the server and all its workers. /healthz says
which generation a worker sees and which worker answered."""

from __future__ import annotations

import http.client
import json
import os
import time
from pathlib import Path

import pytest

from indexer.build import build_index
from indexer.search import IndexReader

from .conftest import LiveServer

ARTICLE = ("title: Quokka talks\ndate: 2022-10-14\nsource: TASS\n\n"
           + "".join(f"Vladimir Putin said at the CIS summit that quokka point {n} matters.\n\n" for n in range(5)))
PATIENCE_SECONDS = 60  # a bound on polling, never a timing under test


def add_article(corpus: Path, index: Path) -> None:
    (corpus / "quokka.txt").write_text(ARTICLE, encoding="utf-8")
    build_index(corpus, index)


def on_disk(index: Path) -> tuple[int, int]:
    with IndexReader(index) as reader:
        return reader.generation, reader.passages


def test_healthz_answers_the_generation_and_passage_count_and_follows_a_commit(client, search_corpus, index_dir):
    before = client.get("/healthz")
    assert before.status_code == 200 and before.headers["X-Content-Type-Options"] == "nosniff"
    assert before.json["status"] == "ok" and before.json["pid"] == os.getpid() and before.json["uptime_seconds"] >= 0
    assert (before.json["generation"], before.json["passages"]) == on_disk(index_dir)
    add_article(search_corpus, index_dir)
    after = client.get("/healthz").json
    assert (after["generation"], after["passages"]) == on_disk(index_dir)
    assert after["generation"] > before.json["generation"] and after["passages"] == before.json["passages"] + 5


def test_healthz_without_an_index_is_503(tmp_path):
    from webapp import create_app

    response = create_app({"INDEX_PATH": str(tmp_path / "none"), "TESTING": True}).test_client().get("/healthz")
    assert (response.status_code, response.json["status"], response.json["generation"]) == (503, "no index", None)
    assert response.headers["X-Frame-Options"] == "DENY"


class Server(LiveServer):
    def get(self, path: str) -> tuple[int, dict, dict]:
        """On a new connection each time: a kept-alive one would stay with one worker."""
        connection = http.client.HTTPConnection(*self.url.removeprefix("http://").split(":"), timeout=30)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), json.loads(response.read())
        finally:
            connection.close()

    def health_by_pid(self, until) -> dict[int, dict]:
        """/healthz asked, 40 requests at a time, until `until(answers by pid)` holds."""
        answers: dict[int, dict] = {}
        deadline = time.monotonic() + PATIENCE_SECONDS
        while not until(answers) and time.monotonic() < deadline:
            for _ in range(40):
                status, _, health = self.get("/healthz")
                assert status == 200
                answers[health["pid"]] = health
        return answers


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="gunicorn needs fork")
def test_two_workers_answer_follow_a_commit_and_stop_on_sigterm(search_corpus, index_dir):
    server = Server(index_dir, search_corpus, workers=2)
    try:
        answers = server.health_by_pid(lambda seen: len(seen) >= 2)
        workers = set(answers)
        assert len(workers) == 2 and {parent_of(pid) for pid in workers} == {server.process.pid}
        status, headers, result = server.get("/api/search?q=sanctions")
        assert (status, headers["Server"], result["total"] > 0) == (200, "gunicorn", True)

        add_article(search_corpus, index_dir)
        wanted = on_disk(index_dir)
        answers = server.health_by_pid(lambda seen: {p for p, h in seen.items()
                                                     if (h["generation"], h["passages"]) == wanted} == workers)
        assert {pid for pid, h in answers.items() if (h["generation"], h["passages"]) == wanted} == workers
    finally:
        server.stop()  # SIGTERM, then SIGKILL after 10 s
    assert server.process.returncode == 0
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []


def test_one_worker_is_waitress_in_the_serving_process(search_corpus, index_dir):
    server = Server(index_dir, search_corpus, workers=1)
    try:
        status, headers, health = server.get("/healthz")
        assert (status, headers["Server"], health["pid"]) == (200, "summit-search", server.process.pid)
    finally:
        server.stop()
