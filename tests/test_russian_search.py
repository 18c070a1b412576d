"""Russian text search: Russian word forms find each other, `ё` is `е`, Russian stop words are not
searched, a query finds passages in either language, and the Russian forms found are marked.
English search behaves as before (stems, phrases, prefixes, did-you-mean)."""

from __future__ import annotations

import pickle
import threading

import pytest

from indexer.build import build_index
from indexer.search import IndexReader, SearchRequest
from indexer.search.analysis import bilingual_analyzer

from .conftest import make_corpus

ARTICLES = {
    "ru_summit.txt": """title: Саммит в Душанбе
date: 2025-10-10
source: Тестовое агентство
summit: 2025-dushanbe

Президент призвал не допустить втягивания Содружества в опасные авантюры.

Лидеры обсудили итоги саммита и новогоднюю ёлку на площади.

Он напомнил, что авантюрами санкции не отменить.
""",
    "en_summit.txt": """title: Leaders on the world order
date: 2025-10-10
source: Test Wire
summit: 2025-dushanbe

The leaders said sanctions harm the world order.

A new payment system was discussed at the summit.
""",
}


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    root = tmp_path_factory.mktemp("russian")
    build_index(make_corpus(root / "corpus", ARTICLES), root / "index")
    with IndexReader(root / "index") as handle:
        yield handle


def texts(reader, query: str) -> list[str]:
    return sorted(hit["text"] for hit in reader.search(SearchRequest(query, per_page=50))["hits"])


def highlights(reader, query: str) -> list[str]:
    return sorted(hit["highlight"] for hit in reader.search(SearchRequest(query, per_page=50))["hits"])


# --- Russian word forms ---------------------------------------------------------------------

def test_a_russian_word_finds_its_other_case_forms(reader):
    assert texts(reader, "авантюры") == [
        "Он напомнил, что авантюрами санкции не отменить.",
        "Президент призвал не допустить втягивания Содружества в опасные авантюры."]
    assert texts(reader, "авантюр") == texts(reader, "авантюры")


def test_summit_in_the_nominative_finds_its_genitive(reader):
    """Snowball reads the -ит of `саммит` as a verb ending; the analyzer keeps the noun whole."""
    assert texts(reader, "саммит") == ["Лидеры обсудили итоги саммита и новогоднюю ёлку на площади."]
    assert texts(reader, "саммите") == texts(reader, "саммит")


def test_yo_and_ye_are_one_letter(reader):
    assert texts(reader, "ёлка") == texts(reader, "елка") == [
        "Лидеры обсудили итоги саммита и новогоднюю ёлку на площади."]
    assert texts(reader, "ЕЛКИ") == texts(reader, "ёлка")  # case folded too


def test_russian_stop_words_are_not_searched(reader):
    assert reader.search(SearchRequest("что"))["notice"] == (
        "Your query has no searchable words, so every passage is shown.")
    assert texts(reader, "не допустить") == texts(reader, "допустить")


def test_a_query_finds_passages_in_either_language(reader):
    assert texts(reader, "санкции OR sanctions") == [
        "The leaders said sanctions harm the world order.",
        "Он напомнил, что авантюрами санкции не отменить."]
    assert texts(reader, "summit") == ["A new payment system was discussed at the summit."]


def test_the_russian_forms_found_are_marked(reader):
    assert highlights(reader, "авантюры") == [
        "Он напомнил, что <mark>авантюрами</mark> санкции не отменить.",
        "Президент призвал не допустить втягивания Содружества в опасные <mark>авантюры</mark>."]
    assert highlights(reader, "елка") == ["Лидеры обсудили итоги саммита и новогоднюю <mark>ёлку</mark> на площади."]


def test_a_russian_phrase(reader):
    assert texts(reader, '"опасные авантюры"') == [
        "Президент призвал не допустить втягивания Содружества в опасные авантюры."]
    assert texts(reader, '"авантюры опасные"') == []


# --- English as before ------------------------------------------------------------------------

def test_english_stems_phrases_and_prefixes_are_unchanged(reader):
    assert texts(reader, "sanction") == ["The leaders said sanctions harm the world order."]
    assert highlights(reader, '"world order"') == [
        "The leaders said sanctions harm the <mark>world</mark> <mark>order</mark>."]
    assert texts(reader, "sanct*") == texts(reader, "sanction")
    assert texts(reader, '"order world"') == []


def test_did_you_mean_knows_words_of_both_languages(reader):
    assert reader.search(SearchRequest("sanctoins"))["corrected"] == "sanctions"
    assert reader.search(SearchRequest("авантуры"))["corrected"] == "авантюры"


# --- the analyzer itself --------------------------------------------------------------------

def test_each_word_is_stemmed_by_its_script():
    analyzer = bilingual_analyzer()
    assert [t.text for t in analyzer("Саммиты и sanctions, Ёлки", mode="query")] == ["саммит", "sanction", "елк"]


def test_positions_and_characters_are_kept():
    tokens = [(t.text, t.pos, t.startchar, t.endchar)
              for t in bilingual_analyzer()("в опасные авантюры", positions=True, chars=True)]
    assert tokens == [("опасн", 1, 2, 9), ("авантюр", 2, 10, 18)]  # a leading stop word keeps its place, as in Whoosh


def test_the_analyzer_pickles_and_its_copy_stems_the_same():
    analyzer = bilingual_analyzer()
    list(analyzer("авантюры"))  # stemmers and cache created: none of it may go into the pickle
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy == analyzer
    assert [t.text for t in copy("авантюрами sanctions")] == ["авантюр", "sanction"]


def test_one_analyzer_is_safe_to_share_between_threads():
    analyzer, wrong = bilingual_analyzer(), []
    words = "саммиты авантюрами sanctions leaders переговорах " * 200
    expected = [t.text for t in bilingual_analyzer()(words)]

    def work():
        for _ in range(20):
            if [t.text for t in analyzer(words)] != expected:
                wrong.append(1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not wrong
