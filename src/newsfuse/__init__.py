"""newsfuse: turn a pile of news reports into cited, cross-checked briefs, offline.

>>> import newsfuse
>>> brief = newsfuse.brief_paths(["examples/"])
>>> print(newsfuse.render_markdown(brief))
"""

from __future__ import annotations

from newsfuse._exceptions import NewsfuseError, StoreError, WriterError
from newsfuse._version import __version__
from newsfuse.models import (
    BRIEF_SCHEMA,
    Article,
    Brief,
    Citation,
    CleanText,
    DroppedSentence,
    Duplicate,
    Fact,
    Rejection,
    Sentence,
    Source,
    Story,
    StoryBrief,
    SummaryPoint,
    WrittenBrief,
    WrittenSentence,
)
from newsfuse.pipeline import BriefOptions, brief_articles, brief_paths
from newsfuse.progress import SILENT, Progress
from newsfuse.render import render, render_html, render_json, render_markdown
from newsfuse.store import Store
from newsfuse.write import LlmSettings

__all__ = [
    "BRIEF_SCHEMA",
    "SILENT",
    "Article",
    "Brief",
    "BriefOptions",
    "Citation",
    "CleanText",
    "DroppedSentence",
    "Duplicate",
    "Fact",
    "LlmSettings",
    "NewsfuseError",
    "Progress",
    "Rejection",
    "Sentence",
    "Source",
    "Store",
    "StoreError",
    "Story",
    "StoryBrief",
    "SummaryPoint",
    "WriterError",
    "WrittenBrief",
    "WrittenSentence",
    "__version__",
    "brief_articles",
    "brief_paths",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]
