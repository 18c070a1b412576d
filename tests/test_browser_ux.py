"""The site as a journalist uses it, in a real browser (Debian's chromium driven by Playwright):
filters that apply in place with focus and history kept, keyboard only, the histogram, Cite,
no sideways scrolling at 375 px and no serious accessibility problem (axe-core) on any page."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from .browser_support import browser, expect, serious_accessibility_problems  # noqa: F401 (a fixture)
from .conftest import CORPUS, LiveServer, make_corpus

TOKEN = "browser-test-token"
ARTICLE = "004_01a1bb049021b88e"  # the Bishkek 2023 article of the bundled corpus
QUERY = "language"
NEWSROOM = Path(__file__).resolve().parent / "newsroom_articles"  # one Putin quote in three outlets' styles


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The bundled corpus (a copy: the upload test adds to it) with the upload form switched on."""
    corpus = tmp_path_factory.mktemp("ux") / "corpus"
    shutil.copytree(CORPUS, corpus)
    saved = os.environ.get("SUMMIT_SEARCH_ADMIN_TOKEN")
    os.environ["SUMMIT_SEARCH_ADMIN_TOKEN"] = TOKEN
    try:
        server = LiveServer(corpus.parent / "index", corpus)
    finally:
        if saved is None:
            del os.environ["SUMMIT_SEARCH_ADMIN_TOKEN"]
        else:
            os.environ["SUMMIT_SEARCH_ADMIN_TOKEN"] = saved
    yield server
    server.stop()


@pytest.fixture
def page(browser, site):  # noqa: F811 (browser is the imported fixture)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def total(page) -> str:
    return page.locator("#results-title").inner_text()


def first_passage_url(page, site) -> str:
    page.goto(site.url + f"/search?q={QUERY}")
    return page.locator("ol.hits").get_by_role("link", name="Permalink").first.get_attribute("href")


# --- filters in place ------------------------------------------------------------------------


def test_ticking_a_facet_updates_results_in_place_keeps_focus_and_history(page, site):
    page.goto(site.url + f"/search?q={QUERY}&kind=all")
    before = total(page)
    assert before == "7 passages for “language”"
    page.evaluate("window.stillThisDocument = true")  # gone if the page were loaded again
    box = page.get_by_role("checkbox", name=re.compile(r"^Aleksandr Lukashenko \(\d+\)$"))
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"speaker=aleksandr-lukashenko"))
    expect(page.locator("#results-title")).to_have_text("5 passages for “language”")
    after = total(page)
    assert page.evaluate("window.stillThisDocument") is True  # no reload
    assert page.evaluate("document.activeElement.id") == "f-speaker-aleksandr-lukashenko"
    expect(page.locator("#f-speaker-aleksandr-lukashenko")).to_be_checked()
    expect(page.locator("#live")).to_have_text(after)  # the polite live region, still in the DOM
    expect(page.get_by_role("link", name="Remove filter Speaker: Aleksandr Lukashenko")).to_be_visible()
    assert page.title() == f"{QUERY} · summit-search"

    page.go_back()  # popstate: the fragment of the previous URL comes back
    expect(page.locator("#results-title")).to_have_text(before)
    assert "speaker=" not in page.url
    expect(page.locator("#f-speaker-aleksandr-lukashenko")).not_to_be_checked()
    page.go_forward()
    expect(page.locator("#results-title")).to_have_text(after)
    assert page.evaluate("window.stillThisDocument") is True


def test_the_switches_sort_and_chips_apply_in_place(page, site):
    page.goto(site.url + f"/search?q={QUERY}")
    page.evaluate("window.stillThisDocument = true")
    quotes = total(page)
    assert re.fullmatch(r"\d+ quotes? for “language”", quotes)
    page.locator("#switch-kinds a").click()  # "Show all passages"
    page.wait_for_url(re.compile(r"kind=all"))
    expect(page.locator("#results-title")).to_have_text(re.compile(r"^\d+ passages? for “language”$"))
    expect(page.locator("#switch-kinds a")).to_be_focused()  # now "Show quotes only"
    expect(page.locator(".toggle .on").first).to_have_text("All passages")
    page.get_by_role("link", name="Newest first").click()
    page.wait_for_url(re.compile(r"sort=date"))
    expect(page.get_by_text("Newest first", exact=True)).to_have_attribute("aria-current", "true")
    page.locator("#switch-kinds a").click()
    expect(page.locator("#results-title")).to_have_text(quotes)
    page.locator("#f-topic-economy-trade").check()
    page.wait_for_url(re.compile(r"topic=economy-trade"))
    page.get_by_role("link", name="Remove filter Topic: Economy & trade").click()  # the chip
    page.wait_for_url(lambda url: "topic=" not in url)
    expect(page.locator("#results-title")).to_have_text(quotes)
    expect(page.locator("#results")).to_be_focused()  # the chip is gone: focus goes to the results
    assert page.evaluate("window.stillThisDocument") is True


def test_without_javascript_the_form_and_links_still_work(browser, site):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(site.url + f"/search?q={QUERY}")
    expect(page.get_by_role("button", name="Apply filters")).to_be_visible()
    page.get_by_role("checkbox", name=re.compile(r"^Aleksandr Lukashenko \(\d+\)$")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"speaker=aleksandr-lukashenko"))
    expect(page.locator("#f-speaker-aleksandr-lukashenko")).to_be_checked()
    expect(page.locator("#results-title")).to_have_text(re.compile(r"quotes? for “language”$"))
    cite = page.locator("details.cite").first
    cite.locator("summary").click()  # no script: the citation is there to copy by hand
    expect(cite.locator("textarea")).to_be_visible()
    assert cite.locator("textarea").input_value().startswith("Aleksandr Lukashenko: “")
    context.close()


def test_keyboard_only_search_and_filtering(page, site):
    page.goto(site.url + "/")
    page.keyboard.press("Tab")
    expect(page.locator("a.skip")).to_be_focused()
    tab_to(page, "#q")
    page.keyboard.type(QUERY)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=language"))

    page.keyboard.press("Tab")  # the first stop is the skip link, and it skips the filters
    expect(page.locator("a.skip")).to_have_text("Skip to results")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#results') !== null")

    tab_to(page, "#f-topic-economy-trade")
    before = total(page)
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"topic=economy-trade"))
    expect(page.locator("#results-title")).not_to_have_text(before)
    expect(page.locator("#f-topic-economy-trade")).to_be_focused()
    expect(page.locator("#f-topic-economy-trade")).to_be_checked()
    page.keyboard.press("Space")  # and off again, still from the same box
    page.wait_for_url(lambda url: "topic=" not in url)
    expect(page.locator("#results-title")).to_have_text(before)
    expect(page.locator("#f-topic-economy-trade")).to_be_focused()


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Presses Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got focus from the keyboard")


def test_the_histogram_filters_to_a_year(page, site):
    page.goto(site.url + "/search?q=summit&kind=all")  # in both years of the bundled corpus
    figure = page.locator("figure.histogram")
    expect(figure.locator("figcaption")).to_have_text("Matching passages per year")
    bars = figure.get_by_role("link")
    names = [bars.nth(i).get_attribute("aria-label") for i in range(bars.count())]
    assert [re.sub(r"\d+ passages?", "N passages", n) for n in names] == [
        "2023: N passages; click to filter to this year", "2025: N passages; click to filter to this year"]
    count_2023 = int(re.search(r": (\d+) passage", names[0])[1])
    page.evaluate("window.stillThisDocument = true")
    figure.get_by_role("link", name=re.compile("^2023:")).click()
    page.wait_for_url(re.compile(r"year=2023"))
    expect(page.locator("#results-title")).to_have_text(
        f"{count_2023} passage{'' if count_2023 == 1 else 's'} for “summit”")
    selected = page.locator("figure.histogram a[aria-current=true]")
    expect(selected).to_have_count(1)
    expect(selected).to_have_attribute(
        "aria-label", re.compile(r"^2023: \d+ passages?; selected, click to remove the filter$"))
    expect(page.locator("figure.histogram li.selected")).to_have_count(1)
    expect(page.locator("#f-year-2023")).to_be_checked()
    assert page.evaluate("window.stillThisDocument") is True


# --- citing ----------------------------------------------------------------------------------


def test_cite_copies_the_citation(browser, site):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    page = context.new_page()
    api = page.request.get(site.url + f"/api/search?q={QUERY}&kind=quote").json()
    first = api["hits"][0]
    page.goto(site.url + f"/search?q={QUERY}")
    card = page.locator("ol.hits article.hit").first
    expected = card.locator("textarea.citation").input_value()
    assert expected == citation_of(first, site.url)
    card.get_by_role("button", name="Cite").click()
    expect(page.locator("#live")).to_have_text("Citation copied")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    expect(card.locator("details.cite")).not_to_be_visible()  # the button replaced it

    page.goto(site.url + first["url"])  # the permalink page has the same control
    page.get_by_role("button", name="Cite").click()
    expect(page.locator("#live")).to_have_text("Citation copied")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()


def citation_of(hit: dict, host: str) -> str:
    """The citation the server builds for a hit (its exact wording is tested in test_newsroom.py:
    here what matters is that the page offers it and the button copies it whole)."""
    from webapp.presenters import citation

    return citation(hit, host)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    folder = tmp_path_factory.mktemp("newsroom")
    corpus = make_corpus(folder / "corpus", {p.name: p.read_bytes() for p in sorted(NEWSROOM.glob("*.txt"))})
    server = LiveServer(folder / "index", corpus)
    yield server
    server.stop()


def test_one_card_per_quote_lists_the_other_outlets_and_the_switch_shows_every_copy(browser, newsroom):  # noqa: F811
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(newsroom.url + "/search?q=payment+system")
    cards = page.locator("ol.hits article.hit")
    expect(cards).to_have_count(1)
    expect(cards.locator(".outlet")).to_have_text("kremlin.ru")
    expect(cards.locator(".where time")).to_have_text("8 October 2024")
    also = cards.locator("details.also")
    expect(also.locator("summary")).to_have_text("Also reported by 2 outlets")
    also.locator("summary").click()
    assert [" ".join(t.split()) for t in also.locator("li").all_inner_texts()] == [
        "BelTA, 9 October 2024: Payments, corridors and a common market",
        "TASS, 8 October 2024: Putin calls for a common payment system"]
    expect(also.get_by_role("link", name="TASS")).to_have_attribute("href", "/passages/wire_tass-5997ea17")

    page.evaluate("window.stillThisDocument = true")
    page.locator("#switch-copies a").click()  # "Show every outlet's copy"
    page.wait_for_url(re.compile(r"copies=all"))
    expect(cards).to_have_count(3)
    assert sorted(cards.locator(".outlet").all_inner_texts()) == ["BelTA", "TASS", "kremlin.ru"]
    expect(page.locator("details.also summary")).to_have_text(["Also reported by 2 outlets"] * 3)
    expect(page.locator("#switch-copies a")).to_be_focused()  # now "One card per quote"
    expect(page.locator(".toggle .on").nth(1)).to_have_text("Every outlet's copy")
    assert page.evaluate("window.stillThisDocument") is True
    page.locator("details.also summary").first.click()
    assert serious_accessibility_problems(page) == []
    page.close()


# --- every page: no sideways scrolling on a phone, no serious accessibility problem ---------


def every_page(page, site) -> dict[str, str]:
    passage = first_passage_url(page, site)
    return {
        "home": "/",
        "search": f"/search?q={QUERY}",
        "search, filtered": f"/search?q={QUERY}&speaker=aleksandr-lukashenko&kind=all",
        "search, nothing found": "/search?q=zebra",
        "article": f"/articles/{ARTICLE}",
        "passage": passage,
        "speaker": "/speakers/aleksandr-lukashenko",
        "speakers": "/speakers",
        "help": "/help",
        "upload": "/admin/upload",
        "not found": "/nowhere",
    }


def test_no_page_scrolls_sideways_at_375_px(browser, site):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    wide = {}
    for name, path in every_page(page, site).items():
        page.goto(site.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wide[name] = width
    assert wide == {}
    page.goto(site.url + f"/search?q={QUERY}")
    assert page.locator("details#filters").get_attribute("open") is None  # closed on a phone
    page.locator("summary#facets-title").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


@pytest.mark.parametrize("width", [1366, 375])
def test_no_serious_accessibility_problem_on_any_page(browser, site, width):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    for name, path in every_page(page, site).items():
        page.goto(site.url + path)
        if found := serious_accessibility_problems(page):
            problems[name] = found
    page.goto(site.url + f"/search?q={QUERY}")  # and after a filter was applied in place
    if width < 760:
        page.locator("summary#facets-title").click()  # closed on a phone
    page.locator("#f-speaker-aleksandr-lukashenko").check()
    page.wait_for_url(re.compile(r"speaker="))
    expect(page.locator("#f-speaker-aleksandr-lukashenko")).to_be_checked()
    if found := serious_accessibility_problems(page):
        problems["search, after a tick"] = found
    assert problems == {}
    context.close()


# --- the help page's examples and the upload form -------------------------------------------


def test_every_help_example_finds_something(page, site):
    page.goto(site.url + "/help")
    links = page.locator(".help-page a[href^='/search?']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 20
    empty = []
    for href in hrefs:  # what the user sees: quotes first for words, the kind switch otherwise
        answer = page.request.get(site.url + href)
        assert answer.ok, href
        if '<ol class="hits"' not in answer.text() and "Did you mean" not in answer.text():
            empty.append(href)
    assert empty == []


def test_upload_by_pasting_links_to_the_new_article(page, site):
    page.goto(site.url + "/admin/upload")
    page.get_by_label("Admin token").fill(TOKEN)
    page.get_by_label("File name").fill("quokka-talks")
    page.get_by_label("Article text").fill(
        "title: Quokka talks in Bishkek\ndate: 2023-10-13\nsource: BelTA\n\n"
        "Aleksandr Lukashenko said: “Quokkas are our common language.”\n")
    page.get_by_role("button", name="Check and add").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Added as quokka-talks.txt: Quokka talks in Bishkek")
    page.get_by_role("link", name="Open the new article").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quokka talks in Bishkek")
    assert page.locator("h1").count() == 1
