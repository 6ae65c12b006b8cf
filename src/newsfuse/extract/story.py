"""A story's extracts: its entities, who said what, its figures and its timeline, each
gathered from all its sources.

The same words given by several sources to the same speaker are one quote citing them all;
the same words given to different speakers stay apart (cross-checking compares them). A
figure is one figure however many sources give it. Wording comes first from sources that
are not distorted (spun, garbled, rewritten).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from newsfuse.extract import entities as names
from newsfuse.extract.capitals import government_of
from newsfuse.extract.reading import Reading
from newsfuse.extract.source import GivenFigure, QuoteMention, SourceExtracts, extract_source
from newsfuse.extract.speakers import (
    PRONOUNS,
    SpeakerName,
    describe,
    is_agent,
    nearest_described,
)
from newsfuse.faults import attempt
from newsfuse.models import (
    Citation,
    Entity,
    Figure,
    Problem,
    Quote,
    Source,
    Story,
    TimelineEvent,
)
from newsfuse.text.lexical import containment, content_terms

# Quotes of one speaker are the same quote when the shorter holds this share of the
# longer's content words (sources trim and translate quotes).
SAME_QUOTE = 0.6
# Events of one date are the same event when their sentences share this much.
SAME_EVENT = 0.5
# A statement in who-said-what has at least this many words ("the Ukrainians" is not one).
_QUOTE_WORDS = 4

Resolve = Callable[[SpeakerName], tuple[str, bool]]


@dataclass(frozen=True)
class StoryExtracts:
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    timeline: tuple[TimelineEvent, ...]
    entities: tuple[Entity, ...]
    per_source: tuple[SourceExtracts, ...]  # undistorted sources first
    resolve: Resolve  # speakers of `per_source` to the story's names
    reference: date | None  # the story's day, for sources without a date
    problems: tuple[Problem, ...] = ()  # sources whose extraction failed (left out)


def extract_story(story: Story, readings: Mapping[str, Reading] | None = None) -> StoryExtracts:
    """The story's extracts, its sources read by spaCy or taken from `readings` (by source
    id: kept from before)."""
    reference = story_date(story.sources)
    # Undistorted wording first.
    ordered = sorted(story.sources, key=lambda source: source.distorted)
    readings = readings or {}
    per_source: list[SourceExtracts] = []
    problems: list[Problem] = []
    for source in ordered:
        found = attempt(
            "extract",
            source.article.path,
            extract_source,
            source,
            own_date(source) or reference,
            readings.get(source.id),
        )
        if isinstance(found, Problem):
            problems.append(found)  # the story goes on without this source's extracts
        else:
            per_source.append(found)
    return _gathered(per_source, reference, tuple(problems))


def no_extracts(story: Story) -> StoryExtracts:
    """A story's extracts when extraction failed as a whole: nothing found."""
    return _gathered([], story_date(story.sources), ())


def _gathered(
    per_source: list[SourceExtracts], reference: date | None, problems: tuple[Problem, ...]
) -> StoryExtracts:
    found = _entities(per_source)
    resolve = _resolver(per_source, found)
    return StoryExtracts(
        quotes=_quotes(per_source, resolve),
        figures=_figures(per_source, resolve),
        timeline=_timeline(per_source),
        entities=tuple(found),
        per_source=tuple(per_source),
        resolve=resolve,
        reference=reference,
        problems=problems,
    )


def story_date(sources: tuple[Source, ...]) -> date | None:
    """The day most of the story's dated sources were published."""
    days = Counter(day for source in sources if (day := own_date(source)) is not None)
    return min(days, key=lambda day: (-days[day], day)) if days else None


def own_date(source: Source) -> date | None:
    published = source.article.published or ""
    try:
        return date.fromisoformat(published[:10]) if len(published) >= 10 else None
    except ValueError:
        return None


def _entities(per_source: list[SourceExtracts]) -> list[Entity]:
    grouped = names.group(
        (mention.name, mention.kind, Citation(extracts.source.id, mention.start, mention.end))
        for extracts in per_source
        for mention in extracts.mentions
    )
    found = [Entity(e.name, e.kind, e.aliases, tuple(e.mentions)) for e in grouped]
    return sorted(found, key=lambda entity: -len(entity.mentions))


def _resolver(per_source: list[SourceExtracts], found: list[Entity]) -> Resolve:
    canonical = {alias.lower(): entity.name for entity in found for alias in entity.aliases}
    people: dict[str, set[str]] = {}
    for extracts in per_source:
        for person, words in extracts.titles:
            people.setdefault(canonical.get(person.lower(), person), set()).update(words)
    organisations = [entity.name for entity in found if entity.kind == "organization"]

    kinds = {entity.name: entity.kind for entity in found}
    people_named = [entity.name for entity in found if entity.kind == "person"]

    def resolve(speaker: SpeakerName) -> tuple[str, bool]:
        if speaker.named:
            known = canonical.get(speaker.name.lower())
            # A speaker's name that is a person's surname is that person, whatever kind the
            # recogniser gave it elsewhere ("Scholz" read as a place).
            if known is None or kinds.get(known) != "person":
                known = _by_surname(speaker.name, people_named) or known
            name = known or speaker.name
            if speaker.words.lower() in PRONOUNS and kinds.get(name) == "place":
                return speaker.words, False  # "he" is no place: the reading was wrong
            if kinds.get(name) != "person":  # "Moscow said": Russia's government
                name = government_of(name, canonical) or name
            return name, True
        described = describe(speaker.words, people, organisations) or nearest_described(
            speaker.words, (canonical.get(n.lower(), n) for n in speaker.before), people
        )
        return (described, True) if described else (speaker.words, False)

    return resolve


def _by_surname(name: str, people: list[str]) -> str | None:
    """The one person whose name ends with `name` ("Scholz": "Olaf Scholz")."""
    found = [person for person in people if person.endswith(" " + name)]
    return found[0] if len(found) == 1 else None


def _quotes(per_source: list[SourceExtracts], resolve: Resolve) -> tuple[Quote, ...]:
    groups: list[tuple[str, bool, list[tuple[SourceExtracts, QuoteMention]]]] = []
    for extracts in per_source:
        for quote in extracts.quotes:
            speaker, named = resolve(quote.speaker)
            if not quote.speech or not (named or is_agent(speaker)) or _too_short(extracts, quote):
                continue  # who-said-what lists statements by people and bodies
            match = next(
                (g for g in groups if g[0] == speaker and _same_quote(g[2][0], (extracts, quote))),
                None,
            )
            if match is None:
                groups.append((speaker, named, [(extracts, quote)]))
            else:
                match[2].append((extracts, quote))
    quotes = [_quote(speaker, named, members) for speaker, named, members in groups]
    return tuple(sorted(quotes, key=lambda q: -len({c.source for c in q.citations})))


def _too_short(extracts: SourceExtracts, quote: QuoteMention) -> bool:
    return len(_quote_text(extracts, quote).split()) < _QUOTE_WORDS


def _quote_text(extracts: SourceExtracts, quote: QuoteMention) -> str:
    text = extracts.source.clean.text
    return " … ".join(text[part.start : part.end] for part in quote.content)


def _same_quote(
    left: tuple[SourceExtracts, QuoteMention], right: tuple[SourceExtracts, QuoteMention]
) -> bool:
    mine, theirs = content_terms(_quote_text(*left)), content_terms(_quote_text(*right))
    shorter, longer = sorted((mine, theirs), key=lambda terms: len(set(terms)))
    return containment(shorter, longer) >= SAME_QUOTE


def _quote(speaker: str, named: bool, members: list[tuple[SourceExtracts, QuoteMention]]) -> Quote:
    citations = tuple(
        Citation(extracts.source.id, part.start, part.end)
        for extracts, quote in members
        for part in quote.content
    )
    first = members[0]
    return Quote(speaker, named, _quote_text(*first), any(q.direct for _, q in members), citations)


def _figures(per_source: list[SourceExtracts], resolve: Resolve) -> tuple[Figure, ...]:
    groups: dict[
        tuple[float, str | None, str | None], list[tuple[SourceExtracts, GivenFigure]]
    ] = {}
    for extracts in per_source:
        for given in extracts.figures:
            figure = given.figure
            if figure.unit is None and figure.counts is None:
                continue  # a bare number: nothing to say what it counts
            counts = figure.counts.lower() if figure.counts else None
            key = (figure.value, figure.unit, counts)
            groups.setdefault(key, []).append((extracts, given))
    found = [_figure(members, resolve) for members in groups.values()]
    return tuple(sorted(found, key=lambda f: (-len({c.source for c in f.citations}), -f.value)))


def _figure(members: list[tuple[SourceExtracts, GivenFigure]], resolve: Resolve) -> Figure:
    first = members[0][1].figure
    givers = tuple(
        dict.fromkeys(resolve(g.given_by)[0] for _, g in members if g.given_by is not None)
    )
    citations = tuple(Citation(e.source.id, g.figure.start, g.figure.end) for e, g in members)
    return Figure(
        first.text, first.value, first.unit, first.counts, first.qualifier, givers, citations
    )


def _timeline(per_source: list[SourceExtracts]) -> tuple[TimelineEvent, ...]:
    events: list[tuple[str, str, list[tuple[Source, int, int]]]] = []
    for extracts in per_source:
        source = extracts.source
        for when in extracts.dates:
            sentence = next((s for s in source.sentences if s.start <= when.start < s.end), None)
            if sentence is None:
                continue
            item = (source, sentence.start, sentence.end)
            if any(e[0] == when.date and item in e[2] for e in events):
                continue  # two date words in one sentence: one event
            match = next(
                (e for e in events if e[0] == when.date and _same_event(e[2][0], item)), None
            )
            if match is None:
                events.append((when.date, when.label, [item]))
            elif all(c[0].id != source.id for c in match[2]):
                match[2].append(item)
    found = [
        TimelineEvent(
            day,
            label,
            members[0][0].clean.text[members[0][1] : members[0][2]],
            tuple(Citation(s.id, a, b) for s, a, b in members),
        )
        for day, label, members in events
    ]
    return tuple(sorted(found, key=lambda event: event.date))


def _same_event(left: tuple[Source, int, int], right: tuple[Source, int, int]) -> bool:
    mine = content_terms(left[0].clean.text[left[1] : left[2]])
    theirs = content_terms(right[0].clean.text[right[1] : right[2]])
    return left[0].id != right[0].id and containment(mine, theirs) >= SAME_EVENT
