"""Honest queries: a phrase is marked only where it stands as the phrase; did-you-mean only for a
word the index does not know, never for a field name or a name; a field value that matches
nothing, or an impossible date range, is named in the notice; a name variant is one banner."""

from __future__ import annotations

import pytest

from indexer.search import SearchRequest
from indexer.search.analysis import bilingual_analyzer
from indexer.search.highlight import QueryWords, marked
from indexer.search.query import parse_query

from .conftest import reader_over

ARTICLES = {
    "order.txt": """title: Leaders on the world order
date: 2023-10-13
source: Test Wire
summit: 2023-bishkek

Aleksandr Lukashenko said, “The world needs a fair world order, not sanctions.”

Vladimir Putin said, “The world order depends on trade, and trade shapes the world.”

Shavkat Mirziyoyev said, “The order of the world is shifting.”
""",
}


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    with reader_over(tmp_path_factory.mktemp("honesty"), ARTICLES) as handle:
        yield handle


def run(reader, text: str) -> dict:
    return reader.search(SearchRequest(text))


def marks(reader, text: str) -> list[str]:
    return [hit["highlight"] for hit in run(reader, text)["hits"]]


# --- exact phrase highlighting --------------------------------------------------------------

def test_a_phrase_is_marked_only_where_it_stands_as_the_phrase(reader):
    assert marks(reader, '"world order" Lukashenko') == [
        "Aleksandr <mark>Lukashenko</mark> said, “The world needs a fair <mark>world</mark> <mark>order</mark>, "
        "not sanctions.”"]


def test_words_outside_the_phrase_are_marked_anywhere(reader):
    assert marks(reader, '"world order" trade') == [
        "Vladimir Putin said, “The <mark>world</mark> <mark>order</mark> depends on <mark>trade</mark>, and "
        "<mark>trade</mark> shapes the world.”"]


def test_stop_words_inside_a_phrase_are_skipped_as_the_index_skips_them(reader):
    assert marks(reader, '"order of the world"') == [
        "Shavkat Mirziyoyev said, “The <mark>order</mark> of the <mark>world</mark> is shifting.”"]


def test_marking_with_slop_and_with_a_plain_word_set():
    analyzer = bilingual_analyzer()
    near = QueryWords(phrases=((("world", "order"), 3),))
    assert marked("world peace and order; order world", near, analyzer) == (
        "<mark>world</mark> peace and <mark>order</mark>; order world")
    assert marked("a <b> world", frozenset({"world"}), analyzer) == "a &lt;b&gt; <mark>world</mark>"
    assert marked("a world", QueryWords(), analyzer) == "a world"


# --- did-you-mean ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed", [
    "speaker:", "speaker:nobody", "topic:zzz", "summit:nowhere",  # field names and their values
    "Lukashenka", "lukashenka", "Лукашенко",  # spellings of a listed person
    "sanctions",  # a word the index holds
])
def test_no_suggestion_for_field_names_values_or_names(reader, typed):
    assert run(reader, typed)["corrected"] is None


def test_a_suggestion_keeps_the_case_it_was_typed_in(reader):
    assert run(reader, "Sanctoins")["corrected"] == "Sanctions"
    assert run(reader, "sanctoins")["corrected"] == "sanctions"


# --- notices --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "notice", "total"), [
    ("speaker:nobody", "No speaker matches 'nobody': speaker: takes a name (Lukashenko) or an id "
                       "(aleksandr-lukashenko); see /speakers.", 0),
    ("mention:nobody", "No person matches 'nobody': mention: takes a name (Lukashenko) or an id "
                       "(aleksandr-lukashenko).", 0),
    ("topic:zzz", "No topic matches 'zzz': topic: takes part of a topic's name (Security & defence) or its id "
                  "(security-defence).", 0),
    ("kind:xyz", "No passage is of kind 'xyz': kind: takes quote, narration, heading or caption.", 0),
    ("date:[2025 to 2023]", "date:[2025 to 2023] is an impossible range: the start is after the end.", 0),
    ("world date:abc", "date:abc is not a date, so it was left out: date: takes a year, a month or a day "
                       "(2023, 2023-10, 2023-10-13) or a range (date:[2023 to 2024]).", 3),
    ("world date:[abc to 2023]", "date:[abc to 2023] is not a date range, so it was left out: date: takes a "
                                 "year, a month or a day (2023, 2023-10, 2023-10-13) or a range "
                                 "(date:[2023 to 2024]).", 3),
    ("world speaker:", "speaker: has nothing after it, so it was left out.", 3),
])
def test_a_value_that_matches_nothing_is_named(reader, text, notice, total):
    result = run(reader, text)
    assert (result["notice"], result["total"]) == (notice, total)


def test_summit_notice_names_the_problem(reader):
    notice = run(reader, "summit:nowhere")["notice"]
    assert notice.startswith("No summit matches 'nowhere': summit: takes part of a summit's name (a city or a "
                             "year) or its id (")


def test_notices_are_appended_not_replaced(reader):
    notice = run(reader, "speaker:nobody topic:zzz")["notice"]
    assert notice.startswith("No speaker matches 'nobody'") and "No topic matches 'zzz'" in notice
    long = run(reader, "kind:xyz " + "world " * 100)["notice"]
    assert long.startswith("Your query was cut to its first 500 characters. No passage is of kind 'xyz'")


def test_valid_values_say_nothing_and_kinds_are_read_in_any_case(reader):
    for text in ("speaker:putin", "topic:security", "date:2023", "date:[2023 to 2024]", "kind:quote",
                 "kind:(quote OR caption)", "date:(2023 OR 2024)"):
        assert run(reader, text)["notice"] is None, text
    assert run(reader, "kind:Quotes")["total"] == run(reader, "kind:quote")["total"] == 3


# --- one banner for a name variant ----------------------------------------------------------

def test_a_name_variant_is_one_person_entry_and_nothing_else(reader):
    result = run(reader, "Lukashenka")
    assert [p["id"] for p in result["people"]] == ["aleksandr-lukashenko"]
    assert (result["notice"], result["corrected"]) == (None, None)
    assert result["total"] == run(reader, "Lukashenko")["total"] == 1


@pytest.mark.parametrize(("text", "typed"), [
    ("Lukashenka", {"aleksandr-lukashenko": "Lukashenka"}),
    ("speaker:Lukashenka", {"aleksandr-lukashenko": "Lukashenka"}),
    ("Alexander Lukashenka", {"aleksandr-lukashenko": "Alexander Lukashenka"}),
    ("Лукашенко", {"aleksandr-lukashenko": "Лукашенко"}),
    ("Lukashenko", {}),  # part of the name shown: nothing to explain
    ("Aleksandr Lukashenko", {}),
    ("speaker:aleksandr-lukashenko", {}),
])
def test_the_spelling_typed_is_kept_for_the_banner(reader, text, typed):
    assert parse_query(reader.searcher.schema, text, reader.names).typed == typed
