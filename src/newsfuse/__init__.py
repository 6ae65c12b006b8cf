"""newsfuse: turn a pile of news reports into cited, cross-checked briefs, offline.

>>> import newsfuse
>>> brief = newsfuse.brief_paths(["examples/"])
>>> print(newsfuse.render_markdown(brief))
"""

from __future__ import annotations

from newsfuse._exceptions import NewsfuseError, StoreError
from newsfuse._version import __version__
from newsfuse.models import (
    BRIEF_SCHEMA,
    Article,
    Brief,
    Citation,
    CleanText,
    Duplicate,
    Rejection,
    Sentence,
    Source,
    Story,
    StoryBrief,
    SummaryPoint,
)
from newsfuse.pipeline import BriefOptions, brief_articles, brief_paths
from newsfuse.render import render, render_html, render_json, render_markdown
from newsfuse.store import Store

__all__ = [
    "BRIEF_SCHEMA",
    "Article",
    "Brief",
    "BriefOptions",
    "Citation",
    "CleanText",
    "Duplicate",
    "NewsfuseError",
    "Rejection",
    "Sentence",
    "Source",
    "Store",
    "StoreError",
    "Story",
    "StoryBrief",
    "SummaryPoint",
    "__version__",
    "brief_articles",
    "brief_paths",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]
