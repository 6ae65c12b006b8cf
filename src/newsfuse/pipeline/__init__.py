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

Steps 7-10 of one story are `story.story_brief`; what a caller asks for is `BriefOptions`
(`options`).

`ingest_paths` runs steps 1-4, reads each new article with spaCy (kept for step 7), and
assigns the new articles to the stories of a store (online: stories already there are
joined, never reshuffled); `brief_stored_story` briefs one stored story.

Given a `Runner` (newsfuse.batch runs one on Dask), the work of each article (steps 3-4) and
of each story (steps 7-9) is handed to it; steps 5 and 6 need the whole corpus at once and
run here. A runner only maps functions over items in order, so the brief is the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from newsfuse._exceptions import StoreError
from newsfuse.cluster import (
    StoryClusterer,
    arrival_order,
    cluster,
    source_terms,
)
from newsfuse.defaults import STORY_SIMILARITY
from newsfuse.extract import (
    KeptReadings,
    Reading,
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
)
from newsfuse.pipeline.articles import (
    STAGES,
    Runner,
    clean_and_segment,
    clean_contained,
    prepare,
    prepared_sources,
)
from newsfuse.pipeline.options import BriefOptions
from newsfuse.pipeline.story import story_brief
from newsfuse.progress import SILENT, Progress
from newsfuse.provenance import analyse
from newsfuse.store import Store
from newsfuse.text.embed import Encoder, RememberingEncoder, default_encoder

__all__ = [
    "STAGES",
    "BriefOptions",
    "IngestReport",
    "Runner",
    "brief_articles",
    "brief_ingested",
    "brief_paths",
    "brief_stored_story",
    "clean_and_segment",
    "clean_contained",
    "ingest_paths",
    "prepare",
    "story_brief",
]


# `ingest` reads this many articles at once (on every core), and keeps their readings.
_READ_TOGETHER = 64


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
    progress: Progress = SILENT,
) -> Brief:
    """A brief of the reports behind `paths` (files, folders, glob patterns); with a
    `runner` (a Dask cluster's), the inputs are read and the stages mapped through it;
    `progress` draws each stage's."""
    options = options or BriefOptions()
    if runner is None:
        ingested = read_inputs(list(paths), options.limits)
    else:
        items = list(expand(list(paths)))
        ingested = collect(runner(partial(read_item, limits=options.limits), items))
    return brief_ingested(ingested, store, options, encoder, runner, progress)


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
    progress: Progress = SILENT,
) -> Brief:
    """A brief of what was read, one story brief per story; what could not be read is
    listed with it."""
    options = options or BriefOptions()
    if store is not None:
        store.add_articles(ingested.articles)
    prepared = prepared_sources(ingested.articles, store, runner, progress)
    # One brief embeds many sentences in several stages: each is encoded once.
    encoder = RememberingEncoder(encoder or default_encoder())
    analysed, analysis_problems = _analysed(prepared.sources, encoder)
    stories, cluster_problems = _clustered(analysed)
    if runner is None:
        briefs = [
            story_brief(story, options, encoder, _kept_readings(story.sources, store))
            for story in progress.steps("brief", stories)
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
    progress: Progress = SILENT,
) -> IngestReport:
    """Add the reports behind `paths` to `store` and assign every article that has no story
    yet to one, in publication order; each changed story's independent origins are
    counted again."""
    ingested = read_inputs(list(paths), limits or Limits())
    added = store.add_articles(ingested.articles)
    prepared = prepared_sources(store.unclustered_articles(), store, None, progress)
    problems = [*ingested.problems, *prepared.problems]
    _keep_readings(prepared.sources, store, problems, progress)
    # Another ingest may be clustering the same store: one at a time, each taking the
    # articles still unclustered when its turn comes, so none joins two stories or none.
    with store.exclusive():
        clusterer = StoryClusterer.resumed(store.clustering(), STORY_SIMILARITY)
        known = set(clusterer.stories)
        pending = {article.id for article in store.unclustered_articles()}
        pending_sources = [s for s in prepared.sources if s.id in pending]
        assignments = _assigned(clusterer, pending_sources, problems, progress)
        store.save_clustering(clusterer.changes(), assignments)
    changed = sorted({story_id for _, story_id in assignments})
    # A run stopped before counting leaves stories uncounted: counted now.
    uncounted = sorted(set(store.uncounted_stories()) - set(changed))
    origins: dict[str, int] = {}
    for story_id in progress.steps("origins", [*changed, *uncounted]):
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
    clusterer: StoryClusterer, sources: list[Source], problems: list[Problem], progress: Progress
) -> list[tuple[str, str]]:
    """Each source assigned to a story, in publication order: (article id, story id). A
    source whose assignment fails is left unassigned (the next run tries it again)."""
    assignments = []
    for position in progress.steps("assign to stories", arrival_order(sources)):
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
    prepared = prepared_sources(articles, store, None)
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


def _keep_readings(
    sources: Sequence[Source], store: Store, problems: list[Problem], progress: Progress
) -> None:
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
    for batch in progress.steps("read", batches):
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


def _story_order(brief: StoryBrief) -> tuple[int, str]:
    """Most-reported stories first; ties in a fixed order."""
    return (-len(brief.sources), brief.story_id)
