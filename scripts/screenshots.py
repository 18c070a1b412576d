"""Takes the README's two screenshots (docs/screenshots/home.png and search.png, 1366 px wide,
first screen only, saved 1024 px wide, so each stays small) from a running site, with Debian's chromium:

    .venv/bin/summit-search serve --port 8000 &   # the bundled corpus
    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SHOTS = {
    "home.png": "/",
    # a faceted search: a topic ticked, every kind, the histogram over two years, outlet and Cite on each card
    "search.png": "/search?q=CIS&kind=all&topic=summit-decisions",
}


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        # laid out at 1366 px, saved at 1024: under 150 KB each, still readable
        page = browser.new_page(viewport={"width": 1366, "height": 860}, device_scale_factor=0.75)
        for name, path in SHOTS.items():
            page.goto(base.rstrip("/") + path)
            page.screenshot(path=str(OUT / name))
            print(f"{OUT / name}: {(OUT / name).stat().st_size // 1024} KB")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
