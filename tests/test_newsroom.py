"""What a newsroom relies on: quotes first, outlets, one card per quote, time filters, citations,
exports a spreadsheet reads, feeds and a front page, over four short articles written for this:
the same Putin quote as a TASS wire (« »), a BelTA feature (“ ” and reported speech around it) and
a Kremlin transcript, plus an older Kazinform story."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from webapp import create_app

from .conftest import make_corpus

ARTICLES = Path(__file__).resolve().parent / "newsroom_articles"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from indexer.build import build_index

    root = tmp_path_factory.mktemp("newsroom")
    corpus = make_corpus(root / "corpus", {p.name: p.read_text() for p in ARTICLES.glob("*.txt")})
    build_index(corpus, root / "index")
    app = create_app({"INDEX_PATH": str(root / "index"), "TESTING": True})
    yield app.test_client()
    app.extensions["readers"].close_all()


def api(client, query: str) -> dict:
    response = client.get("/api/search?" + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def counts(result: dict, facet: str) -> dict[str, int]:
    return {v["value"]: v["count"] for v in result["facets"][facet]}


def test_facets_include_kind_outlet_and_year(client):
    result = api(client, "")  # counts are cards: Putin's quote counts once, whoever printed it
    assert counts(result, "kind") == {"quote": 3, "narration": 1, "caption": 1}
    assert counts(result, "outlet") == {"tass": 2, "belta": 2, "kremlin": 1, "kazinform": 2}
    assert counts(result, "year") == {"2024": 3, "2023": 2}
    every = api(client, "copies=all")
    assert counts(every, "kind") == {"quote": 5, "narration": 1, "caption": 1}
    assert [v["value"] for v in result["facets"]["year"]] == ["2024", "2023"]  # newest first
    assert [v["value"] for v in result["facets"]["kind"]] == ["quote", "narration", "caption"]


def test_outlet_year_and_kind_filter_like_any_facet(client):
    assert api(client, "outlet=kazinform&kind=quote")["total"] == 1
    assert api(client, "year=2023")["total"] == 2
    tass = api(client, "outlet=tass&copies=all")
    assert {hit["outlet"]["label"] for hit in tass["hits"]} == {"TASS"}
    assert api(client, "year=1999")["total"] == 0  # a year with nothing is no error


def test_one_quote_from_three_outlets_is_one_card(client):
    grouped = api(client, "q=payment+system")
    assert grouped["total"] == 1 and grouped["passages"] == 3
    (hit,) = grouped["hits"]
    assert hit["speakers"][0]["id"] == "vladimir-putin"
    others = hit["also_reported_by"]
    assert len(others) == 2
    assert {o["outlet"] for o in others} | {hit["outlet"]["label"]} == {"TASS", "BelTA", "kremlin.ru"}
    assert all(o["url"].startswith("/passages/") and o["date"] for o in others)
    every = api(client, "q=payment+system&copies=all")
    assert every["total"] == 3 and len({h["quote_id"] for h in every["hits"]}) == 1
    assert api(client, "q=factories")["hits"][0]["also_reported_by"] == []  # a quote nobody else printed


def test_pages_show_quotes_first_with_a_switch(client):
    assert api(client, "q=trade")["total"] == 2  # the quote (three copies, one card) and a narration
    quotes_only = client.get("/search?q=trade").get_data(as_text=True)
    assert "1 quote for “trade”" in quotes_only
    assert '<a class="switch" href="/search?q=trade&amp;kind=all">Show all passages</a>' in quotes_only
    every = client.get("/search?q=trade&kind=all").get_data(as_text=True)
    assert "2 passages for “trade”" in every
    assert '<a class="switch" href="/search?q=trade">Show quotes only</a>' in every


def test_date_range_filters_and_bad_dates_name_the_parameter(client):
    assert api(client, "from=2024")["passages"] == 5
    assert api(client, "from=2024-10-09&copies=all")["total"] == 2
    assert api(client, "to=2023-12")["total"] == 2
    bad = client.get("/api/search?from=13-10-2023")
    assert bad.status_code == 400 and bad.get_json()["parameter"] == "from"
    backwards = client.get("/search?from=2025&to=2023")
    assert backwards.status_code == 400 and "from (2025) is after to (2023)" in backwards.get_data(as_text=True)


def test_year_histogram_bars_filter(client):
    html = client.get("/search?kind=all").get_data(as_text=True)
    assert ('<a href="/search?year=2023" id="hist-2023"\n           '
            'aria-label="2023: 2 passages; click to filter to this year">') in html
    quotes = client.get("/search?q=payment").get_data(as_text=True)  # one quote, three copies
    assert 'aria-label="2024: 1 quote; click to filter to this year"' in quotes


def test_csv_has_a_bom_outlet_and_mentions(client):
    response = client.get("/search/export.csv?q=payment+system&copies=all")
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body[1:])))
    assert {"outlet", "mentions", "quote_id"} <= set(rows[0])
    assert sorted(r["outlet"] for r in rows) == ["BelTA", "TASS", "kremlin.ru"]
    assert "charset=utf-8" in response.headers["Content-Type"]


def test_atom_feed_of_a_search_is_newest_first(client):
    response = client.get("/search.atom?q=payment+system&copies=all")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.get_data())
    entries = feed.findall(f"{ATOM}entry")
    dates = [e.find(f"{ATOM}updated").text[:10] for e in entries]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-10-09"
    assert all(e.find(f"{ATOM}id").text.startswith("http://localhost/passages/") for e in entries)
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Vladimir Putin"
    page = client.get("/search?q=payment+system").get_data(as_text=True)
    assert 'type="application/atom+xml" href="/search.atom?q=payment+system"' in page


def test_citation_names_speaker_outlet_title_date_summit_and_link(client):
    html = client.get("/search?q=factories").get_data(as_text=True)
    assert ("Aleksandr Lukashenko: “Our factories must work for a common market.” BelTA, “Payments, corridors "
            "and a common market”, 9 October 2024. CIS summit, Moscow 2024. "
            "https://www.belta.by/president/view/payments-and-corridors</textarea>") in html
    transcript = client.get("/search?q=payment+system").get_data(as_text=True)  # no label, no nested marks
    assert ("Vladimir Putin: “The Commonwealth needs its own payment system so that trade between our countries "
            "no longer depends on anyone else. Thank you.” kremlin.ru, “Meeting of the CIS Council of Heads of "
            "State”, 8 October 2024. CIS summit, Moscow 2024. http://en.kremlin.ru/events/president/transcripts/"
            "00000</textarea>") in transcript


def test_home_page_says_what_the_index_holds(client):
    html = client.get("/").get_data(as_text=True)
    for figure in ("4 articles", "7 passages", "13 October 2023", "9 October 2024"):
        assert figure in html
    assert 'href="/speakers/vladimir-putin"' in html


def test_speakers_page_gives_role_and_last_summit(client):
    html = client.get("/speakers").get_data(as_text=True)
    assert ('<li><a href="/speakers/vladimir-putin">Vladimir Putin</a> <span class="count">(3 passages)</span>\n'
            '      <p class="role">President of Russia</p>\n      <p class="last">Last summit: '
            '<a href="/search?speaker=vladimir-putin&amp;summit=2024-moscow">CIS summit, Moscow 2024</a></p>') in html


def _cards(index_dir: Path, text: str) -> tuple[int, int]:
    from indexer.search import IndexReader, SearchRequest

    with IndexReader(index_dir) as reader:
        result = reader.search(SearchRequest(text))
        return result["total"], result["passages"]


def test_an_article_added_later_joins_the_quote_already_indexed(tmp_path):
    from indexer.build import build_index

    first = {name: (ARTICLES / name).read_text() for name in ("wire_tass.txt", "feature_belta.txt")}
    corpus = make_corpus(tmp_path / "corpus", first)
    build_index(corpus, tmp_path / "index")
    assert _cards(tmp_path / "index", "payment system") == (1, 2)
    (corpus / "transcript_kremlin.txt").write_text((ARTICLES / "transcript_kremlin.txt").read_text())
    build_index(corpus, tmp_path / "index")  # incremental: only the new article is written
    assert _cards(tmp_path / "index", "payment system") == (1, 3)


def test_one_article_saying_a_thing_twice_is_not_two_outlets(tmp_path):
    from indexer.build import build_index

    repeated = ("title: Twice\ndate: 2024-10-08\nsource: TASS\n\n"
                "Vladimir Putin said: «Our common market must be open to every member state of the union.»\n\n"
                "Later he repeated it. Vladimir Putin said: «Our common market must be open to every member "
                "state of the union.»\n")
    corpus = make_corpus(tmp_path / "corpus", {"twice.txt": repeated})
    build_index(corpus, tmp_path / "index")
    assert _cards(tmp_path / "index", "common market") == (2, 2)


def test_a_misspelt_query_that_finds_nothing_shows_what_the_suggestion_finds(client):
    html = client.get("/search?q=paymant+systam").get_data(as_text=True)
    assert "Showing results for <strong>payment system</strong>" in html
    assert 'href="/search?q=paymant+systam&amp;verbatim=1"' in html
    verbatim = client.get("/search?q=paymant+systam&verbatim=1").get_data(as_text=True)
    assert "0 quotes for “paymant systam”" in verbatim


def test_cli_search_takes_the_new_filters_and_groups_copies(tmp_path):
    from click.testing import CliRunner

    from indexer.cli import main

    corpus = make_corpus(tmp_path / "corpus", {p.name: p.read_text() for p in ARTICLES.glob("*.txt")})
    paths = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    grouped = CliRunner().invoke(main, ["search", "payment system", *paths])
    assert "1 passage (page 1 of 1); 2 copies from other outlets grouped (--copies shows them)" in grouped.output
    assert "also reported by " in grouped.output
    filtered = CliRunner().invoke(main, ["search", "--outlet", "kazinform", "--kind", "quote", "--from", "2023",
                                         "--to", "2023-12", *paths])
    assert "1 passage (page 1 of 1)" in filtered.output and "Kazinform · 2023-10-13" in filtered.output
    wrong = CliRunner().invoke(main, ["search", "--from", "yesterday", *paths])
    assert wrong.exit_code == 2 and "--from: from must be a date like 2023" in wrong.output


def test_browsing_says_newest_first_not_best_match(client):
    html = client.get("/search?kind=all").get_data(as_text=True)
    assert '<strong aria-current="true">Newest first</strong>' in html and "Best match" not in html


def test_paging_one_card_per_quote_never_repeats_or_skips(client):
    every_card = [h["id"] for h in api(client, "per_page=100")["hits"]]
    paged = [h["id"] for page in (1, 2, 3) for h in api(client, f"per_page=2&page={page}")["hits"]]
    assert paged == every_card and len(every_card) == 5


def test_a_year_range_fills_the_date_boxes_with_whole_days(client):
    html = client.get("/search?q=trade&from=2024&to=2024-02").get_data(as_text=True)
    assert 'value="2024-01-01"' in html and 'value="2024-02-29"' in html  # a leap year's February
    assert '<form id="facet-form" action="/search" method="get" novalidate>' in html


def test_feeds_survive_characters_xml_cannot_carry(client):
    for query in ("%00", "%EF%BF%BF", "payment%0Csystem"):
        response = client.get(f"/search.atom?q={query}")
        assert response.status_code == 200
        ET.fromstring(response.get_data())


def test_a_word_ending_in_kind_is_no_kind_field():
    from indexer.search.request import with_kind_default

    assert with_kind_default("mankind: trade", ()) == ("quote",)
    assert with_kind_default("KIND:narration trade", ()) == ()
    assert with_kind_default("trade", ("quote", "all")) == ("quote",)  # the form's marker beside a ticked box


def test_exports_and_feeds_ignore_the_page_size_they_fix(client):
    assert client.get("/search.atom?per_page=1e3").status_code == 200
    assert client.get("/search/export.csv?per_page=0").status_code == 200


def test_csv_cells_starting_with_a_tab_or_return_cannot_become_formulas():
    from webapp.views import _no_formula

    assert [_no_formula(v) for v in ("\t=HYPERLINK(1)", "\r=1", "plain")] == ["'\t=HYPERLINK(1)", "'\r=1", "plain"]
