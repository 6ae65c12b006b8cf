"""What the writer is given and checked against: a story's facts, numbered, each with the
texts that state it and the disputes it is part of.

A fact is numbered by its place in the story's `facts` (F1 the first), so the ids a model
cites are the ids the JSON brief gives. What a fact's citations span in its sources is
evidence for it as much as its wording: one outlet gives "more than 150,000 troops", another
"150,000 troops"; a sentence citing the fact may give either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.models import Conflict, Fact, StoryBrief

# The facts a model is shown at most, the best supported first: enough for a brief of a
# few sentences, few enough for a small model's context.
MOST_FACTS = 30
_OPENING_QUOTES = ('"', "“", "‘", "'")
# Evidence longer than this is cut: a fact's sentence, not a page.
_MOST_CHARACTERS = 600


@dataclass(frozen=True)
class Dispute:
    """Sources disagreeing on a point, and the facts (by number, from 0) stating a side."""

    conflict: Conflict
    facts: frozenset[int]


@dataclass(frozen=True)
class Sheet:
    """A story's facts as the writer sees them and the gate checks them."""

    title: str
    facts: tuple[Fact, ...]  # every fact of the story, numbered by position
    shown: tuple[int, ...]  # the facts shown to the model, in the order shown
    evidence: tuple[tuple[str, ...], ...]  # per fact: its wording, then its cited spans
    speakers: tuple[str | None, ...]  # per fact worded by a bare quotation: who said it
    disputes: tuple[Dispute, ...]
    updates: tuple[Dispute, ...]

    def disputes_of(self, fact: int) -> list[Dispute]:
        return [dispute for dispute in self.disputes if fact in dispute.facts]


def fact_id(number: int) -> str:
    """How a fact is named to the model and the reader: F1 for the first."""
    return f"F{number + 1}"


def sheet_of(story: StoryBrief) -> Sheet:
    texts = {source.id: source.clean.text for source in story.sources}
    titles = {source.id: source.article.title or "" for source in story.sources}
    disputes = tuple(_linked(c, story.facts) for c in story.disputes)
    updates = tuple(_linked(c, story.facts) for c in story.updates)
    evidence = []
    speakers = tuple(_quoted_speaker(fact, story) for fact in story.facts)
    for number, fact in enumerate(story.facts):
        spans = [
            titles.get(c.source, "")
            if c.part == "title"
            else texts.get(c.source, "")[c.start : c.end]
            for c in fact.citations
        ]
        # A fact's disputes and updates tell of it too: "though one report says three"
        # rests on the side that says so.
        sides = [
            side.text
            for d in (*disputes, *updates)
            if number in d.facts
            for side in d.conflict.sides
        ]
        # Whose words a bare quotation is, as the model is told.
        said = [f"{speakers[number]} said"] if speakers[number] else []
        told = [fact.text, *spans, *sides, *said]
        found = dict.fromkeys(t[:_MOST_CHARACTERS] for t in told if t.strip())
        evidence.append(tuple(found))
    return Sheet(
        title=story.title,
        facts=story.facts,
        shown=tuple(range(min(len(story.facts), MOST_FACTS))),
        evidence=tuple(evidence),
        speakers=speakers,
        disputes=disputes,
        updates=updates,
    )


def _quoted_speaker(fact: Fact, story: StoryBrief) -> str | None:
    """Who said the words a fact is worded by, when they are a quotation standing alone
    ("“Of course not.”"): the named speaker of the quote its wording's sentence holds. A
    model told of the fact would otherwise not know whose words they are, nor could the
    gate let it say so."""
    if not fact.citations or fact.text.lstrip()[:1] not in _OPENING_QUOTES:
        return None
    wording = fact.citations[0]
    named = [
        quote.speaker
        for quote in story.quotes
        if quote.named and any(wording.overlaps(cited) for cited in quote.citations)
    ]
    if len(set(named)) != 1 or named[0].split()[-1] in fact.text:
        return None  # no one speaker, or the wording names them already
    return named[0]


def _linked(conflict: Conflict, facts: Sequence[Fact]) -> Dispute:
    """The conflict and the facts whose citations overlap a side's."""
    sides = [c for side in conflict.sides for c in side.citations]
    return Dispute(
        conflict,
        frozenset(
            number
            for number, fact in enumerate(facts)
            if any(mine.overlaps(theirs) for mine in fact.citations for theirs in sides)
        ),
    )
