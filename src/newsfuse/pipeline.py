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
   a contradicted sentence.

Steps 3 and 4 are read back from the store when it already holds their output.

`ingest_paths` runs steps 1-4 and assigns the new articles to the stories of a store (online:
stories already there are joined, never reshuffled); `brief_story` briefs one stored story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsfuse._version import __version__
from newsfuse.clean import clean_article
from newsfuse.cluster import STORY_SIMILARITY, arrival_order, cluster, source_terms
from newsfuse.crosscheck import crosscheck
from newsfuse.embed import Encoder, RememberingEncoder, default_encoder
from newsfuse.extract.story import extract_story
from newsfuse.ingest import Limits, read_inputs
from newsfuse.models import Article, Brief, Duplicate, Rejection, Source, Story, StoryBrief
from newsfuse.provenance import analyse
from newsfuse.segment import segment
from newsfuse.store import Store, StoreError
from newsfuse.summarize import MAX_POINTS, summarize

# Stored derivations are reused only when made by the same stages.
STAGES = f"newsfuse {__version__}: clean, segment"


@dataclass(frozen=True)
class BriefOptions:
    max_points: int = MAX_POINTS
    max_words: int | None = None  # a word budget for each story's points, instead
    limits: Limits = field(default_factory=Limits)


def prepare(article: Article, store: Store | None = None) -> Source:
    """The article cleaned and segmented (read back from `store` when it has them)."""
    if store is not None and (stored := store.source(article, STAGES)) is not None:
        return stored
    clean = clean_article(article)
    source = Source(article=article, clean=clean, sentences=segment(clean))
    if store is not None:
        store.save_source(source, STAGES)
    return source


def brief_paths(
    paths: Sequence[str],
    store: Store | None = None,
    options: BriefOptions | None = None,
    encoder: Encoder | None = None,
) -> Brief:
    """A brief of the reports behind `paths` (files, folders, glob patterns)."""
    options = options or BriefOptions()
    ingested = read_inputs(list(paths), options.limits)
    return brief_articles(
        ingested.articles,
        store=store,
        options=options,
        encoder=encoder,
        rejections=ingested.rejections,
        duplicates=ingested.duplicates,
    )


def brief_articles(
    articles: Sequence[Article],
    store: Store | None = None,
    options: BriefOptions | None = None,
    encoder: Encoder | None = None,
    rejections: Sequence[Rejection] = (),
    duplicates: Sequence[Duplicate] = (),
) -> Brief:
    """A brief of `articles`, one story brief per story they report."""
    options = options or BriefOptions()
    if store is not None:
        store.add_articles(articles)
    sources = [prepare(article, store) for article in articles]
    empty = [_no_text(source) for source in sources if not source.sentences]
    # One brief embeds many sentences in several stages: each is encoded once.
    encoder = RememberingEncoder(encoder or default_encoder())
    analysed = analyse([source for source in sources if source.sentences], encoder)
    stories = cluster(analysed)
    briefs = [_story_brief(story, options, encoder) for story in stories]
    return Brief(
        stories=tuple(sorted(briefs, key=_story_order)),
        rejections=(*rejections, *empty),
        duplicates=tuple(duplicates),
    )


@dataclass(frozen=True)
class IngestReport:
    added: int  # articles new to the store
    already_stored: int
    assignments: tuple[tuple[str, str], ...]  # (article id, story id) in arrival order
    new_stories: int
    rejections: tuple[Rejection, ...]
    duplicates: tuple[Duplicate, ...]


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
    sources = [prepare(article, store) for article in store.unclustered_articles()]
    empty = tuple(_no_text(source) for source in sources if not source.sentences)
    sources = [source for source in sources if source.sentences]
    clusterer = store.clusterer(STORY_SIMILARITY)
    known = set(clusterer.stories)
    assignments = []
    for position in arrival_order(sources):
        source = sources[position]
        story_id = clusterer.assign(source.id, source_terms(source), source.article.published)
        assignments.append((source.id, story_id))
    store.save_clustering(clusterer, assignments)
    changed = sorted({story_id for _, story_id in assignments})
    store.set_origins({story_id: _origins(store, story_id, encoder) for story_id in changed})
    return IngestReport(
        added=len(added.added),
        already_stored=len(added.already_stored),
        assignments=tuple(assignments),
        new_stories=len(set(changed) - known),
        rejections=(*ingested.rejections, *empty),
        duplicates=ingested.duplicates,
    )


def _origins(store: Store, story_id: str, encoder: Encoder | None) -> int:
    sources = [prepare(article, store) for article in store.story_articles(story_id)]
    analysed = analyse(sources, encoder or default_encoder())
    return len({source.origin for source in analysed})


def brief_story(
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
    sources = analyse([prepare(article, store) for article in articles], encoder)
    brief = _story_brief(Story(id=story_id, sources=sources), options or BriefOptions(), encoder)
    return Brief(stories=(brief,))


def _no_text(source: Source) -> Rejection:
    return Rejection(source.article.path, "no article text left once page furniture is removed")


def _story_brief(story: Story, options: BriefOptions, encoder: Encoder) -> StoryBrief:
    """Extract, crosscheck and summarize one story: who said what, its figures, timeline
    and entities, its facts and conflicts, and key points resting on the checked facts."""
    found = extract_story(story)
    checked = crosscheck(story, found, encoder)
    brief = summarize(story, options.max_points, encoder, checked, options.max_words)
    return replace(
        brief,
        quotes=found.quotes,
        figures=found.figures,
        timeline=found.timeline,
        entities=found.entities,
        facts=checked.facts,
        conflicts=checked.conflicts,
    )


def _story_order(brief: StoryBrief) -> tuple[int, str]:
    """Most-reported stories first; ties in a fixed order."""
    return (-len(brief.sources), brief.story_id)
