"""Render: a brief as Markdown, one self-contained HTML file, JSON or Parquet tables; and
what the web UI draws its pages with (the story view, the labels, the word diff).

What the command line and the web UI use is named in `__all__`; the modules behind it
(`markdown`, `html`, `json`, `parquet`, `labels`, `diff`) are this package's own."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.faults import attempt, story_subject, strict
from newsfuse.models import Brief, Problem, StoryBrief
from newsfuse.render.diff import word_diff
from newsfuse.render.html import render_html, story_view, template_environment
from newsfuse.render.json import brief_to_dict, render_json, stored_story_to_dict
from newsfuse.render.labels import relation_phrase, source_labels
from newsfuse.render.markdown import render_markdown
from newsfuse.render.parquet import INSTALL_HINT as PARQUET_HINT
from newsfuse.render.parquet import parquet_available, write_parquet

FORMATS = ("md", "html", "json")

__all__ = [
    "FORMATS",
    "PARQUET_HINT",
    "brief_to_dict",
    "parquet_available",
    "relation_phrase",
    "render",
    "render_contained",
    "render_html",
    "render_json",
    "render_markdown",
    "source_labels",
    "stored_story_to_dict",
    "story_view",
    "template_environment",
    "word_diff",
    "write_parquet",
]


def render(brief: Brief, format: str) -> str:
    """The brief in `format`: "md", "html" or "json"."""
    renderers = {"md": render_markdown, "html": render_html, "json": render_json}
    if format not in renderers:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    return renderers[format](brief)


def render_contained(brief: Brief, format: str) -> tuple[str, Brief]:
    """The brief in `format`, and the brief rendered: a story that cannot be rendered is
    left out of both, with a problem naming it."""
    try:
        return render(brief, format), brief
    except Exception:
        if strict():
            raise
    kept: list[StoryBrief] = []
    problems: list[Problem] = []
    for story in brief.stories:
        alone = replace(brief, stories=(story,), rejections=(), duplicates=(), problems=())
        found = attempt("render", story_subject(story.story_id), render, alone, format)
        if isinstance(found, Problem):
            problems.append(found)
        else:
            kept.append(story)
    rendered = replace(brief, stories=tuple(kept), problems=(*brief.problems, *problems))
    return render(rendered, format), rendered
