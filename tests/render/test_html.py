from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from newsfuse.models import DroppedSentence, WrittenBrief, WrittenSentence
from newsfuse.pipeline import brief_paths
from newsfuse.render.html import render_html

from ..conftest import EXAMPLES, WordHashEncoder


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.append(name)
            if name == "id" and value:
                self.ids.add(value)
            if name == "href" and value:
                self.links.append(value)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_every_citation_links_to_its_highlighted_span() -> None:
    html = render_html(brief_paths([str(EXAMPLES)]))
    page = _parse(html)
    internal = [link for link in page.links if link.startswith("#")]
    assert internal and all(link[1:] in page.ids for link in internal)
    assert all(link.startswith("#") for link in page.links)
    assert html.count("<mark>") >= 8


def test_hostile_article_content_stays_inert(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "evil.txt").write_text(
        'Bridge closed <img src=x onerror="alert(1)"> today\n\n'
        "The city closed the bridge on Monday <script>alert('x')</script> after a ship hit it, "
        'officials said " onmouseover="alert(2)" and <a href="javascript:alert(3)">here</a>.\n'
    )
    html = render_html(brief_paths([str(tmp_path)], encoder=WordHashEncoder()))
    page = _parse(html)
    assert "script" not in page.tags and "img" not in page.tags
    assert not [name for name in page.attributes if name.startswith("on")]
    assert "javascript:" not in " ".join(page.links)
    assert "&lt;script&gt;" in html


def test_the_page_forbids_scripts_and_loads_nothing() -> None:
    html = render_html(
        brief_paths([str(EXAMPLES / "02-coast-wire.txt")], encoder=WordHashEncoder())
    )
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', html)
    assert policy and "default-src 'none'" in policy.group(1)
    assert "src=" not in html and "<link" not in html


def test_flags_and_changed_words_are_shown() -> None:
    html = render_html(brief_paths([str(EXAMPLES)]))
    assert "aggregator re-post</strong>" in html
    assert "<del>Two</del>" in html and "<ins>Three</ins>" in html
    assert "6 sources, 5 independent" in html


def test_a_written_brief_links_its_citations_and_keeps_model_text_inert() -> None:
    brief = brief_paths([str(EXAMPLES)])
    story = brief.stories[0]
    fact = story.facts[0]
    written = WrittenBrief(
        model="tiny",
        sentences=(
            WrittenSentence('<img src=x onerror="alert(1)"> Closed.', (0,), fact.citations),
        ),
        dropped=(DroppedSentence("<script>alert(2)</script> 99.", (0,), "figure", "99"),),
    )
    html = render_html(replace(brief, stories=(replace(story, written=written),)))
    page = _parse(html)
    assert "script" not in page.tags and "img" not in page.tags
    assert "<h3>In brief</h3>" in html and "Dropped by the check (1)" in html
    section = html[html.index("<h3>In brief</h3>") : html.index("<h3>Key points</h3>")]
    anchors = re.findall(r'href="#([^"]+)"', section)
    assert len(anchors) >= 2 and all(anchor in page.ids for anchor in anchors)
