from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.reference import REFERENCE_FILES, load_reference
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
