"""The issue's end-to-end promises, on the bundled corpus."""

from __future__ import annotations

import pytest

from webapp import create_app


@pytest.fixture(scope="module")
def seed_client(seed_index):
    app = create_app({"INDEX_PATH": str(seed_index), "TESTING": True})
    yield app.test_client()
    app.extensions["readers"].close_all()


def test_russian_language_shows_lukashenkos_quotes_and_his_facet_filters(seed_client):
    data = seed_client.get("/api/search?q=Russian+language").get_json()
    assert data["total"] == 6
    assert data["facets"]["speaker"] == [{
        "value": "aleksandr-lukashenko", "label": "Aleksandr Lukashenko", "count": 5, "selected": False,
        "toggle_url": "/search?q=Russian+language&speaker=aleksandr-lukashenko"}]
    assert "<mark>Russian</mark> <mark>language</mark>" in data["hits"][0]["highlight"]
    filtered = seed_client.get(data["facets"]["speaker"][0]["toggle_url"].replace("/search", "/api/search"))
    hits = filtered.get_json()["hits"]
    assert len(hits) == 5
    assert all(h["speakers"] == [{"id": "aleksandr-lukashenko", "name": "Aleksandr Lukashenko"}] for h in hits)


def test_misspelt_transliteration_finds_him_without_a_spelling_lesson(seed_client):
    data = seed_client.get("/api/search?q=Mirziyoev").get_json()
    assert data["corrected"] is None  # a spelling the name tables take is not corrected
    assert data["people"][0]["id"] == "shavkat-mirziyoyev"
    ids_variant = [h["id"] for h in data["hits"]]
    ids_canonical = [h["id"] for h in seed_client.get("/api/search?q=Mirziyoyev").get_json()["hits"]]
    assert ids_variant == ids_canonical and len(ids_canonical) == 10


def test_speakers_of_the_bundled_corpus(seed_client):
    speakers = seed_client.get("/api/speakers").get_json()["speakers"]
    assert [(s["id"], s["count"]) for s in speakers] == [
        ("aleksandr-lukashenko", 27), ("foreign-ministers", 5), ("shavkat-mirziyoyev", 2)]


@pytest.mark.parametrize("spelling", ["Toqaev", "toqayev", "Tokaev"])
def test_a_spelling_no_list_has_finds_the_person_by_transliteration(seed_client, spelling):
    data = seed_client.get(f"/api/search?q={spelling}").get_json()
    canonical = seed_client.get("/api/search?q=Tokayev").get_json()
    assert [h["id"] for h in data["hits"]] == [h["id"] for h in canonical["hits"]] and canonical["total"] == 2
    assert all("Kassym-Jomart Tokayev" in h["text"] for h in data["hits"])
