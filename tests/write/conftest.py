from __future__ import annotations

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
