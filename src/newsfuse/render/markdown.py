"""The brief as Markdown: readable as plain text, with every point's citations inline.

Article text is untrusted: characters that Markdown or an HTML-rendering viewer would read
as markup are escaped, so a report cannot add links, images, headings or tags to a brief.
"""

from __future__ import annotations

import re

from newsfuse.models import Brief, Citation, StoryBrief
from newsfuse.render.labels import counted, date_range, source_labels

# With brackets escaped no link or image can form, and no line of a brief starts with
# article text, so these are all the characters that could carry markup.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: str) -> str:
    """`text` with Markdown and HTML markup characters backslash-escaped, on one line."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def render_markdown(brief: Brief) -> str:
    sources = sum(len(story.sources) for story in brief.stories)
    lines = [
        f"# newsfuse brief: {counted(len(brief.stories), 'story', 'stories')} "
        f"from {counted(sources, 'report')}",
        "",
    ]
    for story in brief.stories:
        lines += _story(story)
    lines += _problems(brief)
    return "\n".join(lines).rstrip("\n") + "\n"


def _story(story: StoryBrief) -> list[str]:
    labels = source_labels(story)
    facts = [counted(len(story.sources), "source")]
    if dates := date_range(story):
        facts.append(dates)
    facts.append(f"story `{story.story_id}`")
    lines = [f"## {escape(story.title)}", "", " · ".join(facts), "", "### Key points", ""]
    for number, point in enumerate(story.summary, start=1):
        cited = " ".join(_citation(citation, labels) for citation in point.citations)
        lines.append(f"{number}. {escape(point.text)} {cited}")
    lines += [
        "",
        "### Sources",
        "",
        "| | Outlet | Title | Published | Input |",
        "|---|---|---|---|---|",
    ]
    for source in story.sources:
        article = source.article
        cells = [article.outlet, article.title, article.published, article.path]
        lines.append(
            f"| {labels[source.id]} | " + " | ".join(escape(c or "–") for c in cells) + " |"
        )
    return [*lines, ""]


def _citation(citation: Citation, labels: dict[str, str]) -> str:
    return f"\\[{labels[citation.source]} {citation.start}–{citation.end}\\]"


def _problems(brief: Brief) -> list[str]:
    lines: list[str] = []
    if brief.rejections:
        lines += ["## Skipped inputs", ""]
        lines += [f"- {escape(rejection.describe())}" for rejection in brief.rejections]
        lines.append("")
    if brief.duplicates:
        lines += ["## Duplicate inputs", ""]
        lines += [f"- {escape(duplicate.describe())}" for duplicate in brief.duplicates]
        lines.append("")
    return lines
