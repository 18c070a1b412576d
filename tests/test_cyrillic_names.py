"""Cyrillic and Latin spellings of a listed person find the same passages: by the Russian forms
people.toml lists (`ru`), and by transliteration for a spelling no list holds."""

from __future__ import annotations

import tomllib

import pytest

from indexer.names import NameResolver
from indexer.reference_toml import load_reference
from indexer.search import SearchRequest
from indexer.spelling import skeleton

from .conftest import CORPUS, reader_over

ARTICLES = {
    "minsk.txt": """title: Lukashenko on grain
date: 2023-10-13
source: Test Wire
summit: 2023-bishkek

Aleksandr Lukashenko said, “Our grain will reach every market.”

The Belarusian President met Vladimir Putin after the talks.

Putin said, “We spoke with Lukashenko about the harvest.”

Kassym-Jomart Tokayev said, “Kazakhstan will build more railways.”
""",
}


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    with reader_over(tmp_path_factory.mktemp("cyrillic"), ARTICLES) as handle:
        yield handle


def total(reader, text: str) -> int:
    return reader.search(SearchRequest(text))["total"]


@pytest.mark.parametrize("cyrillic, latin", [
    ("Лукашенко", "Lukashenko"),
    ("лукашенко", "Lukashenka"),
    ("Александр Лукашенко", "Aleksandr Lukashenko"),  # a full name people.toml lists
    ("Лукашэнка", "Lukashenko"),  # Belarusian Cyrillic, in no list: found by transliteration
    ("Токаев", "Tokayev"),
    ("Касым-Жомарт Токаев", "Kassym-Jomart Tokayev"),
    ("Путин", "Putin"),
])
def test_cyrillic_finds_what_latin_finds(reader, cyrillic, latin):
    assert total(reader, latin) > 0
    assert total(reader, cyrillic) == total(reader, latin)


def test_speaker_field_takes_cyrillic(reader):
    assert total(reader, "speaker:Лукашенко") == total(reader, "speaker:Lukashenko") == 1
    assert total(reader, 'speaker:"Владимир Путин"') == total(reader, "speaker:putin") == 1
    assert reader.search(SearchRequest("speaker:Лукашенко"))["notice"] is None


@pytest.mark.parametrize("cyrillic, latin", [
    ("Лукашенко", "Lukashenka"), ("Токаев", "Tokayev"), ("Касым-Жомарт", "Kassym-Jomart"),
    ("Мирзиёев", "Mirziyoyev"), ("Рахмон", "Rahmon"), ("Жапаров", "Japarov"),
    ("Бердымухамедов", "Berdimuhamedov"), ("Гурбангулы", "Gurbanguly"), ("Алиев", "Aliyev"),
    ("Ильхам", "Ilham"), ("Пашинян", "Pashinyan"), ("Дмитрий", "Dmitry"), ("Ушаков", "Ushakov"),
    ("Пётр", "Pyotr"), ("Ельцин", "Yeltsin"), ("ЛУКАШЕНКО", "Lukashenko"),
])
def test_a_cyrillic_word_has_the_skeleton_of_its_romanisation(cyrillic, latin):
    assert skeleton(cyrillic) == skeleton(latin)


def test_every_person_has_a_russian_form_that_names_them():
    people = tomllib.loads((CORPUS / "people.toml").read_text(encoding="utf-8"))["person"]
    assert all(person.get("ru") for person in people)
    forms = NameResolver(load_reference(CORPUS)).name_forms
    for person in people:
        for form in person["ru"]:
            assert person["id"] in forms[form], form
            assert person["id"] in forms[form.split()[-1]], form
