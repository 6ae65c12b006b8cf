"""The story clustering's state between runs, as the store keeps it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SavedStory:
    """A story as the story clustering keeps it between runs: how many stories opened
    before it, how many articles it has, the sum of their vectors (its heaviest terms), the
    days they were published and the arrival number of the latest."""

    id: str
    opened: int
    size: int
    total: Mapping[str, float]
    first_day: int | None
    last_day: int | None
    touched: int


@dataclass(frozen=True)
class ClusteringState:
    """The story clustering between runs, as the store keeps it: articles seen, the number
    of them holding each term (all terms, or those changed since the state was read back),
    the stories articles may still join, the stories closed since, and how many stories
    were ever opened."""

    documents: int
    frequencies: Mapping[str, int]
    open_stories: tuple[SavedStory, ...]
    closed_stories: tuple[SavedStory, ...] = ()
    opened: int = 0
