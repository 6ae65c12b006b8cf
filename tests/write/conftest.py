from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.models import StoryBrief
from newsfuse.pipeline import brief_paths
from newsfuse.write.sheet import fact_id

from ..conftest import EXAMPLES


@pytest.fixture(scope="session")
def bridge_story() -> StoryBrief:
    """The examples' one story: a ship hits the Alder Bay bridge (facts, a dispute)."""
    [story] = brief_paths([str(EXAMPLES)]).stories
    return story


def fact_of(story: StoryBrief, words: str) -> str:
    """The id (F1, ...) of the story's fact whose text holds `words`."""
    found = [n for n, fact in enumerate(story.facts) if words in fact.text]
    assert found, f"no fact says {words!r}"
    return fact_id(found[0])


@pytest.fixture(scope="session")
def seeds_story(seeds_dir: Path) -> StoryBrief:
    """The seeds' one story: Russia says it pulls some troops back (2022-02-15)."""
    [story] = brief_paths(sorted(str(p) for p in seeds_dir.glob("*.txt"))).stories
    return story
