"""Render: a brief as Markdown, one self-contained HTML file, or JSON."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.faults import attempt, story_subject, strict
from newsfuse.models import Brief, Problem, StoryBrief
from newsfuse.render.html import render_html
from newsfuse.render.json import brief_to_dict, render_json
from newsfuse.render.markdown import render_markdown

FORMATS = ("md", "html", "json")

__all__ = [
    "FORMATS",
    "brief_to_dict",
    "render",
    "render_contained",
    "render_html",
    "render_json",
    "render_markdown",
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
