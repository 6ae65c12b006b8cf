"""Everything extraction reads from one source: names, quotes, figures and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsfuse.extract.attribution import Span, attributions
from newsfuse.extract.entities import Mention, mentions
from newsfuse.extract.figures import FigureMention, figures
from newsfuse.extract.nlp import parse
from newsfuse.extract.speakers import SpeakerName, descriptors, is_agent, speaker, subject_starts
from newsfuse.extract.timeline import When, dates
from newsfuse.models import Source


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


def extract_source(source: Source, reference: date | None) -> SourceExtracts:
    """What the source says: read with the full spaCy pipeline, dates against `reference`."""
    text = source.clean.text
    doc = parse(text)
    names = mentions(doc)
    subjects = subject_starts(doc)
    quotes = tuple(
        QuoteMention(
            found.content, speaker(text, found.speaker, names, subjects), found.direct, found.speech
        )
        for found in attributions(doc)
        if found.speaker is not None
    )
    given = tuple(GivenFigure(figure, _giver(figure, quotes)) for figure in figures(doc))
    titles = tuple(
        (name, frozenset(words)) for name, words in sorted(descriptors(doc, names).items())
    )
    return SourceExtracts(source, tuple(names), quotes, given, tuple(dates(doc, reference)), titles)


def _giver(figure: FigureMention, quotes: tuple[QuoteMention, ...]) -> SpeakerName | None:
    """The speaker of the speech the figure stands in, when named or an agent."""
    for quote in quotes:
        if not quote.speech or not (quote.speaker.named or is_agent(quote.speaker.name)):
            continue
        if any(part.start <= figure.start and figure.end <= part.end for part in quote.content):
            return quote.speaker
    return None
