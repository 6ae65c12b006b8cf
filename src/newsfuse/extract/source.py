"""Everything extraction reads from one source: names, quotes, figures and dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from newsfuse.extract.attribution import attributions
from newsfuse.extract.cues import Span
from newsfuse.extract.entities import Mention, mentions
from newsfuse.extract.figures import FigureMention, figures
from newsfuse.extract.genders import genders_of
from newsfuse.extract.reading import Reading, read_source
from newsfuse.extract.speakers import SpeakerName, descriptors, is_agent, speaker, subject_starts
from newsfuse.extract.timeline import When, dates
from newsfuse.models import Source
from newsfuse.segment import table_rows
from newsfuse.text.stretches import Stretches

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class QuoteMention:
    """An attribution of a source, with its speaker as far as the source alone tells."""

    content: tuple[Span, ...]
    speaker: SpeakerName
    direct: bool
    speech: bool


@dataclass(frozen=True)
class GivenFigure:
    """A figure of a source and the speaker of the attribution it stands in, if any."""

    figure: FigureMention
    given_by: SpeakerName | None


@dataclass(frozen=True)
class SourceExtracts:
    source: Source
    mentions: tuple[Mention, ...]
    quotes: tuple[QuoteMention, ...]
    figures: tuple[GivenFigure, ...]
    dates: tuple[When, ...]
    titles: tuple[tuple[str, frozenset[str]], ...]  # person, the telling words of their titles
    # The source's text and title as spaCy read them: what the cross-check reads its claims
    # from, handed on rather than read again.
    reading: Reading = field(compare=False, repr=False)

    @property
    def doc(self) -> Doc:
        return self.reading.text


def extract_source(
    source: Source, reference: date | None, reading: Reading | None = None
) -> SourceExtracts:
    """What the source says: read with the full spaCy pipeline (or taken from `reading`,
    its reading kept from before), dates against `reference`."""
    text = source.clean.text
    reading = reading or read_source(source)
    doc = reading.text
    in_text = _OutsideTables(text)
    names = [name for name in mentions(doc) if in_text(name.start, name.end)]
    subjects = subject_starts(doc)
    genders = genders_of(doc, names)
    quotes = tuple(
        QuoteMention(
            found.content,
            speaker(text, found.speaker, names, subjects, genders),
            found.direct,
            found.speech,
        )
        for found in attributions(doc)
        if found.speaker is not None
        and all(in_text(part.start, part.end) for part in found.content)
    )
    givers = _Givers(quotes)
    given = tuple(
        GivenFigure(figure, givers.of(figure))
        for figure in figures(doc)
        if in_text(figure.start, figure.end)
    )
    titles = tuple(
        (name, frozenset(words)) for name, words in sorted(descriptors(doc, names).items())
    )
    found_dates = tuple(when for when in dates(doc, reference) if in_text(when.start, when.end))
    return SourceExtracts(source, tuple(names), quotes, given, found_dates, titles, reading)


class _OutsideTables:
    """Whether a stretch of the text lies outside the rows of its tables: a row gives
    figures and names read across it ("| Kyle Busch | 5040 |"), no statement, so nothing
    is read from it (segmenting makes no sentence of it either)."""

    def __init__(self, text: str) -> None:
        self._rows = Stretches((start, end, None) for start, end in table_rows(text))

    def __call__(self, start: int, end: int) -> bool:
        return not self._rows.overlapping(start, end)


class _Givers:
    """Who gives a figure: the speaker of the speech it stands in, when named or an agent
    (the first such speech, when several hold it)."""

    def __init__(self, quotes: tuple[QuoteMention, ...]) -> None:
        self._speech = Stretches(
            (part.start, part.end, (order, quote.speaker))
            for order, quote in enumerate(quotes)
            if quote.speech and (quote.speaker.named or is_agent(quote.speaker.name))
            for part in quote.content
        )

    def of(self, figure: FigureMention) -> SpeakerName | None:
        holding = [
            giver
            for start, end, giver in self._speech.overlapping(figure.start, figure.end)
            if start <= figure.start and figure.end <= end
        ]
        return min(holding, key=lambda giver: giver[0])[1] if holding else None
