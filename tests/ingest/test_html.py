from __future__ import annotations

import pytest

from newsfuse.ingest.html import NoArticleTextError, html_to_text, read_html

PARAGRAPHS = [
    "A container ship lost power and drifted into the harbor bridge on Monday morning, forcing "
    "the city to close the crossing to all traffic while engineers inspect the structure.",
    "Two tugboats reached the vessel within minutes, but the tide carried it against the bridge "
    "before they could hold it, the harbor master said at a news conference.",
    "About 28,000 vehicles cross the bridge on a normal weekday, according to city figures, and "
    "buses have been rerouted through a tunnel that adds twenty minutes to the trip.",
]


def _page(body: str) -> str:
    return (
        "<html><head><title>Ship strikes bridge | The Tribune</title>"
        '<meta property="og:site_name" content="The Tribune">'
        '<meta property="article:published_time" content="2025-03-03T18:40:00+00:00">'
        '<link rel="canonical" href="https://tribune.example/ship"></head><body>'
        '<nav><a href="/">Home</a><a href="/sport">Sport</a></nav>'
        f"<article><h1>Ship strikes bridge</h1>{body}</article>"
        "<footer>© 2025 The Tribune</footer></body></html>"
    )


def test_main_text_and_metadata_come_from_the_page() -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    body += "<script>alert('x')</script>"
    fields = read_html("a.html", _page(body))
    assert fields.raw_text.split("\n") == ["Ship strikes bridge", *PARAGRAPHS]
    assert fields.title == "Ship strikes bridge"
    assert fields.outlet == "The Tribune"
    assert fields.published == "2025-03-03"
    assert fields.url == "https://tribune.example/ship"


def test_a_page_without_text_is_refused() -> None:
    with pytest.raises(NoArticleTextError):
        read_html("a.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_html_fragments_become_paragraphs() -> None:
    text = html_to_text("<p>First paragraph here.</p><p>Second <b>one</b> here.</p>")
    assert text.split("\n") == ["First paragraph here.", "Second one here."]


def test_text_nested_deeper_than_the_parser_reaches_is_still_read() -> None:
    deep = "<div>" * 600 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * 600
    page = f"<html><head><title>Deep</title><script>x()</script></head><body>{deep}</body></html>"
    fields = read_html("deep.html", page)
    assert fields.title == "Deep"
    assert fields.raw_text.split("\n") == PARAGRAPHS


def test_a_data_table_is_kept_and_a_layout_table_gives_its_prose_alone() -> None:
    standings = (
        "<table><tr><th>Team</th><th>Points</th></tr>"
        "<tr><td>Harbour City</td><td>41</td></tr><tr><td>Millbrook</td><td>38</td></tr></table>"
    )
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    fields = read_html("a.html", _page(body + standings))
    assert "| Harbour City | 41 |" in [line.strip() for line in fields.raw_text.split("\n")]
    # The whole page in a table: the article in one cell, other stories' teasers in another.
    teasers = "<ul>" + "<li><a href='/x'>Mayor opens new park</a></li>" * 3 + "</ul>"
    layout = (
        f"<table><tr><td><h1>Ship strikes bridge</h1>{body}</td><td>{teasers}</td></tr>"
        "<tr><td>Home</td><td>Contact</td></tr></table>"
    )
    fields = read_html("b.html", _page(layout).replace("<article>", "").replace("</article>", ""))
    assert not any(line.startswith("|") for line in fields.raw_text.split("\n"))
    assert all(paragraph in fields.raw_text.split("\n") for paragraph in PARAGRAPHS)
