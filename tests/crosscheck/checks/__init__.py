"""A claim made straight from one sentence, for the checks' tests."""

from __future__ import annotations

from newsfuse.crosscheck.claims import Claim, ClaimFigure
from newsfuse.extract.figures import figures
from newsfuse.models import Article, Citation, CleanText, Source
from newsfuse.text.nlp import parse


def claim(text: str, dates: tuple[str, ...] = (), giver: str | None = None) -> Claim:
    doc = parse(text)
    source = Source(
        Article(id=text[:8], path="x", raw_text=text), CleanText(text[:8], text, (), ()), ()
    )
    return Claim(
        position=0,
        index=0,
        part=0,
        source=source,
        citation=Citation(source.id, 0, len(text)),
        sentence=Citation(source.id, 0, len(text)),
        text=text,
        sentence_text=text,
        terms=frozenset(),
        span=doc[:],
        figures=tuple(ClaimFigure(f, giver) for f in figures(doc)),
        dates=dates,
        updates=False,
    )
