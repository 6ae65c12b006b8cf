"""Stretches of one text (quoted speech, attributed content) found by where they lie.

A long report quotes hundreds of times, and each of its sentences and figures asks which
stretches hold it: kept in order of their starts, a lookup bisects to those that start
within the longest stretch's length before it, instead of reading them all.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item")


class Stretches(Generic[Item]):
    """Items placed at [start, end) offsets of one text, in order of place (items of one
    place in the order given)."""

    def __init__(self, placed: Iterable[tuple[int, int, Item]]) -> None:
        self._placed = sorted(placed, key=lambda item: (item[0], item[1]))
        self._starts = [start for start, _, _ in self._placed]
        self._longest = max((end - start for start, end, _ in self._placed), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Item]]:
        """The stretches sharing some of [start, end), in order of place."""
        if start >= end:
            return []
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        return [placed for placed in self._placed[first:last] if placed[1] > start]
