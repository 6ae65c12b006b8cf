"""Full-text search of the store: what a hit shows, and how its snippet is cut."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchHit:
    """An article matching a search: where the words were found, marked."""

    article_id: str
    path: str
    title: str | None
    story_id: str | None
    snippet: tuple[tuple[str, bool], ...]  # (text, matched) pieces


SEARCH_WORD = re.compile(r"\w+")
SEARCH_TERMS = 12
_MATCH = re.compile("\x01([^\x02]*)\x02")


def snippet_pieces(snippet: str) -> tuple[tuple[str, bool], ...]:
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _MATCH.finditer(snippet):
        pieces.append((snippet[position : match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    pieces.append((snippet[position:], False))
    return tuple((text, marked) for text, marked in pieces if text)


def descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in text)
