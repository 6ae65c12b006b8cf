"""The order of the stages, and nothing else.

`brief_paths` runs the whole flow:

1. ingest: read the inputs into articles (bad inputs become rejections);
2. store: keep the articles (a no-op for articles already stored);
3. clean: remove page furniture;
4. segment: split into sentences;
5. provenance: copies, rewrites and translations, each family's origin, quality flags;
6. cluster: group the sources into stories;
7. extract: per story, who said what, its figures, its timeline and its entities;
8. crosscheck: per story, facts with their independent support, and conflicts;
9. summarize: a cited brief per story, counting each origin once, its wording never from
   a contradicted sentence;
10. write, when a language model server is given (`BriefOptions.writer`): the brief it
   writes from the story's facts, each sentence checked against the facts it cites.

Steps 3 and 4 are read back from the store when it already holds their output, and so is
how spaCy read each source for step 7 (`ingest_paths` reads and keeps it).

Each step is contained (newsfuse.faults): an unexpected error on one input, article or
story becomes a `Problem` the brief lists, and the run goes on without what that step would
have added (an article that cannot be cleaned is left out; failed provenance leaves each
source its own origin; failed clustering leaves each source its own story; a story whose
extraction, cross-check or summary fails is briefed without it).

`ingest_paths` runs steps 1-4, reads each new article with spaCy (kept for step 7), and
assigns the new articles to the stories of a store (online: stories already there are
joined, never reshuffled); `brief_stored_story` briefs one stored story.

Given a `Runner` (newsfuse.batch runs one on Dask), the work of each article (steps 3-4) and
of each story (steps 7-9) is handed to it; steps 5 and 6 need the whole corpus at once and
run here. A runner only maps functions over items in order, so the brief is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Protocol, TypeVar

from newsfuse._exceptions import StoreError, WriterError
from newsfuse._version import __version__
from newsfuse.clean import clean_article
from newsfuse.cluster import (
    StoryClusterer,
    arrival_order,
    cluster,
    source_terms,
)
from newsfuse.crosscheck import CrossCheck, crosscheck, likely_read
from newsfuse.defaults import MAX_POINTS, STORY_SIMILARITY
from newsfuse.extract import (
    KeptReadings,
    Reading,
    extract_story,
    no_extracts,
    read_source,
    read_sources,
    reading_bytes,
    reading_version,
)
from newsfuse.faults import attempt, story_subject
from newsfuse.ingest import IngestResult, Limits, collect, expand, read_inputs, read_item
from newsfuse.models import (
    Article,
    Brief,
    Duplicate,
    Problem,
    Rejection,
    Source,
    Story,
    StoryBrief,
    WrittenBrief,
)
from newsfuse.progress import steps
from newsfuse.provenance import analyse
from newsfuse.segment import segment
from newsfuse.store import Store
from newsfuse.summarize import summarize
from newsfuse.text.embed import Encoder, ReadingAheadEncoder, RememberingEncoder, default_encoder
from newsfuse.write import LlmSettings, write_brief

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
# is kept, a page's time stamp lines are removed), so a store made before one is derived
# again.
STAGES_REVISION = 3
STAGES = f"newsfuse {__version__}: clean, segment r{STAGES_REVISION}"
# `ingest` reads this many articles at once (on every core), and keeps their readings.
_READ_TOGETHER = 64


@dataclass(frozen=True)
class BriefOptions:
    max_points: int = MAX_POINTS
    max_words: int | None = None  # a word budget for each story's points, instead
    limits: Limits = field(default_factory=Limits)
    writer: LlmSettings | None = None  # a language model server to write each brief too


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
class _Prepared:
    sources: list[Source]  # with text left, in the articles' order
    rejections: list[Rejection]  # articles with no text left once cleaned
    problems: list[Problem]  # articles cleaning failed on


def _prepared(articles: Sequence[Article], store: Store | None, runner: Runner | None) -> _Prepared:
    """Every article cleaned and segmented: read back from the store, or made (by the runner
    when there is one) and kept there."""
    made: dict[str, Source | Problem] = {}
    if runner is None:
        for article in steps("clean", articles):
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
    return _Prepared(
        sources=[source for source in sources if source.sentences],
        rejections=[_no_text(source) for source in sources if not source.sentences],
        problems=[r for r in results if isinstance(r, Problem)],
    )


def _analysed(
    sources: Sequence[Source], encoder: Encoder
) -> tuple[tuple[Source, ...], list[Problem]]:
    """The sources with their provenance; if that fails, each its own origin."""
    found = attempt("provenance", "all sources", analyse, sources, encoder)
    if isinstance(found, Problem):
        return tuple(sources), [found]
    return found, []


def _clustered(sources: Sequence[Source]) -> tuple[tuple[Story, ...], list[Problem]]:
    """The sources grouped into stories; if that fails, each its own story."""
    found = attempt("cluster", "all sources", cluster, sources)
    if isinstance(found, Problem):
        return tuple(Story(id=s.id, sources=(s,)) for s in sources), [found]
    return found, []


def brief_paths(
    paths: Sequence[str],
    store: Store | None = None,
    options: BriefOptions | None = None,
    encoder: Encoder | None = None,
    runner: Runner | None = None,
) -> Brief:
    """A brief of the reports behind `paths` (files, folders, glob patterns); with a
    `runner` (a Dask cluster's), the inputs are read and the stages mapped through it."""
    options = options or BriefOptions()
    if runner is None:
        ingested = read_inputs(list(paths), options.limits)
    else:
        items = list(expand(list(paths)))
        ingested = collect(runner(partial(read_item, limits=options.limits), items))
    return brief_ingested(ingested, store, options, encoder, runner)


def brief_articles(
    articles: Sequence[Article],
    store: Store | None = None,
    options: BriefOptions | None = None,
    encoder: Encoder | None = None,
    rejections: Sequence[Rejection] = (),
    duplicates: Sequence[Duplicate] = (),
) -> Brief:
    """A brief of `articles`, one story brief per story they report."""
    ingested = IngestResult(tuple(articles), tuple(rejections), tuple(duplicates))
    return brief_ingested(ingested, store, options, encoder)


def brief_ingested(
    ingested: IngestResult,
    store: Store | None = None,
    options: BriefOptions | None = None,
    encoder: Encoder | None = None,
    runner: Runner | None = None,
) -> Brief:
    """A brief of what was read, one story brief per story; what could not be read is
    listed with it."""
    options = options or BriefOptions()
    if store is not None:
        store.add_articles(ingested.articles)
    prepared = _prepared(ingested.articles, store, runner)
    # One brief embeds many sentences in several stages: each is encoded once.
    encoder = RememberingEncoder(encoder or default_encoder())
    analysed, analysis_problems = _analysed(prepared.sources, encoder)
    stories, cluster_problems = _clustered(analysed)
    if runner is None:
        briefs = [
            story_brief(story, options, encoder, _kept_readings(story.sources, store))
            for story in steps("brief", stories)
        ]
    else:  # each worker encodes with its own model: the vectors are the same bit for bit
        briefs = runner(partial(story_brief, options=options), stories)
    return Brief(
        stories=tuple(sorted(briefs, key=_story_order)),
        rejections=(*ingested.rejections, *prepared.rejections),
        duplicates=ingested.duplicates,
        problems=(
            *ingested.problems,
            *prepared.problems,
            *analysis_problems,
            *cluster_problems,
        ),
    )


@dataclass(frozen=True)
class IngestReport:
    added: int  # articles new to the store
    already_stored: int
    assignments: tuple[tuple[str, str], ...]  # (article id, story id) in arrival order
    new_stories: int
    rejections: tuple[Rejection, ...]
    duplicates: tuple[Duplicate, ...]
    problems: tuple[Problem, ...] = ()


def ingest_paths(
    paths: Sequence[str],
    store: Store,
    limits: Limits | None = None,
    encoder: Encoder | None = None,
) -> IngestReport:
    """Add the reports behind `paths` to `store` and assign every article that has no story
    yet to one, in publication order; each changed story's independent origins are
    counted again."""
    ingested = read_inputs(list(paths), limits or Limits())
    added = store.add_articles(ingested.articles)
    prepared = _prepared(store.unclustered_articles(), store, None)
    problems = [*ingested.problems, *prepared.problems]
    _keep_readings(prepared.sources, store, problems)
    # Another ingest may be clustering the same store: one at a time, each taking the
    # articles still unclustered when its turn comes, so none joins two stories or none.
    with store.exclusive():
        clusterer = StoryClusterer.resumed(store.clustering(), STORY_SIMILARITY)
        known = set(clusterer.stories)
        pending = {article.id for article in store.unclustered_articles()}
        assignments = _assigned(
            clusterer, [s for s in prepared.sources if s.id in pending], problems
        )
        store.save_clustering(clusterer.changes(), assignments)
    changed = sorted({story_id for _, story_id in assignments})
    # A run stopped before counting leaves stories uncounted: counted now.
    uncounted = sorted(set(store.uncounted_stories()) - set(changed))
    origins: dict[str, int] = {}
    for story_id in steps("origins", [*changed, *uncounted]):
        counted = attempt("provenance", story_subject(story_id), _origins, store, story_id, encoder)
        if isinstance(counted, Problem):
            problems.append(counted)  # left uncounted: counted again by the next run
        else:
            origins[story_id] = counted
    store.set_origins(origins)
    return IngestReport(
        added=len(added.added),
        already_stored=len(added.already_stored),
        assignments=tuple(assignments),
        new_stories=len(set(changed) - known),
        rejections=(*ingested.rejections, *prepared.rejections),
        duplicates=ingested.duplicates,
        problems=tuple(problems),
    )


def _assigned(
    clusterer: StoryClusterer, sources: list[Source], problems: list[Problem]
) -> list[tuple[str, str]]:
    """Each source assigned to a story, in publication order: (article id, story id). A
    source whose assignment fails is left unassigned (the next run tries it again)."""
    assignments = []
    for position in steps("assign to stories", arrival_order(sources)):
        source = sources[position]
        story_id = attempt(
            "cluster",
            source.article.path,
            clusterer.assign,
            source.id,
            source_terms(source),
            source.article.published,
        )
        if isinstance(story_id, Problem):
            problems.append(story_id)
        else:
            assignments.append((source.id, story_id))
    return assignments


def _origins(store: Store, story_id: str, encoder: Encoder | None) -> int:
    sources = [prepare(article, store) for article in store.story_articles(story_id)]
    analysed = analyse(sources, encoder or default_encoder())
    return len({source.origin for source in analysed})


def brief_stored_story(
    story_id: str,
    store: Store,
    options: BriefOptions | None = None,
    encoder: Encoder | None = None,
) -> Brief:
    """The brief of one stored story (as `newsfuse ingest` formed it)."""
    articles = store.story_articles(story_id)
    if not articles:
        raise StoreError(f"{store.path}: no story {story_id!r} (see `newsfuse stories`)")
    encoder = RememberingEncoder(encoder or default_encoder())
    prepared = _prepared(articles, store, None)
    sources, analysis_problems = _analysed(prepared.sources, encoder)
    story = Story(id=story_id, sources=sources)
    brief = story_brief(story, options or BriefOptions(), encoder, _kept_readings(sources, store))
    return Brief(
        stories=(brief,),
        rejections=tuple(prepared.rejections),
        problems=(*prepared.problems, *analysis_problems),
    )


def _reading_version() -> str:
    # A reading is of the cleaned text: cleaned otherwise, it is read again.
    return f"{reading_version()}; {STAGES}"


def _kept_readings(sources: Sequence[Source], store: Store | None) -> Mapping[str, Reading]:
    """How spaCy read each source (by id), as `store` keeps it: those it keeps no current
    reading of are read by extraction, in step with the encoder."""
    if store is None:
        return {}
    return KeptReadings(store.readings([s.id for s in sources], _reading_version()), sources)


def _keep_readings(sources: Sequence[Source], store: Store, problems: list[Problem]) -> None:
    """Read every source `store` keeps no current reading of, and keep its reading: briefs
    of stored stories then need neither the model nor the time to read. Sources are read
    `_READ_TOGETHER` at a time, on every core; should a batch fail, its sources are read
    one by one, and one that cannot be read is reported and left unread."""
    version = _reading_version()
    unread = store.unread([source.id for source in sources], version)
    pending = [source for source in sources if source.id in unread]
    batches = [
        pending[start : start + _READ_TOGETHER] for start in range(0, len(pending), _READ_TOGETHER)
    ]
    for batch in steps("read", batches):
        together = attempt("read", f"{len(batch)} articles", read_sources, batch)
        if isinstance(together, Problem):
            readings = [attempt("read", s.article.path, read_source, s) for s in batch]
        else:
            readings = list(together)
        problems += [reading for reading in readings if isinstance(reading, Problem)]
        kept = {
            source.id: reading_bytes(reading)
            for source, reading in zip(batch, readings, strict=True)
            if not isinstance(reading, Problem)
        }
        store.save_readings(kept, version)


def _no_text(source: Source) -> Rejection:
    return Rejection(source.article.path, "no article text left once page furniture is removed")


def story_brief(
    story: Story,
    options: BriefOptions,
    encoder: Encoder | None = None,
    readings: Mapping[str, Reading] | None = None,
) -> StoryBrief:
    """Extract, crosscheck and summarize one story: who said what, its figures, timeline
    and entities, its facts and conflicts, and key points resting on the checked facts.
    Sources with a reading in `readings` (by id) are not read again. A step that fails is
    left out and listed in the brief's problems."""
    encoder = encoder or RememberingEncoder(default_encoder())
    # The model reads the sentences the cross-check will need while spaCy parses the story.
    reading = ReadingAheadEncoder(encoder, likely_read(story))
    subject = story_subject(story.id)
    problems: list[Problem] = []
    found = attempt("extract", subject, extract_story, story, readings)
    if isinstance(found, Problem):
        problems.append(found)
        found = no_extracts(story)
    problems += found.problems
    checked = attempt("crosscheck", subject, crosscheck, story, found, reading)
    if isinstance(checked, Problem):
        problems.append(checked)
        checked = CrossCheck(facts=(), conflicts=())
    brief = attempt(
        "summarize", subject, summarize, story, options.max_points, checked, options.max_words
    )
    if isinstance(brief, Problem):
        problems.append(brief)
        brief = _unsummarized(story)
    brief = replace(
        brief,
        quotes=found.quotes,
        figures=found.figures,
        timeline=found.timeline,
        entities=found.entities,
        facts=checked.facts,
        conflicts=checked.conflicts,
    )
    written: WrittenBrief | Problem | None = None
    if options.writer is not None:
        written = attempt("write", subject, _written, brief, options, encoder, subject)
    if isinstance(written, Problem):
        problems.append(written)
        written = None
    return replace(brief, written=written, problems=tuple(problems))


def _written(
    brief: StoryBrief, options: BriefOptions, encoder: Encoder, subject: str
) -> WrittenBrief | Problem | None:
    """The brief a language model writes of the story, checked against its facts; the
    problem, when the server gives no usable answer (the key points stand alone)."""
    assert options.writer is not None
    try:
        return write_brief(brief, options.writer, encoder, options.max_points)
    except WriterError as error:
        return Problem(stage="write", subject=subject, error=f"{error}; the key points stand alone")


def _unsummarized(story: Story) -> StoryBrief:
    """A story's brief with no key points: its sources, titled by the first that has a
    title."""
    titled = next((s for s in story.sources if s.article.title), None)
    return StoryBrief(
        story_id=story.id,
        title=titled.article.title if titled and titled.article.title else "Untitled story",
        title_source=titled.id if titled else None,
        sources=story.sources,
        summary=(),
    )


def _story_order(brief: StoryBrief) -> tuple[int, str]:
    """Most-reported stories first; ties in a fixed order."""
    return (-len(brief.sources), brief.story_id)
