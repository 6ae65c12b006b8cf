"""Step 3 and 4 of the flow for every article: cleaned and segmented (read back from the
store when it holds them, or made, by a runner when there is one, and kept there); what a
`Runner` is."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from newsfuse._version import __version__
from newsfuse.clean import clean_article
from newsfuse.faults import attempt
from newsfuse.models import Article, Problem, Rejection, Source
from newsfuse.progress import SILENT, Progress
from newsfuse.segment import segment
from newsfuse.store import Store

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


class Runner(Protocol):
    """Maps a function over items, keeping their order, somewhere: in this process or on a
    cluster. The function and items must be picklable for a cluster."""

    def __call__(
        self, function: Callable[[_Item], _Result], items: Sequence[_Item]
    ) -> list[_Result]: ...


# Stored derivations are reused only when made by the same stages: the revision counts
# changes to what cleaning or segmenting makes between releases (2: sentences glued
# without a space are cut apart; 3: a list the article announces after its last paragraph
# is kept, a page's time stamp lines are removed; 4: the rows of a table make no sentence,
# the article goes on after a promotion of the outlet's own, the outlet's name or a town
# and its state opening the body as a dateline are removed), so a store made before one
# is derived again.
STAGES_REVISION = 4
STAGES = f"newsfuse {__version__}: clean, segment r{STAGES_REVISION}"


def prepare(article: Article, store: Store | None = None) -> Source:
    """The article cleaned and segmented (read back from `store` when it has them)."""
    if store is not None and (stored := store.source(article, STAGES)) is not None:
        return stored
    source = clean_and_segment(article)
    if store is not None:
        store.save_source(source, STAGES)
    return source


def clean_and_segment(article: Article) -> Source:
    clean = clean_article(article)
    return Source(article=article, clean=clean, sentences=segment(clean))


def clean_contained(article: Article) -> Source | Problem:
    """`clean_and_segment`, or the problem it ran into."""
    return attempt("clean", article.path, clean_and_segment, article)


@dataclass(frozen=True)
class Prepared:
    sources: list[Source]  # with text left, in the articles' order
    rejections: list[Rejection]  # articles with no text left once cleaned
    problems: list[Problem]  # articles cleaning failed on


def prepared_sources(
    articles: Sequence[Article],
    store: Store | None,
    runner: Runner | None,
    progress: Progress = SILENT,
) -> Prepared:
    """Every article cleaned and segmented: read back from the store, or made (by the runner
    when there is one) and kept there."""
    made: dict[str, Source | Problem] = {}
    if runner is None:
        for article in progress.steps("clean", articles):
            made[article.id] = attempt("clean", article.path, prepare, article, store)
    else:
        for article in articles:
            if store is not None and (stored := store.source(article, STAGES)) is not None:
                made[article.id] = stored
        missing = [article for article in articles if article.id not in made]
        for article, result in zip(missing, runner(clean_contained, missing), strict=True):
            made[article.id] = result
            if store is not None and isinstance(result, Source):
                store.save_source(result, STAGES)
    results = [made[article.id] for article in articles]
    sources = [r for r in results if isinstance(r, Source)]
    return Prepared(
        sources=[source for source in sources if source.sentences],
        rejections=[no_text(source) for source in sources if not source.sentences],
        problems=[r for r in results if isinstance(r, Problem)],
    )


def no_text(source: Source) -> Rejection:
    return Rejection(source.article.path, "no article text left once page furniture is removed")
