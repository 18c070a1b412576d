"""CLI polish: counts in the singular where there is one, and --speaker, --topic and --summit
reading names and labels as speaker:, topic: and summit: do."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.wording import plural

from .conftest import make_corpus

ARTICLES = {
    "talks.txt": """title: Talks in Bishkek
date: 2023-10-13
source: Test Wire
summit: 2023-bishkek

Vladimir Putin said, “Security matters to every member of the Commonwealth.”

Aleksandr Lukashenko said, “Trade between our countries grows every year.”
""",
}


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("polish")
    corpus = make_corpus(root / "corpus", ARTICLES)
    assert invoke("index", "--corpus", corpus, "--index", root / "index").exit_code == 0
    return root / "index"


def ids(result) -> list[str]:
    return [hit["id"] for hit in json.loads(result.stdout)["hits"]]


def test_plural_forms():
    assert [plural(n, "passage") for n in (0, 1, 2)] == ["0 passages", "1 passage", "2 passages"]
    assert plural(1, "summary", "summaries") == "1 summary"
    assert plural(3, "summary", "summaries") == "3 summaries"


def test_search_says_one_passage_in_the_singular(index_dir):
    assert invoke("search", "--index", index_dir, "security").stdout.splitlines()[0] == "1 passage (page 1 of 1)"
    assert invoke("search", "--index", index_dir, "every").stdout.splitlines()[0] == "2 passages (page 1 of 1)"


def test_add_says_one_passage_in_the_singular(index_dir, tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    article = tmp_path / "one.txt"
    article.write_text("title: One line\ndate: 2023-10-13\n\nVladimir Putin said, “One passage.”\n", encoding="utf-8")
    result = invoke("add", article, "--corpus", corpus, "--index", tmp_path / "ix")
    assert "; 1 passage; speakers: Vladimir Putin (1)" in result.stdout


@pytest.mark.parametrize(("option", "value", "field"), [
    ("--speaker", "putin", "speaker:putin"),
    ("--speaker", "Путин", "speaker:vladimir-putin"),
    ("--speaker", "vladimir-putin", "speaker:putin"),
    ("--topic", "security", "topic:security"),
    ("--summit", "bishkek", "summit:bishkek"),
])
def test_options_take_what_the_fields_take(index_dir, option, value, field):
    by_option = invoke("search", "--index", index_dir, "--json", option, value)
    by_field = invoke("search", "--index", index_dir, "--json", field)
    assert by_option.exit_code == by_field.exit_code == 0
    assert ids(by_option) == ids(by_field) != []


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--speaker", "nobody", "summit-search: --speaker: No speaker matches 'nobody': speaker: takes a name "
                            "(Lukashenko) or an id (aleksandr-lukashenko); see /speakers.\n"),
    ("--topic", "zzz", "summit-search: --topic: No topic matches 'zzz': topic: takes part of a topic's name "
                       "(Security & defence) or its id (security-defence).\n"),
])
def test_an_option_matching_nothing_is_a_usage_error_naming_it(index_dir, option, value, message):
    result = invoke("search", "--index", index_dir, option, value)
    assert (result.exit_code, result.stderr) == (2, message)
