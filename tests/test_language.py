"""Language per article: the header's `lang:`/`language:` when it names one, otherwise the share
of Cyrillic letters; stored, shown by `inspect`, a facet, a filter and a field of every hit."""

from __future__ import annotations

import pytest

from indexer.language import article_language, detect_language, header_language
from indexer.report import article_json, article_table
from webapp import create_app

from .conftest import make_corpus

RUSSIAN = "Президент призвал соседей к диалогу и сотрудничеству.\n"
ENGLISH = "The president called on the neighbours to talk and work together.\n"
ARTICLES = {
    "ru_detected.txt": f"title: Призыв к диалогу\ndate: 2025-10-10\n\n{RUSSIAN}\nЛидеры обсудили торговлю.\n",
    "en_detected.txt": f"title: A call for dialogue\ndate: 2025-10-10\n\n{ENGLISH}",
    # a Russian article whose header says so, though its one line is mostly Latin
    "ru_by_header.txt": "title: EAEU\nlang: ru\n\n"
                        "The EAEU, CIS, SCO and BRICS met again in Moscow, см. www.example.org.\n",
}


# --- detection --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    (RUSSIAN, "ru"),
    (ENGLISH, "en"),
    ("", "en"),  # no letters: the site's language
    ("2025 — 10 — 10", "en"),
    # a Russian article full of Latin abbreviations and an address is still Russian
    ("Лидеры ЕАЭС обсудили EAEU, CIS и www.example.org/news", "ru"),
    # an English article quoting one Russian word stays English
    ("Putin used the word «авантюры» when he spoke about the risks to the region.", "en"),
])
def test_detected_by_the_share_of_cyrillic_letters(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("ru", "ru"), ("RU", "ru"), (" Russian ", "ru"), ("русский", "ru"), ("en", "en"), ("English", "en"),
    ("fr", None), ("", None), (None, None),
])
def test_header_values(value, expected):
    assert header_language(value) == expected


def test_the_header_overrides_detection():
    assert article_language("ru", ENGLISH) == ("ru", None)
    assert article_language("en", RUSSIAN) == ("en", None)


def test_an_unknown_header_value_is_reported_and_detection_used():
    assert article_language("fr", RUSSIAN) == ("ru", "language 'fr' is not one of en, ru: detected as ru")


def test_tagged_articles_carry_their_language(tag_text, reference):
    russian = tag_text(ARTICLES["ru_detected.txt"])
    assert russian.language == "ru"
    assert tag_text(ARTICLES["en_detected.txt"]).language == "en"
    assert tag_text(ARTICLES["ru_by_header.txt"]).language == "ru"
    assert tag_text(f"language: en\n\n{RUSSIAN}\n{RUSSIAN}").language == "en"
    assert article_json(russian, reference)["lang"] == "ru"
    assert "Language: Russian (ru)" in article_table(russian, reference).splitlines()


# --- facet, filter and API field ------------------------------------------------------------

@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from indexer.build import build_index

    root = tmp_path_factory.mktemp("language")
    build_index(make_corpus(root / "corpus", ARTICLES), root / "index")
    app = create_app({"INDEX_PATH": str(root / "index"), "TESTING": True})
    yield app.test_client()
    app.extensions["readers"].close_all()


def api(client, query: str) -> dict:
    response = client.get("/api/search?" + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_the_language_facet_counts_passages(client):
    facet = api(client, "")["facets"]["lang"]
    assert {v["value"]: (v["label"], v["count"]) for v in facet} == {"ru": ("Russian", 3), "en": ("English", 1)}


def test_lang_filters_and_every_hit_names_its_language(client):
    russian = api(client, "lang=ru&per_page=50")
    assert russian["total"] == 3 and {hit["lang"] for hit in russian["hits"]} == {"ru"}
    english = api(client, "lang=en")
    assert english["total"] == 1 and english["hits"][0]["lang"] == "en"
    assert api(client, "lang=ru&lang=en")["total"] == 4
    assert api(client, "q=диалогу&lang=en")["total"] == 0


def test_an_unknown_language_is_a_bad_parameter(client):
    response = client.get("/api/search?lang=xx")
    assert response.status_code == 400


def test_a_known_language_with_no_passages_yet_finds_nothing(tmp_path):
    from indexer.build import build_index

    build_index(make_corpus(tmp_path / "corpus", {"en_detected.txt": ARTICLES["en_detected.txt"]}), tmp_path / "index")
    app = create_app({"INDEX_PATH": str(tmp_path / "index"), "TESTING": True})
    try:
        response = app.test_client().get("/api/search?lang=ru")
        assert response.status_code == 200
        assert response.get_json()["total"] == 0
        assert app.test_client().get("/search?q=Лукашенко&lang=ru").status_code == 200
    finally:
        app.extensions["readers"].close_all()


def test_the_article_api_and_the_page_show_the_language(client):
    assert client.get("/api/articles/ru_detected").get_json()["lang"] == "ru"
    page = client.get("/search?lang=ru").get_data(as_text=True)
    assert "Language" in page and 'lang="ru"' in page
    assert 'name="lang" value="en"' in client.get("/search").get_data(as_text=True)  # the facet's box
