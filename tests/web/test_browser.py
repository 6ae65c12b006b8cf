"""The web UI in a real browser: Debian's Chromium driven by Playwright (no browser download),
against the server the fixtures start."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api

from newsfuse.web import App

from ..conftest import EXAMPLES
from .conftest import story_id_with

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: the web UI tests need Debian's chromium")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(java_script_enabled=True)
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    assert dialogs == [], "a script from an article ran"
    context.close()


def test_the_story_list_opens_the_seeds_story_and_a_citation(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    link = page.get_by_role("link", name=re.compile("Russia"))
    link.click()
    page.wait_for_url(re.compile(r"/story/[0-9a-f]{16}$"))
    assert page.get_by_role("heading", name="Key points").is_visible()
    citation = page.locator("ol.points a.cite").first
    anchor = citation.get_attribute("href")
    assert anchor and anchor.startswith("#")
    citation.click()
    assert page.url.endswith(anchor)
    # The citation lands on its span, marked in the text of its source.
    marked = page.locator(f"[id='{anchor[1:]}'] + mark")
    assert marked.is_visible()
    assert marked.evaluate("element => element.matches('span:target + mark')")
    assert len(marked.inner_text()) > 20


def test_a_copy_shows_what_it_changed(page: Any, base_url: str, web_app: App) -> None:
    page.goto(f"{base_url}/story/{story_id_with(web_app, 'Alder Bay')}")
    page.locator("a.diff").first.click()
    page.wait_for_url(re.compile(r"/diff/[0-9a-f]{16}$"))
    assert page.get_by_role("heading", name="What the copy changed").is_visible()
    assert page.locator("table.diff del, table.diff ins").count() > 0


def test_search_finds_articles_and_opens_a_source(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("searchbox", name="Search the articles").fill("Konashenkov garrisons")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search\?q=Konashenkov"))
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 2
    assert page.locator("ol.hits mark").first.inner_text().lower() in {"konashenkov", "garrisons"}
    hits.first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/source/[0-9a-f]{16}$"))
    assert page.locator(".text").is_visible()


def test_removed_furniture_is_struck_through(page: Any, base_url: str) -> None:
    page.goto(base_url + "/search?q=Source+link")
    page.locator("ol.hits > li a").first.click()
    struck = page.locator(".text del")
    assert struck.count() > 0
    assert struck.first.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"


def test_the_facts_matrix_and_hostile_text_stay_inert(
    page: Any, base_url: str, web_app: App
) -> None:
    page.goto(f"{base_url}/story/{story_id_with(web_app, 'Russia')}/facts")
    assert page.locator("table.matrix td.supports").count() > 0
    assert page.locator("table.matrix td.contradicts").count() > 0
    page.goto(base_url + "/search?q=onerror")
    page.locator("ol.hits > li a").first.click()
    assert "<script>" in page.locator(".text").inner_text()
    assert page.evaluate("() => window.hostile") is None


HOSTILE_MARKDOWN = """---
title: '"><img src=x onerror="window.hostile=1"> Bridge closed'
url: javascript:window.hostile=2
---
# Bridge <script>window.hostile = 3</script> closed

A container ship drifted into the Alder Bay bridge on Monday and the city closed it.
[Read the statement](javascript:window.hostile=4) said the mayor, <b onmouseover="window.hostile=5">hover</b>.
"""


def test_hostile_reports_stay_inert_in_the_html_brief(page: Any, tmp_path: Path) -> None:
    from newsfuse.cli import main

    (tmp_path / "hostile.md").write_text(HOSTILE_MARKDOWN)
    target = tmp_path / "brief.html"
    assert (
        main(
            [
                "brief",
                str(EXAMPLES),
                str(tmp_path / "hostile.md"),
                "--format",
                "html",
                "-o",
                str(target),
                "-q",
            ]
        )
        == 0
    )
    page.goto(target.as_uri())
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("[onerror], [onmouseover]").count() == 0
    page.mouse.move(200, 200)
    assert page.evaluate("() => window.hostile") is None
    assert "onerror" in page.content()  # shown as text, escaped
