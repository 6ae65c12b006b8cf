"""What a brief says of a story: key points, quotes, figures, events, entities, facts,
conflicts, the written brief, and the brief of a run."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.models.sources import (
    Citation,
    ConflictKind,
    DropReason,
    Duplicate,
    Problem,
    Rejection,
    Source,
)


@dataclass(frozen=True)
class SummaryPoint:
    """One key point of a brief and the spans it rests on; the first citation is where its
    wording comes from. `independent` counts the origins among the cited sources: copies of
    one origin count once."""

    text: str
    citations: tuple[Citation, ...]
    independent: int = 1


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place, group or event of a story, under all its names."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: tuple[Citation, ...]


@dataclass(frozen=True)
class Quote:
    """Words someone said, as one or more sources report them. `speaker` is a name when
    `named`, else the description the sources give ("a Western official")."""

    speaker: str
    named: bool
    text: str
    direct: bool
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Figure:
    """A figure the story gives: its value, unit, what it counts, qualifier and givers."""

    text: str
    value: float
    unit: str | None
    counts: str | None
    qualifier: str | None
    given_by: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class TimelineEvent:
    """Something the sources place on a date (ISO 8601 at the precision known)."""

    date: str
    label: str
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Fact:
    """What several claims state, however worded: the claims' citations (the first is the
    wording shown) and how many sources and independent origins state it."""

    text: str
    citations: tuple[Citation, ...]
    sources: int
    independent: int
    centrality: float = 0.0

    @property
    def single_source(self) -> bool:
        return self.independent == 1


@dataclass(frozen=True)
class ConflictSide:
    """One version of a disputed fact: what it says on the point in dispute, a sentence
    saying it, the spans of every source that says it, and who gave it."""

    says: str
    text: str
    citations: tuple[Citation, ...]
    independent: int
    given_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conflict:
    """Sources disagree on a fact: two versions and what differs ("number", "negation",
    "role", "speaker", "date", "status", "quote"). `update` says why the difference is a
    revision over time or by who gives it rather than a contradiction; `altered_copy` that
    one version is copies changing the text of their origin."""

    kind: ConflictKind
    detail: str
    sides: tuple[ConflictSide, ConflictSide]
    update: str | None = None
    altered_copy: bool = False


@dataclass(frozen=True)
class WrittenSentence:
    """A sentence a language model wrote that the check kept: the facts it rests on (their
    positions in the story's `facts`, from 0) and those facts' citations."""

    text: str
    facts: tuple[int, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class DroppedSentence:
    """A sentence a language model wrote that the check dropped, and why: `reason` the
    test it failed, `detail` what it found ("150,000" in no cited fact)."""

    text: str
    facts: tuple[int, ...]
    reason: DropReason
    detail: str


@dataclass(frozen=True)
class WrittenBrief:
    """A story told in a model's sentences, each checked against the facts it cites: the
    sentences kept, in the model's order, and those dropped."""

    model: str
    sentences: tuple[WrittenSentence, ...]
    dropped: tuple[DroppedSentence, ...] = ()


@dataclass(frozen=True)
class StoryBrief:
    """The brief of one story."""

    story_id: str
    title: str
    title_source: str | None
    sources: tuple[Source, ...]
    summary: tuple[SummaryPoint, ...]
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    problems: tuple[Problem, ...] = ()  # stages that failed on this story or its sources
    written: WrittenBrief | None = None  # the checked written brief, when one was asked for

    @property
    def disputes(self) -> tuple[Conflict, ...]:
        """The conflicts that are contradictions, not updates."""
        return tuple(conflict for conflict in self.conflicts if conflict.update is None)

    @property
    def updates(self) -> tuple[Conflict, ...]:
        return tuple(conflict for conflict in self.conflicts if conflict.update is not None)

    @property
    def independent(self) -> int:
        """How many independent origins the story's sources come from."""
        return len({source.origin for source in self.sources})


@dataclass(frozen=True)
class Brief:
    """The result of one run: a brief per story, the inputs that could not be used, and the
    stages that failed on an input, a source or a story."""

    stories: tuple[StoryBrief, ...]
    rejections: tuple[Rejection, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    problems: tuple[Problem, ...] = ()  # of the whole run; each story's are with it

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """Every problem of the run: the run's own, then each story's."""
        return (*self.problems, *(p for story in self.stories for p in story.problems))
