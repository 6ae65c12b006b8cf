"""What the renderers share: short labels for sources and a story's date range."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.models import (
    Citation,
    ConflictSide,
    DropReason,
    Fact,
    Figure,
    Quote,
    Source,
    StoryBrief,
    TimelineEvent,
    WrittenSentence,
)


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


# How much of who-said-what, the figures and the timeline a brief shows; the JSON has all.
SPEAKERS_SHOWN = 8
QUOTES_PER_SPEAKER = 3
FIGURES_SHOWN = 10
DATES_SHOWN = 12
EVENTS_PER_DATE = 2


def _sources(citations: tuple[Citation, ...]) -> int:
    return len({citation.source for citation in citations})


def shown_speakers(story: StoryBrief) -> list[tuple[str, list[Quote]]]:
    """Named speakers with their best-supported statements, most-quoted speakers first."""
    by_speaker: dict[str, list[Quote]] = {}
    for quote in story.quotes:
        if quote.named:
            by_speaker.setdefault(quote.speaker, []).append(quote)
    ranked = sorted(
        by_speaker.items(),
        key=lambda item: (-sum(_sources(q.citations) for q in item[1]), item[0]),
    )
    return [
        (
            speaker,
            sorted(quotes, key=lambda q: (-_sources(q.citations), -q.direct))[:QUOTES_PER_SPEAKER],
        )
        for speaker, quotes in ranked[:SPEAKERS_SHOWN]
    ]


def shown_figures(story: StoryBrief) -> list[Figure]:
    """The figures with what they count, best supported first."""
    return [figure for figure in story.figures if figure.counts or figure.unit][:FIGURES_SHOWN]


def shown_timeline(story: StoryBrief) -> list[tuple[str, list[TimelineEvent]]]:
    """The dates of the story with their best-supported events, in date order."""
    by_date: dict[str, list[TimelineEvent]] = {}
    for event in story.timeline:
        by_date.setdefault(event.date, []).append(event)
    dates = sorted(by_date, key=lambda day: -max(_sources(e.citations) for e in by_date[day]))
    kept = sorted(dates[:DATES_SHOWN])
    return [
        (day, sorted(by_date[day], key=lambda e: -_sources(e.citations))[:EVENTS_PER_DATE])
        for day in kept
    ]


def figure_phrase(figure: Figure) -> str:
    """ "more than 150,000 troops", "$3.2 billion", "nearly 30 years"."""
    counts = f" {figure.counts}" if figure.counts and figure.counts not in figure.text else ""
    return f"{figure.text}{counts}"


# How many corroborated facts and single-source claims a brief shows; the JSON has all.
CORROBORATED_SHOWN = 8
SINGLE_SOURCE_SHOWN = 5
CONFLICT_KINDS = {
    "number": "figures differ",
    "negation": "one denies what the other states",
    "role": "who did what to whom",
    "speaker": "words given to different speakers",
    "date": "dates differ",
    "status": "planned or begun against done",
    "quote": "quoted words differ",
}


def support_phrase(independent: int) -> str:
    """ "single source" or "3 independent sources"."""
    return "single source" if independent <= 1 else f"{independent} independent sources"


def corroborated(story: StoryBrief) -> list[Fact]:
    """The best-supported facts that more than one independent origin states."""
    return [fact for fact in story.facts if fact.independent >= 2][:CORROBORATED_SHOWN]


def single_sourced(story: StoryBrief) -> list[Fact]:
    """The most central claims that only one origin makes."""
    return [fact for fact in story.facts if fact.single_source][:SINGLE_SOURCE_SHOWN]


def side_phrase(side: ConflictSide, labels: dict[str, str]) -> str:
    """ "S2, S3 (2 independent; given by Joe Biden)"."""
    names = ", ".join(dict.fromkeys(labels[c.source] for c in side.citations if c.source in labels))
    notes = [support_phrase(side.independent)]
    if side.given_by:
        notes.append("given by " + ", ".join(side.given_by))
    return f"{names} ({'; '.join(notes)})"


def receipts(citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """A point's or fact's citations as shown: the sentence its wording comes from, and the
    statements of the other sources (the wording's own statement, inside that sentence,
    goes without saying)."""
    if not citations:
        return citations
    first = citations[0]
    shown = [
        c
        for c in citations[1:]
        if not (
            c.source == first.source
            and c.part == first.part
            and first.start <= c.start
            and c.end <= first.end
        )
    ]
    return (first, *_one_title_each(shown))


def _one_title_each(citations: list[Citation]) -> list[Citation]:
    """The citations with the parts of one source's title cited as one stretch of it, in
    the place of the first: a title is shown as "title", and twice would read as two."""
    titles: dict[str, Citation] = {}
    for c in citations:
        if c.part == "title":
            known = titles.get(c.source, c)
            titles[c.source] = replace(
                known, start=min(known.start, c.start), end=max(known.end, c.end)
            )
    found = []
    for c in citations:
        if c.part != "title":
            found.append(c)
        elif c.source in titles:
            found.append(titles.pop(c.source))
    return found


def written_receipts(story: StoryBrief, sentence: WrittenSentence) -> tuple[Citation, ...]:
    """A written sentence's citations as shown: the receipts of each fact it cites, once."""
    found = (c for n in sentence.facts for c in receipts(story.facts[n].citations))
    return tuple(dict.fromkeys(found))


DROP_REASONS: dict[DropReason, str] = {
    "uncited": "cites no fact",
    "unknown fact": "cites a fact that does not exist",
    "figure": "a figure the facts do not give",
    "hedge": "a figure's qualifier changed",
    "date": "a date the facts do not give",
    "name": "a name the facts do not give",
    "negation": "a negation the facts do not make",
    "quote": "a quotation the facts do not hold",
    "meaning": "says something else than its facts",
    "disputed": "one side of a dispute told as settled",
}


def citation_place(citation: Citation) -> str:
    """ "12–80", or "title" for a citation of a source's title."""
    return "title" if citation.part == "title" else f"{citation.start}–{citation.end}"
