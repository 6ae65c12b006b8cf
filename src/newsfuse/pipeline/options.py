"""How a brief is made, as a caller asks for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfuse.defaults import MAX_POINTS
from newsfuse.ingest import Limits
from newsfuse.write import LlmSettings


@dataclass(frozen=True)
class BriefOptions:
    max_points: int = MAX_POINTS
    max_words: int | None = None  # a word budget for each story's points, instead
    limits: Limits = field(default_factory=Limits)
    writer: LlmSettings | None = None  # a language model server to write each brief too
