from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.reference import REFERENCE_FILES
from indexer.reference_toml import load_reference
from indexer.tagging import Tagger

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
TEST_ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="session")
def reference():
    return load_reference(CORPUS)


@pytest.fixture(scope="session")
def tagger(reference):
    return Tagger(reference)


def make_corpus(directory: Path, articles: dict[str, str | bytes] | None = None) -> Path:
    """A corpus folder with the real reference files and the given articles."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in REFERENCE_FILES:
        shutil.copy(CORPUS / name, directory / name)
    for name, content in (articles or {}).items():
        target = directory / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return directory


@contextlib.contextmanager
def reader_over(root: Path, articles: dict[str, str]):
    """A reader of an index built from `articles` (with the real reference files) under `root`."""
    from indexer.build import build_index
    from indexer.search import IndexReader

    build_index(make_corpus(root / "corpus", articles), root / "index")
    with IndexReader(root / "index") as handle:
        yield handle


@pytest.fixture
def tag_text(tagger, tmp_path):
    """Tag an article given as text, as if it were a file in the corpus."""
    counter = iter(range(10_000))

    def tag(text: str, name: str | None = None):
        path = tmp_path / (name or f"article_{next(counter)}.txt")
        path.write_text(text, encoding="utf-8")
        return tagger.tag_file(path)

    return tag


@pytest.fixture
def search_corpus(tmp_path) -> Path:
    """The small articles written for the search tests."""
    articles = {p.name: p.read_bytes() for p in sorted(TEST_ARTICLES.glob("*.txt"))}
    return make_corpus(tmp_path / "corpus", articles)


@pytest.fixture
def index_dir(search_corpus, tmp_path) -> Path:
    from indexer.build import build_index

    build_index(search_corpus, tmp_path / "index")
    return tmp_path / "index"


@pytest.fixture
def app(index_dir):
    from webapp import create_app

    app = create_app({"INDEX_PATH": str(index_dir), "TESTING": True})
    yield app
    app.extensions["readers"].close_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """The bundled corpus, indexed once for the tests that check it end to end."""
    from indexer.build import build_index

    index_dir = tmp_path_factory.mktemp("seed") / "index"
    build_index(CORPUS, index_dir)
    return index_dir


class LiveServer:
    """`summit-search serve` in a subprocess on a free loopback port."""

    def __init__(self, index_dir: Path, corpus_dir: Path, searches_per_client: int = 0, workers: int = 1):
        """`searches_per_client` 0 by default: the tests' clients stand for many users but share
        one address (tests/test_stall.py tests the limit itself). One worker: waitress, whose
        own limits tests/test_security.py checks (tests/test_workers.py runs gunicorn's)."""
        command = [sys.executable, "-c", "from indexer.cli import main; main()", "serve", "--port", "0",
                   "--workers", str(workers), "--index", str(index_dir), "--corpus", str(corpus_dir)]
        env = {**os.environ, "SUMMIT_SEARCH_SEARCHES_PER_CLIENT": str(searches_per_client)}
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.stop()
            raise RuntimeError(f"server did not start: {line!r} {self.process.stderr.read()}")
        self.url = f"http://127.0.0.1:{match.group(1)}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.process.stderr.close()


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    """The bundled corpus served by a real WSGI server (the index is built by `serve` itself)."""
    server = LiveServer(tmp_path_factory.mktemp("served") / "index", CORPUS)
    yield server
    server.stop()


_HOLD_THE_LOCK = """
import sys
from pathlib import Path
from indexer.search import write_lock
with write_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@contextlib.contextmanager
def lock_held_by_another_process(index_dir: Path):
    """The index's write lock, held by a real other process until the block ends."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_THE_LOCK, str(index_dir)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        yield
    finally:
        holder.communicate("")


def infer(matcher, text: str, day=None):
    """The summit matcher's answer for a text given as lines (as an article's paragraphs are)."""
    return matcher.infer(text.split("\n"), day)


def summit_of(matcher, text: str, day=None) -> str | None:
    match = infer(matcher, text, day)
    return match.summit.id if match.summit else None
