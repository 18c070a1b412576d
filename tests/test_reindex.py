"""Adding, changing and removing articles while the index is in use."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from werkzeug.test import EnvironBuilder

from indexer.adding import add_articles
from indexer.build import build_index
from indexer.cli import main
from indexer.search import IndexReader, SearchRequest
from indexer.watch import CorpusWatcher
from webapp import create_app

from .conftest import lock_held_by_another_process

NEW_ARTICLE = ("title: Quokka talks in Astana\ndate: 2022-10-14\nsource: Kazinform\n\n"
               "Kassym-Jomart Tokayev said at the CIS summit that the quokka initiative is ready.\n\n"
               "Vladimir Putin noted that the quokka plan deserves support.\n\n"
               "The quokka documents were signed after the talks.\n")


def total(index_dir, text="", **filters) -> int:
    with IndexReader(index_dir) as reader:
        return reader.search(SearchRequest(text, **filters))["passages"]


def test_add_validates_copies_under_a_safe_name_and_indexes(search_corpus, index_dir, tmp_path):
    good = tmp_path / "Quokka talks (draft).md"
    good.write_text(NEW_ARTICLE)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02")
    clash = tmp_path / "moscow_sanctions.txt"
    clash.write_text("date: 2024-10-08\n\nThe CIS summit in Moscow was long.\n")
    same = tmp_path / "copy.txt"
    same.write_bytes((search_corpus / "dushanbe_security.txt").read_bytes())
    before = sorted(p.name for p in search_corpus.iterdir())
    results, report = add_articles(search_corpus, index_dir, [good, bad, clash, same])
    assert [(r.stored_as, r.error, r.duplicate_of) for r in results] == [
        ("Quokka-talks-draft.txt", None, None),
        (None, f"{bad}: binary file (contains NUL or control bytes), not a text article", None),
        ("moscow_sanctions-2.txt", None, None),
        ("dushanbe_security.txt", None, "dushanbe_security.txt"),
    ]
    assert sorted(p.name for p in search_corpus.iterdir() if not p.name.startswith(".")) == sorted(
        before + ["Quokka-talks-draft.txt", "moscow_sanctions-2.txt"])
    assert (report.added, report.unchanged) == (["Quokka-talks-draft", "moscow_sanctions-2"], 3)
    assert results[0].speakers == {"Kassym-Jomart Tokayev": 1, "Vladimir Putin": 1}
    assert total(index_dir, "quokka") == 3
    assert total(index_dir, "quokka", summit=("2022-astana",)) == 3


def test_add_command_prints_what_the_article_became(search_corpus, index_dir, tmp_path):
    new = tmp_path / "quokka.txt"
    new.write_text(NEW_ARTICLE)
    result = CliRunner().invoke(main, ["add", str(new), "--corpus", str(search_corpus), "--index", str(index_dir)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        f'added: {new} -> {search_corpus / "quokka.txt"}: "Quokka talks in Astana"; CIS summit, Astana 2022; '
        "3 passages; speakers: Kassym-Jomart Tokayev (1), Vladimir Putin (1)")


def test_unchanged_articles_keep_their_passage_ids(search_corpus, index_dir):
    with IndexReader(index_dir) as reader:
        before = [p["id"] for p in reader.article("moscow_sanctions")["passages"]]
    (search_corpus / "bishkek_language.txt").unlink()
    (search_corpus / "new.txt").write_text(NEW_ARTICLE)
    build_index(search_corpus, index_dir, rebuild=True)
    with IndexReader(index_dir) as reader:
        assert [p["id"] for p in reader.article("moscow_sanctions")["passages"]] == before


def test_edited_article_retires_changed_passages_only(search_corpus, index_dir, app):
    client = app.test_client()
    old_id = client.get("/api/search?q=exhibition").get_json()["hits"][0]["id"]
    kept_id = client.get("/api/search?q=tenth").get_json()["hits"][0]["id"]
    path = search_corpus / "moscow_sanctions.txt"
    path.write_text(path.read_text().replace("visited an exhibition", "visited a museum"))
    build_index(search_corpus, index_dir)
    assert client.get(f"/passages/{old_id}").status_code == 404
    assert client.get(f"/api/passages/{kept_id}").status_code == 200
    assert client.get("/api/search?q=museum").get_json()["total"] == 1


def test_watcher_reindexes_within_seconds(search_corpus, index_dir):
    reports, errors = [], []
    watcher = CorpusWatcher(search_corpus, index_dir, reports.append, errors.append, quiet_seconds=0.2).start()
    try:
        (search_corpus / "quokka.txt").write_text(NEW_ARTICLE)
        deadline = time.monotonic() + 5
        while total(index_dir, "quokka") != 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert total(index_dir, "quokka") == 3
        (search_corpus / "quokka.txt").unlink()
        deadline = time.monotonic() + 5
        while total(index_dir, "quokka") != 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert total(index_dir, "quokka") == 0
    finally:
        watcher.stop()
    assert errors == []
    assert [r.added for r in reports][:1] == [["quokka"]]


# Runs `summit-search index` with the writer paused half-way (300 articles in an open writer),
# so that the test kills it at a known point in the write rather than after a guessed delay.
PAUSED_INDEXER = """
import sys, time
from pathlib import Path
from indexer.search import writer as store
from indexer.cli import main
marker, added = Path(sys.argv[1]), []
original = store._add_article
def add_then_pause(writer, article, *rest):
    original(writer, article, *rest)
    added.append(article.id)
    if len(added) == 300:
        marker.write_text("half-way")
        time.sleep(120)
store._add_article = add_then_pause
sys.argv = ["summit-search", *sys.argv[2:]]
main()
"""


def test_sigkill_during_indexing_leaves_the_previous_index_and_the_next_run_completes(search_corpus, index_dir,
                                                                                     tmp_path):
    for n in range(600):
        (search_corpus / f"bulk_{n:04d}.txt").write_text(
            f"date: 2023-10-13\n\nThe CIS summit in Bishkek heard speech number {n}.\n\n"
            f"Vladimir Putin said that bulk item {n} mattered.\n\nThe leaders then left.\n")
    marker = tmp_path / "half-way"
    command = [sys.executable, "-c", PAUSED_INDEXER, str(marker), "index",
               "--corpus", str(search_corpus), "--index", str(index_dir)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None and time.monotonic() < deadline, "the indexer never got half-way"
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    assert total(index_dir) == 7  # the index from before is whole and searchable
    report = build_index(search_corpus, index_dir)  # the lock died with the process
    assert (len(report.added), report.unchanged) == (600, 3)
    assert total(index_dir) == 7 + 600 * 3
    assert total(index_dir, "bulk") == 600


# --- the upload form -------------------------------------------------------------------------


@pytest.fixture
def admin(index_dir, search_corpus):
    app = create_app({"INDEX_PATH": str(index_dir), "CORPUS_PATH": str(search_corpus), "TESTING": True,
                      "ADMIN_TOKEN": "s3cret"})
    yield app.test_client()
    app.extensions["readers"].close_all()


def _csrf(client) -> str:
    client.get("/admin/upload")
    with client.session_transaction() as session:
        return session["csrf"]


def _upload(client, data: bytes, name="quokka.txt", token="s3cret", csrf=None):
    form = {"token": token, "csrf": _csrf(client) if csrf is None else csrf, "article": (io.BytesIO(data), name)}
    builder = EnvironBuilder(path="/admin/upload", method="POST", data=form)
    environ = builder.get_environ()
    try:
        return client.open(environ)
    finally:  # werkzeug spools a large body to a temporary file that nothing else closes
        environ["wsgi.input"].close()
        builder.close()


def test_upload_is_404_without_a_configured_token(client):
    assert client.get("/admin/upload").status_code == 404
    assert client.post("/admin/upload").status_code == 404


def test_upload_checks_token_csrf_size_and_type(admin, search_corpus):
    assert admin.get("/admin/upload").status_code == 200
    wrong = _upload(admin, NEW_ARTICLE.encode(), token="guess")
    assert (wrong.status_code, "Wrong admin token." in wrong.get_data(as_text=True)) == (403, True)
    forged = _upload(admin, NEW_ARTICLE.encode(), csrf="forged")
    assert forged.status_code == 400 and "CSRF check" in forged.get_data(as_text=True)
    assert _upload(admin, b"word " * 1_200_000).status_code == 413
    pdf = _upload(admin, b"%PDF-1.4", name="paper.pdf")
    assert pdf.status_code == 400 and "only plain-text articles (.txt) are accepted" in pdf.get_data(as_text=True)
    binary = _upload(admin, b"\x00\x01binary", name="junk.txt")
    assert binary.status_code == 400
    assert "junk.txt: binary file (contains NUL or control bytes), not a text article" in binary.get_data(as_text=True)
    assert not (search_corpus / "junk.txt").exists() and not (search_corpus / "quokka.txt").exists()


def test_upload_adds_and_shows_the_inspect_view(admin, search_corpus):
    response = _upload(admin, NEW_ARTICLE.encode())
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Added as quokka.txt: Quokka talks in Astana" in html
    assert '<a class="speaker" href="/speakers/kassym-jomart-tokayev">Kassym-Jomart Tokayev</a>' in html
    assert (search_corpus / "quokka.txt").read_text() == NEW_ARTICLE
    assert admin.get("/api/search?q=quokka").get_json()["total"] == 3


def test_an_upload_while_another_process_writes_the_index_is_stored_and_says_it_is_not_yet_indexed(
        admin, index_dir, search_corpus):
    admin.application.config["ADD_WAIT_SECONDS"] = 0.3
    with lock_held_by_another_process(index_dir):
        response = _upload(admin, NEW_ARTICLE.encode())
    html = response.get_data(as_text=True)
    assert response.status_code == 202
    assert "Added as quokka.txt: Quokka talks in Astana" in html
    assert "Stored, but the index is busy with another run" in html
    assert (search_corpus / "quokka.txt").read_text() == NEW_ARTICLE
    assert admin.get("/api/search?q=quokka").get_json()["total"] == 0  # not yet
    build_index(search_corpus, index_dir)
    assert admin.get("/api/search?q=quokka").get_json()["total"] == 3
