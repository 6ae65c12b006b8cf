"""What the renderers share: short labels for sources and a story's date range."""

from __future__ import annotations

from newsfuse.models import Source, StoryBrief


def source_labels(story: StoryBrief) -> dict[str, str]:
    """ "S1", "S2", ... by the order of the story's sources."""
    return {source.id: f"S{number}" for number, source in enumerate(story.sources, start=1)}


def date_range(story: StoryBrief) -> str | None:
    """ "2022-02-15" or "2022-02-14 to 2022-02-15" from the dates the sources give."""
    given = {source.article.published[:10] for source in story.sources if source.article.published}
    # A year alone ("2022", from a copyright line) adds nothing beside a full date in it.
    dates = sorted(
        date
        for date in given
        if len(date) == 10 or not any(d.startswith(date) and d != date for d in given)
    )
    if not dates:
        return None
    return dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 story", "2 stories"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


_RELATION_NAMES = {
    "copy": "copy",
    "syndicated": "syndicated copy",
    "rewrite": "rewrite",
    "translation": "translated rewrite",
}


def relation_phrase(source: Source, labels: dict[str, str]) -> str:
    """ "original", "syndicated copy of S2", ...; "-" before provenance is known."""
    provenance = source.provenance
    if provenance is None:
        return "–"
    if provenance.relation == "original":
        return "original"
    origin = labels.get(provenance.origin, "a source of another story")
    return f"{_RELATION_NAMES[provenance.relation]} of {origin}"


def flag_names(source: Source) -> str:
    flags = source.provenance.flags if source.provenance else ()
    return ", ".join(flag.flag for flag in flags) or "–"
