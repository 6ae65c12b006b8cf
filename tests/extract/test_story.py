"""Extraction across a story's sources: one quote, many citations; one figure; a timeline."""

from __future__ import annotations

from newsfuse.cluster import cluster
from newsfuse.extract.story import extract_story, story_date

from ..conftest import make_source

WIRE = """Ship hits bridge after engine failure

The container ship Northern Gannet drifted into the Alder Bay bridge on Monday after its engine failed, harbor master Ines Okafor said.

"The structure is standing, but until our engineers have been underneath it, nobody drives across," Mayor Tobias Renn said on Monday.

Two crew members were treated for minor injuries, the fire service said.
"""
TRIBUNE = """Cargo ship strikes Alder Bay bridge

A container ship lost power and drifted into the Alder Bay swing bridge on Monday morning, forcing the city to close the crossing.

"The structure is standing, but until our engineers have been underneath it, nobody drives across," Renn told reporters at the harbor.

The city said about 28,000 vehicles cross the bridge on a normal weekday.
"""


def _story():  # type: ignore[no-untyped-def]
    import json

    sources = [
        make_source(
            json.dumps(
                {"title": t.split("\n")[0], "text": t.split("\n", 2)[2], "published": "2025-03-04"}
            ),
            f"{n}.json",
            ".json",
        )
        for n, t in enumerate([WIRE, TRIBUNE])
    ]
    [story] = cluster(sources)
    return story


def test_the_same_words_of_the_same_speaker_are_one_quote_citing_every_source() -> None:
    found = extract_story(_story())
    renn = [q for q in found.quotes if q.speaker == "Tobias Renn"]
    assert len(renn) == 1
    assert renn[0].direct and len({c.source for c in renn[0].citations}) == 2


def test_figures_say_what_they_count_and_who_gave_them() -> None:
    found = extract_story(_story())
    by_counts = {figure.counts: figure for figure in found.figures}
    assert by_counts["crew members"].value == 2.0
    assert by_counts["vehicles"].qualifier == "about"


def test_entities_merge_aliases_and_the_timeline_uses_the_publication_date() -> None:
    story = _story()
    found = extract_story(story)
    names = {entity.name: entity for entity in found.entities}
    assert "Renn" in names["Tobias Renn"].aliases
    assert story_date(story.sources) is not None
    assert {event.date for event in found.timeline} == {"2025-03-03"}
