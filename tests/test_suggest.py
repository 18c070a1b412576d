"""Did-you-mean: offered for a plain word the index does not hold when the query found little,
in the case it was typed in; never for a word that matched, a prefix, a field's value, a name
the name tables know, or a query with hits enough."""

from __future__ import annotations

import pytest

from indexer.build import build_index
from indexer.search import IndexReader, SearchRequest
from indexer.search.suggest import Vocabulary, suggestion


@pytest.fixture
def reader(search_corpus, tmp_path):
    build_index(search_corpus, tmp_path / "index")
    with IndexReader(tmp_path / "index") as handle:
        yield handle


def corrected(reader, text: str):
    return reader.search(SearchRequest(text))["corrected"]


def test_a_misspelt_word_is_corrected_in_the_case_it_was_typed(reader):
    assert corrected(reader, "sanctoins") == "sanctions"  # a transposition is one edit
    assert corrected(reader, "Sanctoins") == "Sanctions"
    assert corrected(reader, "SECRUITY") == "SECURITY"
    assert corrected(reader, '"Russian langauge"') is None  # words inside quotes are left as typed
    assert corrected(reader, "trade AND sanctoins") == "trade AND sanctions"


@pytest.mark.parametrize("typed", [
    "sanctions",  # the index holds it
    "sanctoin*",  # a prefix
    "Lukashenka",  # a spelling of a known name
    "the",  # a stop word
    "zzzzqqqq",  # nothing near it
])
def test_no_suggestion_where_it_cannot_help(reader, typed):
    assert corrected(reader, typed) is None


def test_no_suggestion_when_the_query_found_enough(reader, monkeypatch):
    from indexer.search import suggest

    assert corrected(reader, "security OR secrity") == "security OR security"  # 2 hits: few
    reader.gen.forget_answers()
    monkeypatch.setattr(suggest, "SUGGEST_BELOW_HITS", 2)
    assert corrected(reader, "security OR secrity") is None


def test_the_closest_word_wins_and_then_the_most_frequent():
    vocabulary = Vocabulary(["border", "broader", "boarder", "order"], {"border": 9, "broader": 1, "boarder": 2,
                                                                         "order": 40})
    ok = {"is_searchable": lambda w: True, "is_name": lambda w: False}
    assert suggestion("bordre", vocabulary, **ok) == "border"  # one transposition
    assert suggestion("brder", vocabulary, **ok) == "order"  # one edit from both: the more frequent
    assert suggestion("border bordre", vocabulary, **ok) == "border border"
    assert suggestion("speaker:bordr bordr*", vocabulary, **ok) is None
    assert suggestion("bordr", vocabulary, is_searchable=lambda w: True, is_name=lambda w: True) is None
