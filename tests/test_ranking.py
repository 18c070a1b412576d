"""Block-at-a-time matching and scoring (indexer/search/ranking.py) must agree with Whoosh:
the same passages, the same scores, the same order, on every page and under facet filters."""

from __future__ import annotations

import pytest

from indexer.build import build_index
from indexer.search import IndexReader, SearchRequest, ranking
from indexer.search.query import parse_query
from tests.conftest import make_corpus

# Words repeated unevenly over passages of different lengths, so that scores differ.
PARAGRAPHS = [
    "Trade grew and trade rules changed.",
    "Energy trade and gas transit were discussed at length by the delegations in the hall.",
    "Security on the border, security in the region, security of gas transit.",
    "Border guards met. Trade in border regions was discussed.",
    "Gas prices were the only topic.",
    "The energy ministers spoke about gas, energy and energy security.",
]


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    root = tmp_path_factory.mktemp("ranking")
    articles = {
        f"day_{n}.txt": f"date: 20{10 + n}-05-0{n + 1}\n\n" + "\n\n".join(PARAGRAPHS[n:] + PARAGRAPHS[:n]) + "\n"
        for n in range(4)
    }
    build_index(make_corpus(root / "corpus", articles), root / "index")
    with IndexReader(root / "index") as handle:
        yield handle


def whoosh_scores(reader, q) -> dict[int, float]:
    results = reader.searcher.search(q, limit=None)
    return {docnum: score for score, docnum in results.top_n}


@pytest.mark.parametrize("typed", ["trade", "gas security", "gas OR border OR energy", "energy^3 OR trade",
                                   "(gas AND energy) OR border", "date:[2011 to 2012]", "gas date:2013"])
def test_scores_are_whooshs_own(reader, typed):
    q = parse_query(reader.searcher.schema, typed).query
    mine = ranking.scores(reader.searcher, q)
    theirs = whoosh_scores(reader, q)
    assert set(mine) == set(theirs) and theirs
    if not ranking.unranked(q):
        assert all(mine[d] == pytest.approx(theirs[d], rel=1e-9) for d in theirs)


@pytest.mark.parametrize("typed", ['"energy security"', "gas NOT border", "gas*"])
def test_phrases_negations_and_unexpanded_prefixes_are_left_to_whoosh(reader, typed):
    assert ranking.scores(reader.searcher, parse_query(reader.searcher.schema, typed).query) is None


def test_every_page_is_the_matching_slice_of_the_whole_ranking(reader):
    whole = reader.search(SearchRequest("gas OR border OR energy", per_page=100))
    order = [hit["id"] for hit in whole["hits"]]
    assert len(order) == whole["total"] == 20
    pages = [reader.search(SearchRequest("gas OR border OR energy", page=p, per_page=3)) for p in range(1, 8)]
    assert [hit["id"] for page in pages for hit in page["hits"]] == order
    q = parse_query(reader.searcher.schema, "gas OR border OR energy").query
    assert order == [reader.searcher.stored_fields(d)["id"] for _, d in reader.searcher.search(q, limit=None).top_n]
    topic = whole["facets"]["topic"][0]
    assert 0 < topic["count"] < whole["total"]
    narrowed = reader.search(SearchRequest("gas OR border OR energy", topic=(topic["value"],), per_page=100))
    assert [hit["id"] for hit in narrowed["hits"]] == [
        hit["id"] for hit in whole["hits"] if topic["value"] in {t["id"] for t in hit["topics"]}]


def test_a_date_range_alone_lists_its_passages_newest_first(reader):
    result = reader.search(SearchRequest("date:[2011 to 2012]", per_page=100))
    assert result["total"] == 12
    dates = [hit["date"] for hit in result["hits"]]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2012-05-03"
