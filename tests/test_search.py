"""The search layer over a tiny index built from tests/articles: exact hits, counts and HTML."""

from __future__ import annotations

import pytest

from indexer.build import build_index
from indexer.search import IndexReader, SearchError, SearchRequest

# Passage ids are "<article id>-<first 8 hex of SHA-1 of the passage text>".
M_LUKASHENKO = "moscow_sanctions-452c6572"  # “Western sanctions have failed. We trade ...”
M_PUTIN = "moscow_sanctions-294cf685"  # Putin noted that trade ... grew
M_NARRATION = "moscow_sanctions-f3ddab7a"  # The delegations then visited an exhibition.
B_TOKAYEV = "bishkek_language-bb8ba3cd"  # “The Russian language unites our peoples <script>...”
B_LUKASHENKO = "bishkek_language-247ca642"  # stressed that sanctions against the language ...
D_PUTIN = "dushanbe_security-32c0833b"  # “Security cooperation and the fight against terrorism ...”
D_RAHMON = "dushanbe_security-2c02326c"  # border security matters


@pytest.fixture
def reader(search_corpus, tmp_path):
    build_index(search_corpus, tmp_path / "index")
    with IndexReader(tmp_path / "index") as handle:
        yield handle


def run(reader, text="", **kwargs):
    return reader.search(SearchRequest(text, **kwargs))


def ids(result) -> list[str]:
    return [hit["id"] for hit in result["hits"]]


def counts(result, facet) -> dict[str, int]:
    return {v["value"]: v["count"] for v in result["facets"][facet]}


def test_empty_query_browses_everything_newest_first(reader):
    result = run(reader)
    assert result["total"] == 7
    assert ids(result) == [D_PUTIN, D_RAHMON, M_LUKASHENKO, M_PUTIN, M_NARRATION, B_TOKAYEV, B_LUKASHENKO]
    assert counts(result, "speaker") == {"aleksandr-lukashenko": 2, "vladimir-putin": 2,
                                         "emomali-rahmon": 1, "kassym-jomart-tokayev": 1}
    assert counts(result, "summit") == {"2024-moscow": 3, "2023-bishkek": 2, "2025-dushanbe": 2}


def test_stemmed_word_with_highlight(reader):
    result = run(reader, "sanction")
    assert ids(result) == [B_LUKASHENKO, M_LUKASHENKO]  # one match each: the shorter passage ranks first
    assert result["hits"][1]["highlight"] == (
        "Aleksandr Lukashenko said, “Western <mark>sanctions</mark> have failed. We trade with the whole world.”")
    assert counts(result, "speaker") == {"aleksandr-lukashenko": 2}
    assert counts(result, "topic") == {"world-order-west": 2, "economy-trade": 1, "language-culture": 1}


def test_hit_shape_matches_the_api_contract(reader):
    hit = run(reader, "exhibition")["hits"][0]
    assert hit == {
        "id": M_NARRATION, "article_id": "moscow_sanctions",
        "article_title": "Sanctions and trade at the Moscow summit", "position": 2,
        "summit": {"id": "2024-moscow", "label": "CIS summit, Moscow 2024"}, "date": "2024-10-08",
        "speakers": [], "mentions": [], "topics": [], "kind": "narration",
        "outlet": {"id": "belta", "label": "BelTA"}, "lang": "en", "quote_id": M_NARRATION, "section": None,
        "text": "The delegations then visited an exhibition.", "start": 277, "end": 320,
        "url": f"/passages/{M_NARRATION}", "source_url": None, "also_reported_by": [],
        "highlight": "The delegations then visited an <mark>exhibition</mark>.",
    }


def test_article_text_is_escaped_and_only_marks_are_html(reader):
    (hit,) = run(reader, "Russian")["hits"]
    assert hit["highlight"] == (
        "Kassym-Jomart Tokayev said, “The <mark>Russian</mark> language unites our peoples "
        "&lt;script&gt;alert('x')&lt;/script&gt; and must be taught.”")
    assert hit["article_title"] == "A common language <script>alert(1)</script>"  # data; templates escape


def test_phrase_prefix_boolean_and_field_syntax(reader):
    assert ids(run(reader, '"Russian language"')) == [B_TOKAYEV]
    assert sorted(ids(run(reader, "sanct*"))) == sorted([M_LUKASHENKO, B_LUKASHENKO])
    assert ids(run(reader, "security NOT border")) == [D_PUTIN]
    assert sorted(ids(run(reader, "trade OR terrorism"))) == sorted([M_LUKASHENKO, M_PUTIN, D_PUTIN])
    assert sorted(ids(run(reader, "speaker:vladimir-putin"))) == sorted([M_PUTIN, D_PUTIN])
    assert ids(run(reader, "date:2024", sort="date")) == [M_LUKASHENKO, M_PUTIN, M_NARRATION]


def test_facets_or_within_and_across_with_counts_from_the_other_facets(reader):
    putin = run(reader, speaker=("vladimir-putin",))
    assert sorted(ids(putin)) == sorted([M_PUTIN, D_PUTIN])
    # the speaker facet ignores its own selection, so other speakers can be added
    assert counts(putin, "speaker") == {"aleksandr-lukashenko": 2, "vladimir-putin": 2,
                                        "emomali-rahmon": 1, "kassym-jomart-tokayev": 1}
    assert counts(putin, "topic") == {"economy-trade": 1, "security-defence": 1}
    either = run(reader, speaker=("vladimir-putin", "aleksandr-lukashenko"))
    assert either["total"] == 4
    both = run(reader, speaker=("vladimir-putin", "aleksandr-lukashenko"), topic=("security-defence",))
    assert ids(both) == [D_PUTIN]
    speaker_values = {v["value"]: (v["count"], v["selected"]) for v in both["facets"]["speaker"]}
    assert speaker_values == {"vladimir-putin": (1, True), "emomali-rahmon": (1, False),
                              "aleksandr-lukashenko": (0, True)}  # selected stays shown to be removed


def test_toggle_urls(reader):
    result = run(reader, "trade", speaker=("vladimir-putin",))
    urls = {v["value"]: v["toggle_url"] for v in result["facets"]["speaker"]}
    assert urls["vladimir-putin"] == "/search?q=trade"
    assert urls["aleksandr-lukashenko"] == "/search?q=trade&speaker=vladimir-putin&speaker=aleksandr-lukashenko"


def test_sort_by_date_and_pagination(reader):
    first = run(reader, "sanctions", sort="date", per_page=1)
    second = run(reader, "sanctions", sort="date", per_page=1, page=2)
    assert (ids(first), ids(second), first["pages"]) == ([M_LUKASHENKO], [B_LUKASHENKO], 2)


@pytest.mark.parametrize(("text", "notice", "hits"), [
    ('"unclosed', "Your query could not be read as search syntax; searched for the words: unclosed", 0),
    ('sanctions (trade', "Your query could not be read as search syntax; searched for the words: sanctions trade",
     1),
    ("AND OR", "Your query has no searchable words, so every passage is shown.", 7),
    ("((", "Your query has no searchable words, so every passage is shown.", 7),
    ("*", "Your query has no searchable words, so every passage is shown.", 7),
    ("(" * 1000 + "sanctions", "Your query was cut to its first 500 characters. "
                               "Your query has no searchable words, so every passage is shown.", 7),
])
def test_malformed_queries_fall_back_and_say_so(reader, text, notice, hits):
    result = run(reader, text)
    assert (result["notice"], result["total"]) == (notice, hits)


def test_long_junk_query_is_cut_and_answered(reader):
    result = run(reader, "sanctions " + "x" * 2000)
    assert result["notice"] == "Your query was cut to its first 500 characters."
    assert result["total"] == 0


def test_did_you_mean(reader):
    assert run(reader, "sanktions")["corrected"] == "sanctions"
    assert run(reader, "secrity")["corrected"] == "security"
    assert run(reader, "sanctions")["corrected"] is None


@pytest.mark.parametrize(("kwargs", "param", "message"), [
    ({"page": 0}, "page", "page must be 1 or more"),
    ({"page": 2}, "page", "page 2 is past the last page (1)"),
    ({"per_page": 0}, "per_page", "per_page must be between 1 and 100"),
    ({"per_page": 101}, "per_page", "per_page must be between 1 and 100"),
    ({"sort": "random"}, "sort", "sort must be 'relevance' or 'date'"),
    ({"speaker": ("nobody",)}, "speaker", "unknown speaker 'nobody'"),
    ({"topic": ("cooking",)}, "topic", "unknown topic 'cooking'"),
    ({"summit": ("2099-mars",)}, "summit", "unknown summit '2099-mars'"),
])
def test_bad_parameters_name_the_parameter(reader, kwargs, param, message):
    with pytest.raises(SearchError) as caught:
        run(reader, "sanctions", **kwargs)
    assert (caught.value.param, str(caught.value)) == (param, message)


def test_passage_with_context_article_and_speakers(reader):
    passage = reader.passage(M_PUTIN)
    assert passage["speakers"] == [{"id": "vladimir-putin", "name": "Vladimir Putin"}]
    assert passage["context"]["previous"]["id"] == M_LUKASHENKO
    assert passage["context"]["next"]["id"] == M_NARRATION
    assert reader.passage("nope") is None
    article = reader.article("moscow_sanctions")
    assert (article["title"], article["source"], article["date"]) == (
        "Sanctions and trade at the Moscow summit", "BelTA", "2024-10-08")
    assert [p["id"] for p in article["passages"]] == [M_LUKASHENKO, M_PUTIN, M_NARRATION]
    assert reader.article("nope") is None
    assert [(s["id"], s["count"], s["url"]) for s in reader.speakers()] == [
        ("aleksandr-lukashenko", 2, "/speakers/aleksandr-lukashenko"),
        ("vladimir-putin", 2, "/speakers/vladimir-putin"),
        ("emomali-rahmon", 1, "/speakers/emomali-rahmon"),
        ("kassym-jomart-tokayev", 1, "/speakers/kassym-jomart-tokayev"),
    ]


def test_reader_refresh_sees_new_commits(search_corpus, tmp_path):
    index_dir = tmp_path / "index"
    build_index(search_corpus, index_dir)
    with IndexReader(index_dir) as reader:
        assert run(reader, "Astana")["total"] == 0
        (search_corpus / "astana.txt").write_text("date: 2022-10-14\n\nThe CIS summit in Astana opened.\n")
        build_index(search_corpus, index_dir)
        assert reader.refresh() is True
        assert run(reader, "Astana")["total"] == 1
        build_index(search_corpus, index_dir, rebuild=True)  # swaps the directory
        assert reader.refresh() is True
        assert run(reader, "Astana")["total"] == 1
        assert reader.refresh() is False


def test_unknown_speakers_are_facet_values_of_their_own(search_corpus, tmp_path):
    (search_corpus / "petrov.txt").write_text("date: 2024-10-08\n\nIvan Petrov said that the trade figures are good.\n")
    build_index(search_corpus, tmp_path / "index")
    with IndexReader(tmp_path / "index") as reader:
        result = run(reader, "trade")
        labels = {v["value"]: (v["label"], v["count"]) for v in result["facets"]["speaker"]}
        assert labels["unknown-ivan-petrov"] == ("Ivan Petrov (not in people.toml)", 1)
        only_him = run(reader, speaker=("unknown-ivan-petrov",))
        assert [h["text"] for h in only_him["hits"]] == ["Ivan Petrov said that the trade figures are good."]
        assert reader.speaker("unknown-ivan-petrov")["name"] == "Ivan Petrov (not in people.toml)"


@pytest.mark.parametrize("query", ["sanctions", "language", ""])
def test_facet_counts_equal_counting_the_hits_themselves(tmp_path, query):
    """Whichever way the counts are computed (small pool walked, large pool intersected, whole
    collection cached), they are the counts of the hits."""
    from collections import Counter

    from bench.generate import generate_corpus

    corpus = generate_corpus(tmp_path / "corpus", 2000).directory
    build_index(corpus, tmp_path / "index")
    with IndexReader(tmp_path / "index") as reader:
        result = reader.search(SearchRequest(query, topic=("world-order-west",) if query == "" else ()))
        hits = list(reader.export(SearchRequest(query, topic=("world-order-west",) if query == "" else ())))
    assert len(hits) == result["total"] > 0
    by_hits = {
        "speaker": Counter(s["id"] for h in hits for s in h["speakers"]),
        "summit": Counter(h["summit"]["id"] for h in hits if h["summit"]),
    }
    for facet, expected in by_hits.items():
        assert {v["value"]: v["count"] for v in result["facets"][facet]} == dict(expected)
