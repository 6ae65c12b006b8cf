"""Stories as the store lists them."""

from __future__ import annotations

from dataclasses import dataclass

# A story is listed under at most this much of its first title.
_TITLE_CHARACTERS = 160


@dataclass(frozen=True)
class StoredStory:
    """A story as the store holds it: its articles (id, path) in the order they arrived."""

    id: str
    title: str
    articles: tuple[tuple[str, str], ...]
    origins: int | None  # independent origins among its articles (None: not counted yet)
    first_seen: str | None  # earliest and latest publication date of its articles
    last_seen: str | None


def stored_story(
    story_id: str, members: list[tuple[str, str, str | None, str | None]], origins: int | None
) -> StoredStory:
    dates = sorted(published for _, _, _, published in members if published)
    # The first title, or the opening line of an untitled first article.
    title = next((title for _, _, title, _ in members if title and title.strip()), "")
    title = title.strip().split("\n")[0][:_TITLE_CHARACTERS] or members[0][1]
    return StoredStory(
        id=story_id,
        title=title,
        articles=tuple((article_id, path) for article_id, path, _, _ in members),
        origins=origins,
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
    )
