"""Cluster: group sources into stories.

Each source is a TF-IDF vector of its title and cleaned text; stories are formed by
average-link agglomerative clustering, merging while two stories are on average at least
`STORY_SIMILARITY` alike. Only pairs that share one of their most distinctive terms are
compared, so the cost follows the number of related pairs rather than all pairs.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.lexical import (
    Vector,
    content_terms,
    cosine,
    document_frequencies,
    inverse_frequencies,
    tfidf,
)
from newsfuse.models import Source, Story, content_id

# Chosen on ECB+ topics 1-22 (event-level B³ F1 0.86 there; see bench/README.md).
STORY_SIMILARITY = 0.2
# A title says what the story is about; its words count this many times.
TITLE_WEIGHT = 3
# Sources are compared when they share one of each other's this many heaviest terms.
_INDEX_TERMS = 40


def source_terms(source: Source) -> list[str]:
    title = content_terms(source.article.title or "")
    return title * TITLE_WEIGHT + content_terms(source.clean.text)


def cluster(sources: Sequence[Source], threshold: float = STORY_SIMILARITY) -> tuple[Story, ...]:
    """Stories of `sources`: a partition, each story's sources in input order, stories in
    order of their first source. Copies go where their origin goes: one member of each
    family (by provenance) is clustered, so forty reprints cost what one does."""
    families: dict[str, list[int]] = {}
    for number, source in enumerate(sources):
        families.setdefault(source.origin, []).append(number)
    leaders = [members[0] for members in families.values()]
    terms = [source_terms(sources[i]) for i in leaders]
    idf = inverse_frequencies(document_frequencies(terms), len(terms))
    vectors = [tfidf(leader_terms, idf) for leader_terms in terms]
    groups = [
        sorted(i for leader in group for i in families[sources[leaders[leader]].origin])
        for group in average_link(vectors, threshold)
    ]
    return tuple(_story([sources[i] for i in members]) for members in sorted(groups))


def _story(sources: list[Source]) -> Story:
    """A story whose id is the same whatever order its sources came in."""
    return Story(id=content_id("story/1", *sorted(s.id for s in sources)), sources=tuple(sources))


@dataclass
class _Cluster:
    members: list[int]
    # Sum of pairwise similarities to each other live cluster, by that cluster's key.
    links: dict[int, float]


def average_link(vectors: Sequence[Vector], threshold: float) -> list[list[int]]:
    """Groups of vector indexes, merged by average link while the average is >= threshold."""
    clusters = {i: _Cluster([i], {}) for i in range(len(vectors))}
    for left, right, similarity in _similar_pairs(vectors):
        clusters[left].links[right] = similarity
        clusters[right].links[left] = similarity
    heap = [
        (-sim, left, right)
        for left, c in clusters.items()
        for right, sim in c.links.items()
        if left < right
    ]
    heapq.heapify(heap)
    while heap:
        negative, left, right = heapq.heappop(heap)
        if left not in clusters or right not in clusters:
            continue
        if _average(clusters, left, right) != -negative:
            continue  # stale entry: the pair changed since it was pushed
        if -negative < threshold:
            break
        _merge(clusters, left, right, heap)
    return sorted((sorted(c.members) for c in clusters.values()), key=lambda members: members[0])


def _average(clusters: dict[int, _Cluster], left: int, right: int) -> float:
    total = clusters[left].links.get(right, 0.0)
    return total / (len(clusters[left].members) * len(clusters[right].members))


def _merge(
    clusters: dict[int, _Cluster], left: int, right: int, heap: list[tuple[float, int, int]]
) -> None:
    absorbed = clusters.pop(right)
    kept = clusters[left]
    kept.members.extend(absorbed.members)
    kept.links.pop(right, None)
    for other, total in absorbed.links.items():
        if other == left:
            continue
        kept.links[other] = kept.links.get(other, 0.0) + total
        links = clusters[other].links
        links[left] = links.get(left, 0.0) + links.pop(right)
    for other in kept.links:
        heapq.heappush(heap, (-_average(clusters, left, other), min(left, other), max(left, other)))


def _similar_pairs(vectors: Sequence[Vector]) -> list[tuple[int, int, float]]:
    index: dict[str, list[int]] = defaultdict(list)
    for number, vector in enumerate(vectors):
        for term in sorted(vector, key=lambda t: (-vector[t], t))[:_INDEX_TERMS]:
            index[term].append(number)
    candidates = {
        (a, b)
        for members in index.values()
        for i, a in enumerate(members)
        for b in members[i + 1 :]
    }
    pairs = []
    for left, right in sorted(candidates):
        similarity = cosine(vectors[left], vectors[right])
        if similarity > 0.0:
            pairs.append((left, right, similarity))
    return pairs
