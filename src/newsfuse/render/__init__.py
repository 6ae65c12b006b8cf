"""Render: a brief as Markdown, one self-contained HTML file, or JSON."""

from __future__ import annotations

from newsfuse.models import Brief
from newsfuse.render.html import render_html
from newsfuse.render.json import brief_to_dict, render_json
from newsfuse.render.markdown import render_markdown

FORMATS = ("md", "html", "json")

__all__ = ["FORMATS", "brief_to_dict", "render", "render_html", "render_json", "render_markdown"]


def render(brief: Brief, format: str) -> str:
    """The brief in `format`: "md", "html" or "json"."""
    renderers = {"md": render_markdown, "html": render_html, "json": render_json}
    if format not in renderers:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    return renderers[format](brief)
