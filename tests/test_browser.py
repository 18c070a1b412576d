"""A user's path through the site in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

from .browser_support import browser, sync_api  # noqa: F401 (browser is a fixture)


def test_search_filter_and_permalink(browser, seed_server, tmp_path):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(seed_server.url + "/")
    page.get_by_label("Search what leaders said").fill("Russian language")
    page.get_by_role("button", name="Search").click()
    total = page.locator("h2.total")
    sync_api.expect(total).to_have_text("5 quotes for “Russian language”")  # a text query: quotes first
    assert page.locator("ol.hits blockquote").first.locator("mark").first.inner_text() == "Russian"

    page.get_by_role("link", name="Show all passages").click()
    sync_api.expect(total).to_have_text("6 passages for “Russian language”")
    speaker = page.get_by_role("checkbox", name="Aleksandr Lukashenko (5)")
    sync_api.expect(speaker).not_to_be_checked()
    speaker.check()  # the page script applies it in place (tests/test_browser_ux.py: no reload)
    page.wait_for_url("**speaker=aleksandr-lukashenko**")
    sync_api.expect(total).to_have_text("5 passages for “Russian language”")
    sync_api.expect(page.get_by_role("checkbox", name="Aleksandr Lukashenko (5)")).to_be_checked()
    sync_api.expect(page.get_by_role("link", name="Remove filter Speaker: Aleksandr Lukashenko")).to_be_visible()
    first_quote = page.locator("ol.hits blockquote").first
    assert first_quote.locator("mark").count() >= 2
    page.screenshot(path=str(tmp_path / "desktop.png"), full_page=True)

    page.locator("ol.hits").get_by_role("link", name="Permalink").first.click()
    page.wait_for_url("**/passages/**")
    sync_api.expect(page.locator("h1")).to_have_text("Aleksandr Lukashenko")
    sync_api.expect(page.get_by_role("region", name="Before")).to_be_visible()
    page.get_by_role("link", name="Read it in the whole article").click()
    page.wait_for_url("**/articles/004_01a1bb049021b88e#004_01a1bb049021b88e-*")
    assert page.evaluate("document.querySelector(':target').className") == "passage quote"
    assert (tmp_path / "desktop.png").stat().st_size > 10_000
    page.close()


def test_phone_width_layout(browser, seed_server, tmp_path):  # noqa: F811
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(seed_server.url + "/search?q=sanctions")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # nothing overflows sideways
    filters = page.locator("details#filters")
    assert filters.get_attribute("open") is None  # closed on a phone: the quotes come first
    hit_top = page.locator("ol.hits li").first.bounding_box()["y"]
    assert hit_top < 800  # the first quote is on the first screen
    page.locator("summary#facets-title").click()
    sync_api.expect(page.get_by_role("checkbox", name="Aleksandr Lukashenko (3)")).to_be_visible()
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    assert (tmp_path / "phone.png").stat().st_size > 10_000
    page.close()


def test_the_content_security_policy_blocks_nothing_of_ours(browser, seed_server):  # noqa: F811
    """The policy forbids inline script and style: the page's own script and stylesheet must still
    work, and the console must report no violation (it does report one when inline script runs)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    response = page.goto(seed_server.url + "/search?q=sanctions")
    assert "script-src 'self'; style-src 'self';" in response.headers["content-security-policy"]
    assert page.evaluate("getComputedStyle(document.querySelector('ol.hits')).listStyleType") == "none"
    page.get_by_role("checkbox", name="Aleksandr Lukashenko (3)").check()  # facets.js applies it in place
    page.wait_for_url("**speaker=aleksandr-lukashenko**")
    sync_api.expect(page.get_by_role("checkbox", name="Aleksandr Lukashenko (3)")).to_be_checked()
    for path in ("/", "/speakers", "/speakers/aleksandr-lukashenko", "/help", "/passages/nope"):
        page.goto(seed_server.url + path)
    assert [text for text in console if "Content Security Policy" in text] == []

    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate("""document.body.append(Object.assign(document.createElement("script"),
                                                            {textContent: "window.injected = true"}))""")
    assert page.evaluate("window.injected === undefined")
    page.close()


def test_pages_log_no_errors_in_the_console(browser, seed_server):  # noqa: F811
    """A browser asks for /favicon.ico unless the page names an icon: every page logged a 404."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    for path in ("/", "/search?q=sanctions", "/speakers", "/help"):
        page.goto(seed_server.url + path)
    assert errors == []
    page.close()
