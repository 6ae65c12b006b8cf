"""Cluster: group articles into stories as they arrive.

Articles are taken in publication order (dated ones by date, then undated ones in the order
given). Each is a TF-IDF vector of its title and text, with IDF counted over the articles
seen so far, so its vector is fixed once it has arrived. It joins the open story whose
centroid it is most alike, if at least `defaults.STORY_SIMILARITY`, or starts a story. Stories
never reshuffle: a later article only joins one or starts one, and a story's id is that of
the article that started it.

Cost per arrival is bounded: only stories sharing one of the article's heaviest terms are
compared, a dated article only with stories within `WINDOW_DAYS` of its date, and at most
`MAX_OPEN_STORIES` stories stay open (those no article joined for longest close first).

Names (capitalised words inside a sentence) count twice: two events of one kind, two
earthquakes or two rehab check-ins, share their vocabulary and differ in who and where.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date

from newsfuse.defaults import STORY_SIMILARITY
from newsfuse.models import ClusteringState, SavedStory, Source, Story, content_id
from newsfuse.text.lexical import STOP_WORDS, Vector, content_terms, cosine, normalized, stem

# Chosen on ECB+ topics 1-22 (bench/clustering.py).
# A title says what the story is about; its words count this many times.
TITLE_WEIGHT = 3
# A name inside a sentence counts this many times more than other words.
NAME_WEIGHT = 2
# An article is compared with the stories holding one of its this many heaviest terms.
_INDEX_TERMS = 40
# Of the stories sharing heavy terms with an article, the this many most alike on them are
# compared whole; a term held by more open stories than this is too common to tell by.
_COMPARED = 20
_COMMON_TERM_STORIES = 400
# A story's centroid keeps its this many heaviest terms, so a story of thousands of
# articles costs what one of a few dozen does.
CENTROID_TERMS = 300
# IDF is counted as if this many more documents had been seen, none holding the term: in a
# pile of a few reports, the words they share would otherwise weigh next to nothing.
BACKGROUND_DOCUMENTS = 20
WINDOW_DAYS = 14
MAX_OPEN_STORIES = 5000
STORY_ID_VERSION = "story/2"

# A capitalised word after a lower-case word or a comma is inside a sentence: a name.
_NAME = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][A-Za-z'’-]+")


def source_terms(source: Source) -> list[str]:
    """The terms an article is clustered by: title words, text words, and names again."""
    title = content_terms(source.article.title or "")
    text = source.clean.text
    names = [stem(name.lower()) for name in _NAME.findall(text) if name.lower() not in STOP_WORDS]
    return title * TITLE_WEIGHT + content_terms(text) + names * (NAME_WEIGHT - 1)


def publication_day(published: str | None) -> int | None:
    """The day an ISO 8601 date or datetime falls on, as an ordinal; None when it names no
    day ("2022" alone) or is not a date."""
    if published is None or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def arrival_order(sources: Sequence[Source]) -> list[int]:
    """Positions of `sources` in publication order: dated ones by date, then undated ones
    in the order given (an undated article's place among the dated is unknowable)."""
    days = [publication_day(source.article.published) for source in sources]
    return sorted(range(len(sources)), key=lambda i: (days[i] is None, days[i] or 0, i))


@dataclass
class OpenStory:
    """A story that articles may still join: the sum of its members' vectors (its
    heaviest terms), how many it has, when they were published and when one last joined."""

    id: str
    opened: int  # how many stories opened before it
    size: int = 0
    total: dict[str, float] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None
    touched: int = 0  # the arrival number of its latest article
    # The centroid as a unit vector, made when first compared after a change.
    _unit: Vector | None = field(default=None, repr=False, compare=False)

    def unit(self) -> Vector:
        if self._unit is None:
            self._unit = normalized(self.total)
        return self._unit

    def add(self, vector: Vector, day: int | None, arrival: int) -> None:
        self._unit = None
        for term, weight in vector.items():
            self.total[term] = self.total.get(term, 0.0) + weight
        if len(self.total) > CENTROID_TERMS:
            kept = sorted(self.total.items(), key=lambda item: (-item[1], item[0]))
            self.total = dict(kept[:CENTROID_TERMS])
        self.size += 1
        self.touched = arrival
        if day is not None:
            self.first_day = day if self.first_day is None else min(self.first_day, day)
            self.last_day = day if self.last_day is None else max(self.last_day, day)

    def heaviest(self) -> list[str]:
        return _heaviest(self.total)

    def saved(self) -> SavedStory:
        """The story as the store keeps it (a copy: the story goes on changing)."""
        kept = {part.name: getattr(self, part.name) for part in fields(SavedStory)}
        return SavedStory(**{**kept, "total": dict(self.total)})

    @classmethod
    def from_saved(cls, saved: SavedStory) -> OpenStory:
        """The story the store kept, open again (its own copy of the centroid)."""
        kept = {part.name: getattr(saved, part.name) for part in fields(SavedStory)}
        return cls(**{**kept, "total": dict(saved.total)})

    def takes(self, day: int | None) -> bool:
        """Whether an article of `day` falls within the story's window (an undated article
        or story fits any)."""
        if day is None or self.first_day is None or self.last_day is None:
            return True
        return self.first_day - WINDOW_DAYS <= day <= self.last_day + WINDOW_DAYS


class StoryClusterer:
    """Assigns arriving articles to stories. Its state (term counts and open stories) can
    be saved and given back, so a stream is clustered the same in one run or many.

    A dated article only joins a story within `WINDOW_DAYS` of its dates; at most
    `MAX_OPEN_STORIES` stay open, the ones an article joined longest ago closing first."""

    def __init__(
        self,
        threshold: float = STORY_SIMILARITY,
        documents: int = 0,
        frequencies: Counter[str] | None = None,
        stories: Iterable[OpenStory] = (),
        opened: int = 0,
    ) -> None:
        self.threshold = threshold
        self.documents = documents  # articles seen, each counted in `frequencies`
        self.frequencies: Counter[str] = frequencies if frequencies is not None else Counter()
        self.opened = opened  # stories opened so far, closed ones included
        # Open stories, the one an article joined longest ago first.
        self.stories: dict[str, OpenStory] = {}
        self._index: dict[str, set[str]] = defaultdict(set)
        self._indexed: dict[str, set[str]] = defaultdict(set)  # each story's terms in the index
        for story in sorted(stories, key=lambda s: (s.touched, s.opened)):
            self._keep(story)
            self.opened = max(self.opened, story.opened + 1)
        self.changed_terms: set[str] = set()  # terms whose counts changed since created
        self.closed: list[OpenStory] = []  # stories closed since created

    @classmethod
    def resumed(cls, state: ClusteringState, threshold: float = STORY_SIMILARITY) -> StoryClusterer:
        """A clusterer that goes on from a saved state as one that never stopped."""
        stories = [OpenStory.from_saved(saved) for saved in state.open_stories]
        return cls(threshold, state.documents, Counter(state.frequencies), stories, state.opened)

    def changes(self) -> ClusteringState:
        """What changed since it was made, to save: the counts of the terms it counted, its
        open stories and those it closed."""
        return ClusteringState(
            documents=self.documents,
            frequencies={term: self.frequencies[term] for term in sorted(self.changed_terms)},
            open_stories=tuple(story.saved() for story in self.stories.values()),
            closed_stories=tuple(story.saved() for story in self.closed),
            opened=self.opened,
        )

    def assign(self, article_id: str, terms: Sequence[str], published: str | None) -> str:
        """The id of the story the article joins or starts."""
        day = publication_day(published)
        vector = self._vector(terms)
        story = self._best_story(vector, day)
        if story is None:
            story = OpenStory(id=content_id(STORY_ID_VERSION, article_id), opened=self.opened)
            self.opened += 1
        story.add(vector, day, self.documents)
        self._keep(story)
        while len(self.stories) > MAX_OPEN_STORIES:
            self._close(next(iter(self.stories.values())))
        return story.id

    def _vector(self, terms: Sequence[str]) -> Vector:
        self.documents += 1
        distinct = set(terms)
        self.frequencies.update(distinct)
        self.changed_terms |= distinct
        weights = {
            term: (1.0 + math.log(count))
            * math.log((self.documents + BACKGROUND_DOCUMENTS) / (self.frequencies[term] + 0.5))
            for term, count in Counter(terms).items()
        }
        return normalized(weights)

    def _best_story(self, vector: Vector, day: int | None) -> OpenStory | None:
        best: tuple[float, int, OpenStory] | None = None
        for story in self._candidates(vector):
            if not story.takes(day):
                continue
            similarity = cosine(vector, story.unit())
            if similarity >= self.threshold and (
                best is None or (similarity, -story.opened) > (best[0], -best[1])
            ):
                best = (similarity, story.opened, story)
        return best[2] if best else None

    def _candidates(self, vector: Vector) -> list[OpenStory]:
        """The stories most alike on the article's heaviest terms, by a partial dot product
        over the index: only these are compared whole. Terms that hundreds of open stories
        hold say nothing of which story an article belongs to, and are passed over, so an
        arrival costs the same however many stories are open."""
        partial: dict[str, float] = {}
        for term in _heaviest(vector):
            holders = self._index.get(term, ())
            if len(holders) > _COMMON_TERM_STORIES:
                continue
            weight = vector[term]
            for story_id in holders:
                share = weight * self.stories[story_id].unit().get(term, 0.0)
                partial[story_id] = partial.get(story_id, 0.0) + share
        ranked = sorted(partial, key=lambda i: (-partial[i], self.stories[i].opened))
        return [self.stories[story_id] for story_id in ranked[:_COMPARED]]

    def _keep(self, story: OpenStory) -> None:
        self.stories.pop(story.id, None)  # re-inserted last: joined most recently
        self.stories[story.id] = story
        # The index holds exactly each story's heaviest terms, as a clusterer given the
        # saved state back builds it: one run or many choose among the same stories.
        heaviest = set(story.heaviest())
        for term in self._indexed[story.id] - heaviest:
            self._index[term].discard(story.id)
        for term in heaviest:
            self._index[term].add(story.id)
        self._indexed[story.id] = heaviest

    def _close(self, story: OpenStory) -> None:
        del self.stories[story.id]
        for term in self._indexed.pop(story.id):
            self._index[term].discard(story.id)
        self.closed.append(story)


def _heaviest(vector: Mapping[str, float]) -> list[str]:
    return [term for term, _ in sorted(vector.items(), key=lambda item: (-item[1], item[0]))][
        :_INDEX_TERMS
    ]


def cluster(sources: Sequence[Source], threshold: float = STORY_SIMILARITY) -> tuple[Story, ...]:
    """Stories of `sources`, as if they had arrived in publication order: a partition, each
    story's sources in input order, stories in order of their first source. Copies go where
    their origin goes: one member of each family (by provenance) is clustered, so forty
    reprints cost what one does."""
    families: dict[str, list[int]] = {}
    for number, source in enumerate(sources):
        families.setdefault(source.origin, []).append(number)
    leaders = [members[0] for members in families.values()]
    clusterer = StoryClusterer(threshold)
    members: dict[str, list[int]] = {}  # by story, in the order stories open
    for position in arrival_order([sources[i] for i in leaders]):
        leader = sources[leaders[position]]
        story_id = clusterer.assign(leader.id, source_terms(leader), leader.article.published)
        members.setdefault(story_id, []).extend(families[leader.origin])
    groups = sorted((sorted(numbers), story_id) for story_id, numbers in members.items())
    return tuple(
        Story(id=story_id, sources=tuple(sources[i] for i in numbers))
        for numbers, story_id in groups
    )
