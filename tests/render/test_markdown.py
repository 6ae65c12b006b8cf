from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.models import (
    Brief,
    Citation,
    DroppedSentence,
    Fact,
    Rejection,
    StoryBrief,
    SummaryPoint,
    WrittenBrief,
    WrittenSentence,
)
from newsfuse.render.markdown import escape, render_markdown

from ..conftest import make_source

HOSTILE = (
    "Bridge <script>alert(1)</script> closed\n\n"
    "The city [closed](javascript:alert(1)) the bridge ![x](http://evil.example/p.png) on *Monday* | today.\n"
)


def _brief() -> Brief:
    source = make_source(HOSTILE)
    sentence = source.sentences[0]
    point = SummaryPoint(sentence.text, (Citation(source.id, sentence.start, sentence.end),))
    story = StoryBrief(
        "0123456789abcdef", source.article.title or "", source.id, (source,), (point,)
    )
    return Brief((story,), (Rejection("bad.txt", "empty file"),))


def test_markup_in_article_text_is_escaped() -> None:
    assert escape("a *b* [c](d) <e> | f") == "a \\*b\\* \\[c\\](d) \\<e\\> \\| f"
    text = render_markdown(_brief())
    unescaped = re.compile(r"(?<!\\)[<\[]")  # a tag or a link that a viewer would act on
    for line in text.splitlines():
        if not line.startswith("|") and not line.startswith("#"):
            body = re.sub(r"\\\[S\d+ \d+–\d+\\\]", "", line)
            assert not unescaped.search(body), line
    assert "\\<script\\>" in text


def test_the_layout_has_points_sources_and_skipped_inputs() -> None:
    text = render_markdown(_brief())
    assert text.startswith("# newsfuse brief: 1 story from 1 report\n")
    assert "### Key points\n\n1. The city" in text
    assert "| S1 |" in text
    assert "## Skipped inputs\n\n- bad.txt: empty file" in text
    story = _brief().stories[0]
    citation = story.summary[0].citations[0]
    assert f"\\[S1 {citation.start}–{citation.end}\\]" in text


def test_no_stories_still_renders() -> None:
    assert render_markdown(Brief(())) == "# newsfuse brief: 0 stories from 0 reports\n"


def test_relations_flags_and_changes_are_listed() -> None:
    from newsfuse.pipeline import brief_paths

    from ..conftest import EXAMPLES

    text = render_markdown(brief_paths([str(EXAMPLES)]))
    assert "6 sources, 5 independent" in text
    assert "| syndicated copy of S2 | heavy furniture, aggregator re-post |" in text
    assert "### What copies changed\n\n- S3 (syndicated copy of S2) · **number**: 2 → 3" in text


def _written_brief() -> Brief:
    brief = _brief()
    story = brief.stories[0]
    point = story.summary[0]
    fact = Fact(point.text, point.citations, sources=1, independent=1)
    written = WrittenBrief(
        model="tiny <b>model</b>",
        sentences=(WrittenSentence("The city [closed](javascript:x) it.", (0,), fact.citations),),
        dropped=(DroppedSentence("<script>x</script> 99 died.", (0,), "figure", "99 <i>"),),
    )
    return replace(brief, stories=(replace(story, facts=(fact,), written=written),))


def test_a_written_brief_comes_first_cited_with_what_the_check_dropped() -> None:
    text = render_markdown(_written_brief())
    written = text[text.index("### In brief") : text.index("### Key points")]
    assert "*Written by tiny \\<b\\>model\\</b\\> from the story's facts" in written
    assert "1. The city \\[closed\\](javascript:x) it. \\[S1 " in written
    assert "Dropped by the check (1):" in written
    assert (
        "- “\\<script\\>x\\</script\\> 99 died.” — a figure the facts do not give: 99 \\<i\\>"
        in written
    )
