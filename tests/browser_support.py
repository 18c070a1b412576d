"""What the browser tests share: Debian's chromium driven by Playwright (skipped where it is not
installed, a failure in CI), and the axe-core audit (scripts/fetch_axe.py installs axe.min.js)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = Path(__file__).resolve().parent.parent / ".cache" / "axe-core" / "axe.min.js"

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium, so this is a CI failure")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def serious_accessibility_problems(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each
    ("rule: selector, selector"). The script goes in through the DevTools protocol, which the
    page's Content-Security-Policy does not govern (a <script> tag would be blocked: inline)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"{AXE} is missing: scripts/test.sh installs it (scripts/fetch_axe.py)")
        pytest.skip("axe-core is not installed: run python scripts/fetch_axe.py")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
    }""")
    return violations
