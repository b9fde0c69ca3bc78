"""The editor's page in headless Chromium: load it, paste the seed, see its findings marked and
listed, apply a fix with a click, open a file, copy the corrected text.

Driven by Playwright with Debian's `chromium` (`.ci/run` installs it). Without Playwright or
Chromium the test is skipped, except in CI (COPYLINT_CI), where it must run.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "000_a48f44d96701f5af.txt").read_text("utf-8")
SERVING = re.compile(r"serving on (http://\S+?)/? ")

_missing = [
    what
    for what, there in (
        ("the playwright package", importlib.util.find_spec("playwright") is not None),
        (str(CHROMIUM), CHROMIUM.exists()),
    )
    if not there
]
if _missing:
    if os.environ.get("COPYLINT_CI"):
        pytest.fail(f"CI must run the browser test, but {' and '.join(_missing)} is missing")
    pytest.skip(f"{' and '.join(_missing)} not installed", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`copylint serve` on a free loopback port."""
    process = subprocess.Popen(
        [sys.executable, "-m", "copylint", "serve", "--port", "0"],
        cwd=tmp_path_factory.mktemp("serve"),
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    drain = threading.Thread(target=lambda: [lines.put(line) for line in process.stderr or ()])
    drain.start()
    try:
        found = None
        while found is None:
            found = SERVING.search(lines.get(timeout=60))
        yield found.group(1)
    finally:
        process.terminate()
        process.wait(timeout=20)
        drain.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(url + "/")
    yield opened
    context.close()
    assert not errors, errors


def finding(page: Page, rule: str) -> Any:
    return page.locator(f'#findings li.finding[data-rule="{rule}"]')


def test_paste_the_seed_see_its_findings_and_apply_fixes(page: Page) -> None:
    expect(page).to_have_title("copylint")
    page.select_option("#locale", "en-GB")
    page.fill("#text", SEED)
    findings = page.locator("#findings li.finding")
    expect(findings).to_have_count(9)
    expect(page.locator("#summary")).to_have_text("9 findings")
    marks = page.locator("#backdrop mark")
    expect(marks).to_have_count(9)
    expect(marks.filter(has_text="Starmet")).to_have_count(1)
    expect(finding(page, "entity/near-miss")).to_contain_text(
        '"Starmet" may be a typo: this article elsewhere has "Starmer" (7 times).'
    )
    expect(finding(page, "spelling/locale")).to_have_count(4)

    # A suggestion applied with a click: the text changes and is checked again.
    finding(page, "entity/near-miss").get_by_role("button", name="→ Starmer").click()
    expect(findings).to_have_count(8)
    expect(finding(page, "entity/near-miss")).to_have_count(0)
    text = page.input_value("#text")
    assert "Starmet" not in text
    assert "ahead of his meeting with Starmer at the White House" in text

    # A line of web chrome deleted with its line end.
    finding(page, "boilerplate/web-chrome").first.get_by_role(
        "button", name="Delete the line"
    ).click()
    expect(findings).to_have_count(7)
    assert page.input_value("#text").startswith("ON NOW\n")

    # Every safe fix at once: what remains is clean, and is what the editor copies.
    page.click("#fix-safe")
    expect(page.locator("#summary")).to_have_text("0 findings")
    expect(marks).to_have_count(0)
    corrected = page.input_value("#text")
    assert "centred" in corrected and "self-defence capability" in corrected
    page.click("#copy")
    expect(page.locator("#status")).to_contain_text("Copied the corrected text")
    assert page.evaluate("navigator.clipboard.readText()") == corrected


def test_open_a_markdown_file_and_switch_locale(page: Page, tmp_path: Path) -> None:
    article = tmp_path / "style-guide.md"
    article.write_text("# Colour\n\nThe `color` property sets the color.\n", encoding="utf-8")
    page.select_option("#locale", "en-GB")
    page.set_input_files("#file", str(article))
    expect(page.locator("#format")).to_have_value("md")
    expect(page.locator("#filename")).to_contain_text("style-guide.md")
    # The code span is not prose: only the second "color" is flagged.
    expect(page.locator("#findings li.finding")).to_have_count(1)
    expect(page.locator("#backdrop mark")).to_have_text(["color"])
    page.select_option("#format", "txt")
    expect(page.locator("#findings li.finding")).to_have_count(2)
    page.select_option("#locale", "en-US")
    expect(page.locator("#findings li.finding")).to_have_count(1)
    expect(page.locator("#backdrop mark")).to_have_text(["Colour"])
