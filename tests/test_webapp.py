"""The site and the JSON API through Flask's test client, over an index of tests/articles."""

from __future__ import annotations

import csv
import io
import re

import pytest

from webapp import create_app

from .test_search import B_LUKASHENKO, B_TOKAYEV, D_PUTIN, D_RAHMON, M_LUKASHENKO, M_NARRATION, M_PUTIN


def hit_ids(html: str) -> list[str]:
    return re.findall(r'<p class="source" id="hit-([^"]+)">', html)


def facet_labels(html: str, facet: str) -> list[tuple[str, str, bool]]:
    """(value, label text, checked) for each checkbox of a facet, in page order."""
    section = html.split(f'id="facet-{facet}"', 1)[1].split("</fieldset>", 1)[0]
    boxes = re.findall(r'<input type="checkbox" name="' + facet + r'" value="([^"]+)" id="[^"]+"\s*(checked)?>\s*'
                       r'<label for="[^"]+">(.*?)</label>', section, re.S)
    return [(value, re.sub(r"<[^>]+>", "", label).strip(), bool(checked)) for value, checked, label in boxes]


# --- pages ---------------------------------------------------------------------------------


def test_search_page_lists_highlighted_quotes_with_facets(client):
    response = client.get("/search?q=sanctions")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert hit_ids(html) == [B_LUKASHENKO, M_LUKASHENKO]
    assert "2 quotes for “sanctions”" in html  # a text query shows quotes first
    assert ('<blockquote class="quote">Aleksandr Lukashenko said, “Western <mark>sanctions</mark> have failed. '
            "We trade with the whole world.”</blockquote>") in html
    assert facet_labels(html, "speaker") == [("aleksandr-lukashenko", "Aleksandr Lukashenko (2)", False)]
    assert 'value="sanctions"' in html  # the search box keeps the query


def test_facet_selection_shows_checked_box_chip_and_other_counts(client):
    html = client.get("/search?speaker=vladimir-putin&topic=security-defence").get_data(as_text=True)
    assert hit_ids(html) == [D_PUTIN]
    assert facet_labels(html, "speaker") == [
        ("vladimir-putin", "Vladimir Putin (1)", True), ("emomali-rahmon", "Emomali Rahmon (1)", False)]
    assert facet_labels(html, "topic") == [
        ("security-defence", "Security &amp; defence (1)", True), ("economy-trade", "Economy &amp; trade (1)", False)]
    assert ('<a class="chip" href="/search?topic=security-defence" aria-label="Remove filter Speaker: '
            'Vladimir Putin">Speaker: Vladimir Putin') in html
    assert "shows passages with <strong>any</strong> of them" in html


def test_empty_query_browses_newest_first_with_pagination(client):
    html = client.get("/search?per_page=3&page=2").get_data(as_text=True)
    assert hit_ids(html) == [M_PUTIN, M_NARRATION, B_TOKAYEV]
    assert '<ol class="hits" start="4">' in html
    assert '<a rel="prev" href="/search?per_page=3">← Previous</a>' in html  # the page size is kept
    assert '<a rel="next" href="/search?page=3&amp;per_page=3">Next →</a>' in html
    assert '<input type="hidden" name="per_page" value="3">' in html  # and by the facet form


def test_long_facet_list_has_a_more_control(client, app):
    html = client.get("/search").get_data(as_text=True)
    assert "<summary>" not in html.split('id="facet-speaker"', 1)[1].split("</fieldset>", 1)[0]
    from webapp import presenters

    presenters.FACET_TOP, saved = 2, presenters.FACET_TOP
    try:
        html = client.get("/search").get_data(as_text=True)
    finally:
        presenters.FACET_TOP = saved
    speaker_section = html.split('id="facet-speaker"', 1)[1].split("</fieldset>", 1)[0]
    assert "<summary>2 more speaker values</summary>" in speaker_section


def test_user_text_is_escaped_everywhere(client):
    query = "<script>alert(1)</script>"
    html = client.get("/search", query_string={"q": query}).get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = client.get("/search?q=Russian").get_data(as_text=True)
    assert "peoples &lt;script&gt;alert('x')&lt;/script&gt; and" in html
    assert "A common language &lt;script&gt;alert(1)&lt;/script&gt;" in html
    article = client.get("/articles/bishkek_language").get_data(as_text=True)
    assert "<script>alert" not in article


@pytest.mark.parametrize(("url", "message"), [
    ("/search?page=abc", "page must be a whole number, not &#39;abc&#39;"),
    ("/search?page=0", "page must be 1 or more"),
    ("/search?q=sanctions&page=7", "page 7 is past the last page (1)"),
    ("/search?per_page=500", "per_page must be between 1 and 100"),
    ("/search?sort=loudest", "sort must be &#39;relevance&#39; or &#39;date&#39;"),
    ("/search?speaker=nobody", "unknown speaker &#39;nobody&#39;"),
    ("/search?topic=cooking", "unknown topic &#39;cooking&#39;"),
    ("/search?summit=mars", "unknown summit &#39;mars&#39;"),
])
def test_bad_parameters_are_a_400_page_naming_the_parameter(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert f"Cannot search: {message}." in response.get_data(as_text=True)


@pytest.mark.parametrize(("query", "notice"), [
    ('"unclosed', "searched for the words: unclosed"),
    ("AND OR", "Your query has no searchable words, so every passage is shown."),
    ("((", "Your query has no searchable words, so every passage is shown."),
    ("*", "Your query has no searchable words, so every passage is shown."),
    ("x%&(" * 500, "Your query was cut to its first 500 characters."),
])
def test_malformed_queries_never_fail(client, query, notice):
    response = client.get("/search", query_string={"q": query})
    assert response.status_code == 200
    assert notice in response.get_data(as_text=True)


def test_name_variants_find_the_same_passages_and_offer_the_speaker(client):
    results = [client.get("/api/search", query_string={"q": q}).get_json()
               for q in ("Alexander Lukashenko", "Lukashenka", "Aleksandr Lukashenko", "speaker:Lukashenko")]
    assert [[h["id"] for h in r["hits"]] for r in results] == [[B_LUKASHENKO, M_LUKASHENKO]] * 4
    assert results[1]["people"] == [{
        "id": "aleksandr-lukashenko", "name": "Aleksandr Lukashenko", "url": "/speakers/aleksandr-lukashenko",
        "typed": "Lukashenka", "filter_url": "/search?q=Lukashenka&speaker=aleksandr-lukashenko"}]
    html = client.get("/search?q=Lukashenka").get_data(as_text=True)
    assert 'Looking for <a href="/speakers/aleksandr-lukashenko">Aleksandr Lukashenko</a>?' in html


def test_did_you_mean(client):
    assert client.get("/api/search?q=sanktions").get_json()["corrected"] == "sanctions"
    html = client.get("/search?q=sanktions&kind=all&verbatim=1").get_data(as_text=True)
    assert 'Did you mean <a href="/search?q=sanctions&amp;kind=all">sanctions</a>?' in html
    found_nothing = client.get("/search?q=sanktions").get_data(as_text=True)  # shows what the suggestion finds
    assert "Showing results for <strong>sanctions</strong>." in found_nothing
    assert '<a href="/search?q=sanktions&amp;verbatim=1">Search instead for sanktions</a>' in found_nothing


def test_speaker_pages(client):
    html = client.get("/speakers").get_data(as_text=True)
    assert re.findall(r'<li><a href="/speakers/([^"]+)">[^<]+</a> <span class="count">\((\d+) passages?\)', html) == [
        ("aleksandr-lukashenko", "2"), ("vladimir-putin", "2"), ("emomali-rahmon", "1"), ("kassym-jomart-tokayev", "1")]
    page = client.get("/speakers/vladimir-putin").get_data(as_text=True)
    assert hit_ids(page) == [D_PUTIN, M_PUTIN]
    assert '<input type="hidden" name="speaker" value="vladimir-putin">' in page
    assert '<a href="/search?speaker=vladimir-putin&amp;topic=economy-trade">Economy &amp; trade</a>' in page
    assert client.get("/speakers/nobody").status_code == 404


def test_passage_permalink_and_article_anchor(client):
    html = client.get(f"/passages/{M_PUTIN}").get_data(as_text=True)
    assert "Vladimir Putin noted that trade between the Commonwealth countries grew by a tenth." in html
    assert f'<a href="/passages/{M_LUKASHENKO}">' in html and f'<a href="/passages/{M_NARRATION}">' in html
    assert f'<a href="/articles/moscow_sanctions#{M_PUTIN}">Read it in the whole article</a>' in html
    article = client.get("/articles/moscow_sanctions").get_data(as_text=True)
    assert f'<div id="{M_PUTIN}" class="passage quote">' in article
    removed = client.get("/passages/moscow_sanctions-00000000")
    assert removed.status_code == 404
    assert "It may have been removed when its article was edited or deleted." in removed.get_data(as_text=True)
    assert client.get("/articles/nope").status_code == 404


def test_export_csv_and_json_hold_every_hit_with_the_filters(client):
    csv_response = client.get("/search/export.csv?q=security&per_page=1&page=1")
    assert csv_response.headers["Content-Disposition"] == "attachment; filename=summit-search.csv"
    body = csv_response.get_data(as_text=True)
    assert body.startswith("\ufeff")  # a byte-order mark, so that Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(body[1:])))
    assert [row["id"] for row in rows] == [D_RAHMON, D_PUTIN]
    assert rows[0]["speakers"] == "Emomali Rahmon"
    assert rows[0]["url"] == f"http://localhost/passages/{D_RAHMON}"
    data = client.get("/search/export.json?speaker=aleksandr-lukashenko&sort=date").get_json()
    assert (data["total"], data["truncated"], [h["id"] for h in data["hits"]]) == (
        2, False, [M_LUKASHENKO, B_LUKASHENKO])
    assert client.get("/search/export.xml").status_code == 404


# --- JSON API ------------------------------------------------------------------------------


def test_api_search_contract(client):
    data = client.get("/api/search?q=sanctions&per_page=1").get_json()
    assert list(data)[:8] == ["query", "total", "passages", "page", "per_page", "pages", "notice", "corrected"]
    assert (data["query"], data["total"], data["page"], data["per_page"], data["corrected"]) == (
        "sanctions", 2, 1, 1, None)
    (hit,) = data["hits"]
    assert {"id", "article_id", "article_title", "summit", "date", "speakers", "topics", "kind", "text",
            "highlight", "url"} <= set(hit)
    assert (hit["id"], hit["summit"], hit["date"], hit["speakers"], hit["url"]) == (
        B_LUKASHENKO, {"id": "2023-bishkek", "label": "CIS summit, Bishkek 2023"}, "2023-10-13",
        [{"id": "aleksandr-lukashenko", "name": "Aleksandr Lukashenko"}], f"/passages/{B_LUKASHENKO}")
    assert hit["highlight"] == ("Aleksandr Lukashenko stressed that <mark>sanctions</mark> against the language "
                                "of interethnic communication are absurd.")
    assert data["facets"]["speaker"] == [{
        "value": "aleksandr-lukashenko", "label": "Aleksandr Lukashenko", "count": 2, "selected": False,
        "toggle_url": "/search?q=sanctions&speaker=aleksandr-lukashenko&per_page=1"}]


@pytest.mark.parametrize(("url", "parameter"), [
    ("/api/search?page=x", "page"), ("/api/search?per_page=0", "per_page"), ("/api/search?per_page=101", "per_page"),
    ("/api/search?page=3", "page"), ("/api/search?sort=up", "sort"), ("/api/search?speaker=x", "speaker"),
    ("/api/search?topic=x", "topic"), ("/api/search?summit=x", "summit"),
])
def test_api_bad_parameters_are_400_json(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response.get_json()["parameter"] == parameter
    assert parameter in response.get_json()["error"]


def test_api_lookups_and_404s(client):
    speakers = client.get("/api/speakers").get_json()["speakers"]
    assert [(s["id"], s["count"]) for s in speakers][:2] == [("aleksandr-lukashenko", 2), ("vladimir-putin", 2)]
    putin = client.get("/api/speakers/vladimir-putin").get_json()
    assert (putin["count"], [h["id"] for h in putin["passages"]["hits"]]) == (2, [D_PUTIN, M_PUTIN])
    assert [t["id"] for t in putin["topics"]] == ["economy-trade", "security-defence"]
    passage = client.get(f"/api/passages/{M_NARRATION}").get_json()
    assert (passage["context"]["previous"]["id"], passage["context"]["next"]) == (M_PUTIN, None)
    article = client.get("/api/articles/dushanbe_security").get_json()
    assert [p["id"] for p in article["passages"]] == [D_PUTIN, D_RAHMON]
    for url in ("/api/speakers/nobody", "/api/passages/nope", "/api/articles/nope", "/api/nothing"):
        response = client.get(url)
        assert response.status_code == 404 and "error" in response.get_json()


@pytest.mark.parametrize("url", [
    "/search?q=%00", "/search?q=" + "%F0%9F%98%80" * 300, "/search?q=((((((((((((x))))))))))))",
    "/search?q=" + "(" * 300 + "x" + ")" * 150, "/search?q=date:[2023%20to", "/search?q=date:notadate",
    "/search?q=speaker:", "/search?q=%22%22", "/search?q=NOT", "/search?q=^2", "/search?q=a~5",
    "/search?q=x:y:z", "/search?page=99999999999999999999", "/search?per_page=-1", "/search?sort=",
    "/api/search?q=%3Cscript%3E", "/passages/..%2F..%2Fetc", "/articles/%3Cscript%3E", "/speakers/%00",
    "/search/export.csv?q=((", "/search/export.json?page=abc", "/api/search?q=topic:", "/search?q=summit:%22",
])
def test_no_user_input_gives_a_500(client, url):
    assert client.get(url).status_code < 500


def test_missing_index_is_503_not_500(tmp_path):
    app = create_app({"INDEX_PATH": str(tmp_path / "none"), "TESTING": True})
    client = app.test_client()
    assert client.get("/search?q=x").status_code == 503
    assert client.get("/api/search").get_json() == {
        "error": "The search index is not built yet. Run `summit-search index`, then reload."}


def test_static_assets_are_served_locally(client):
    html = client.get("/").get_data(as_text=True)
    assert re.findall(r'(?:href|src)="(https?:)?//', html) == []
    for asset in ("/static/style.css", "/static/facets.js"):
        with client.get(asset) as response:
            assert response.status_code == 200
