"""Claims: what each sentence of a source (and its title) states, read for cross-checking.

A claim keeps its sentence's parse, the figures extraction found in it with who gave
them, its dates made calendar dates, and the words that mark a figure as an update
("earlier", "up from", "revised"). Sentences too short to state anything are no claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsfuse.extract.figures import FigureMention
from newsfuse.extract.figures import figures as figure_mentions
from newsfuse.extract.nlp import parse
from newsfuse.extract.source import SourceExtracts
from newsfuse.extract.story import Resolve
from newsfuse.extract.timeline import WEEK_LABEL, When
from newsfuse.extract.timeline import dates as date_mentions
from newsfuse.lexical import content_terms
from newsfuse.models import Citation, Source
from newsfuse.provenance import is_distorted

# A claim has at least this many content terms: "He said so." states nothing to check.
MIN_TERMS = 3
# Words that present a figure as one of a series: earlier and later counts, revisions.
_UPDATE = re.compile(
    r"\b(?:earlier|previous(?:ly)?|initial(?:ly)?|original(?:ly)?|prior|first reported|"
    r"latest|updated?|revised?|up from|down from|now|currently|so far|as of)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClaimFigure:
    figure: FigureMention
    given_by: str | None


@dataclass(frozen=True)
class Claim:
    """A sentence (or title) of a source as a statement to compare with others."""

    position: int  # of the source in the story
    index: int  # of the sentence in the source; -1 for the title
    source: Source
    citation: Citation
    text: str
    terms: frozenset[str]
    span: Any  # the spaCy span of the sentence
    figures: tuple[ClaimFigure, ...]
    dates: tuple[str, ...]  # calendar dates the sentence gives for what it reports
    updates: bool  # it presents a figure as an earlier or later count
    distorted: bool  # its source is spun, garbled, a rewrite or a translation
    said_on: tuple[str, ...] = ()  # days it says something was said ("said Tuesday")

    @property
    def origin(self) -> str:
        return self.source.origin

    @property
    def key(self) -> tuple[int, int]:
        return (self.position, self.index)


def source_claims(
    position: int, extracts: SourceExtracts, resolve: Resolve, reference: date | None
) -> list[Claim]:
    """The claims of one source: its title and its sentences."""
    source = extracts.source
    doc = parse(source.clean.text)
    distorted = is_distorted(source)
    found = []
    title = _title_claim(position, source, resolve, reference, distorted)
    if title is not None:
        found.append(title)
    for sentence in source.sentences:
        terms = frozenset(content_terms(sentence.text))
        if len(terms) < MIN_TERMS:
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        inside = [
            ClaimFigure(g.figure, resolve(g.given_by)[0] if g.given_by else None)
            for g in extracts.figures
            if sentence.start <= g.figure.start < sentence.end
        ]
        inside_dates = [w for w in extracts.dates if sentence.start <= w.start < sentence.end]
        said = {w.start for w in inside_dates if _speech_date(doc, w.start)}
        found.append(
            Claim(
                position=position,
                index=sentence.index,
                source=source,
                citation=Citation(source.id, sentence.start, sentence.end),
                text=sentence.text,
                terms=terms,
                span=span,
                figures=tuple(inside),
                dates=_calendar_dates(w for w in inside_dates if w.start not in said),
                updates=_UPDATE.search(sentence.text) is not None,
                distorted=distorted,
                said_on=_calendar_dates(w for w in inside_dates if w.start in said),
            )
        )
    return found


def _title_claim(
    position: int, source: Source, resolve: Resolve, reference: date | None, distorted: bool
) -> Claim | None:
    """The title as a claim: headlines are where re-posts distort most visibly."""
    title = " ".join((source.article.title or "").split())
    terms = frozenset(content_terms(title))
    if len(terms) < MIN_TERMS:
        return None
    doc = parse(title)
    return Claim(
        position=position,
        index=-1,
        source=source,
        citation=Citation(source.id, 0, len(title), part="title"),
        text=title,
        terms=terms,
        span=doc[:],
        figures=tuple(ClaimFigure(f, None) for f in figure_mentions(doc)),
        dates=_calendar_dates(date_mentions(doc, reference)),
        updates=_UPDATE.search(title) is not None,
        distorted=distorted,
    )


def _calendar_dates(found: Iterable[When]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_calendar(when) for when in found))


def _calendar(when: When) -> str:
    """A date as compared: ISO at its precision, a week as an ISO week ("2022-W07")."""
    if not when.label.startswith(WEEK_LABEL):
        return when.date
    year, week, _ = date.fromisoformat(when.date).isocalendar()
    return f"{year}-W{week:02d}"


def _speech_date(doc: Any, start: int) -> bool:
    """Whether a date tells when something was said ("said Tuesday"), not when it happened:
    reports of one event quote it on different days."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head  # "said on Tuesday"
    return bool(head.lemma_.lower() in _SPEECH_LEMMAS)


_SPEECH_LEMMAS = frozenset(
    "say tell add state declare note announce confirm report write tweet post warn".split()  # noqa: SIM905
)
