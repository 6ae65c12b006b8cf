"""Summarize: an extractive multi-source brief of one story.

1. Candidates are the complete sentences of every source (no headings or fragments).
2. Sentences of different sources that report the same thing are grouped: similar as
   TF-IDF vectors and sharing most of each other's content words. A group is one point
   that cites every member.
3. A group's wording comes from its cleanest member (fewest signs of garbling, not leaning
   on the sentence before), and only members that hold most of its content words are cited.
4. Groups are ranked by how early they come in their sources, how central they are to the
   story and how many independent sources state their fact; points that repeat a chosen
   point are skipped, and points that state a chosen point's fact in other words join it.
5. The headline is the source title whose words and phrasing the other sources share most.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.crosscheck import CrossCheck
from newsfuse.embed import Encoder, Matrix, default_encoder
from newsfuse.lexical import (
    TermIndex,
    Vector,
    centroid,
    containment,
    content_terms,
    cosine,
    document_frequencies,
    figures,
    figures_agree,
    hedged_figures,
    inverse_frequencies,
    quantities,
    tfidf,
    words,
)
from newsfuse.models import Citation, Sentence, Source, Story, StoryBrief, SummaryPoint
from newsfuse.provenance import is_distorted
from newsfuse.quality import garble_signs

MAX_POINTS = 8
# Sentences of two sources report the same thing when their vectors are this alike...
SAME_CONTENT = 0.45
# ...and each holds this share of the other's content terms. The cited span of a point
# then always holds at least this share of the point's words.
SHARED_TERMS = 0.5
# A candidate repeats a chosen point when their TF-IDF vectors are this alike...
REDUNDANT = 0.4
# ...or their meanings this close, however worded: cosine of all-MiniLM-L6-v2 embeddings,
# where rewordings of one fact score 0.6-0.9 and distinct facts of one story 0.15-0.55.
SAME_MEANING = 0.6
# Two sentences of one story giving the same quantity of the same thing ("at least six
# weeks") state one fact once their meanings are this close.
SAME_QUANTITY_MEANING = 0.4
# Groups whose sentences mean this nearly the same (and give the same figures) state one
# fact in other words: they become one point, citing both. Reworded reports of one fact
# score 0.75-0.9; different figures of one topic ("130,000" against "150,000") 0.6-0.7.
SAME_FACT = 0.75
# Groups are embedded this many at a time, the best-ranked first, until the brief is full;
# of each group, its representative and a few members (a wire story reprinted forty times
# is one group of forty).
_EMBEDDED_AT_ONCE = 8
# Points are rarely shorter than this: a word budget asks for at most budget/this points.
_FEWEST_WORDS_PER_POINT = 12
_EMBEDDED_PER_GROUP = 4
# Points need enough words to say something and few enough to read as one statement.
POINT_WORDS = range(6, 81)
# Each further source reporting a point adds this to its score (centrality is 0..1).
SUPPORT_BONUS = 0.12
# A point among the first sentences of a source gains up to this much (the first sentence
# all of it, the second half, ...): news puts the news first. Chosen on Multi-News clusters
# 1-100 (bench/summary.py), where position outweighs all else.
LEAD_BONUS = 1.5
# Each sign of garbled text, or of a sentence that leans on the one before, costs this much.
WORDING_COST = 0.2
# A title from a distorted source costs more than any support can win back.
DISTORTED_TITLE_COST = 2.0

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
# A sentence opening with a pronoun leans on the sentence before it ("He said ...").
_LEANING_START = re.compile(r"^(?:He|She|They|It|His|Her|Their|Its|This|These|Those)\b")


@dataclass(frozen=True)
class _Candidate:
    source: int  # position of the source in the story
    sentence: Sentence
    terms: frozenset[str]
    figures: frozenset[str]
    hedged: frozenset[str]  # figures it gives with a hedge ("more than 150,000")
    quantities: frozenset[tuple[str, str]]
    vector: Vector
    centrality: float
    wording_cost: int
    origin: str  # copies of one origin count once as support
    distorted: bool  # from a source flagged spun or garbled, or a rewrite of another
    disputed: bool  # its version of a fact is contradicted by the other sources
    support: int  # independent origins of the fact it states, however they word it
    fact: int | None  # the cross-checked fact it states, when other sources state it too


@dataclass(frozen=True)
class _Group:
    representative: _Candidate
    members: tuple[_Candidate, ...]  # the representative first

    @property
    def independent(self) -> int:
        own = len({member.origin for member in self.members})
        return max(own, *(member.support for member in self.members))

    def score(self) -> float:
        lead = min(member.sentence.index for member in self.members)
        return (
            self.representative.centrality
            + SUPPORT_BONUS * (self.independent - 1)
            + LEAD_BONUS / (1 + lead)
            - WORDING_COST * self.representative.wording_cost
        )


def summarize(
    story: Story,
    max_points: int = MAX_POINTS,
    encoder: Encoder | None = None,
    checked: CrossCheck | None = None,
    max_words: int | None = None,
) -> StoryBrief:
    """The brief of `story`: its headline and up to `max_points` cited key points (with
    `max_words`, as many points as fill that many words instead: the last may run over). With the
    story `checked`, points count the independent support of the facts they state, and no
    point takes its wording from a sentence the other sources contradict (a fact only such
    sentences state is left to the disputed points)."""
    meanings = _Meanings(encoder or default_encoder())
    checked = checked or CrossCheck(facts=(), conflicts=())
    candidates = _candidates(story.sources, checked)
    groups = [g for g in _group(candidates) if not g.representative.disputed]
    if max_words is not None:
        max_points = max(1, max_words // _FEWEST_WORDS_PER_POINT)
    chosen = _select(groups, max_points, meanings, max_words)
    points = tuple(_point(group, story.sources) for group in chosen)
    title, title_source = _headline(story.sources, chosen)
    return StoryBrief(
        story_id=story.id,
        title=title,
        title_source=title_source,
        sources=story.sources,
        summary=points,
    )


def _leans_on_context(text: str) -> int:
    return 1 if _LEANING_START.match(text) else 0


def is_point_candidate(text: str) -> bool:
    """A complete sentence of a reasonable length, not a heading or a broken-off piece."""
    return (
        len(words(text)) in POINT_WORDS
        and _SENTENCE_END.search(text) is not None
        and not text[0].islower()
        and not text.isupper()
    )


def _candidates(sources: Sequence[Source], checked: CrossCheck) -> list[_Candidate]:
    sentences = [
        (number, sentence)
        for number, source in enumerate(sources)
        for sentence in source.sentences
        if is_point_candidate(sentence.text)
    ]
    terms = [content_terms(sentence.text) for _, sentence in sentences]
    idf = inverse_frequencies(document_frequencies(terms), len(terms))
    vectors = [tfidf(sentence_terms, idf) for sentence_terms in terms]
    # Each source weighs the same in the story's centre, however long it is.
    by_source: dict[int, list[Vector]] = {}
    for (number, _), vector in zip(sentences, vectors, strict=True):
        by_source.setdefault(number, []).append(vector)
    center = centroid(centroid(source_vectors) for source_vectors in by_source.values())
    return [
        _Candidate(
            source=number,
            sentence=sentence,
            terms=frozenset(sentence_terms),
            figures=figures(sentence.text),
            hedged=hedged_figures(sentence.text),
            quantities=quantities(sentence.text),
            vector=vector,
            centrality=cosine(vector, center),
            wording_cost=len(garble_signs(sentence.text)) + _leans_on_context(sentence.text),
            origin=sources[number].origin,
            distorted=is_distorted(sources[number])
            or _key_of(sources, number, sentence) in checked.disputed,
            disputed=_key_of(sources, number, sentence) in checked.disputed,
            support=checked.support.get(_key_of(sources, number, sentence), 1),
            fact=checked.fact_of.get(_key_of(sources, number, sentence)),
        )
        for (number, sentence), sentence_terms, vector in zip(
            sentences, terms, vectors, strict=True
        )
    ]


def _key_of(sources: Sequence[Source], number: int, sentence: Sentence) -> tuple[str, int]:
    return (sources[number].id, sentence.start)


def _same_content(left: _Candidate, right: _Candidate) -> bool:
    return (
        figures_agree(left.figures, right.figures)
        and cosine(left.vector, right.vector) >= SAME_CONTENT
        and containment(left.terms, right.terms) >= SHARED_TERMS
        and containment(right.terms, left.terms) >= SHARED_TERMS
    )


def _group(candidates: list[_Candidate]) -> list[_Group]:
    """Groups of candidates that report the same thing, at most one member per source."""
    order = sorted(candidates, key=lambda c: (-c.centrality, c.source, c.sentence.index))
    index = TermIndex()
    for candidate in order:
        index.add(candidate.terms)
    assigned: set[tuple[int, int]] = set()
    groups: list[_Group] = []
    for seed in order:
        if _key(seed) in assigned:
            continue
        near = [order[n] for n in index.holders(seed.terms, SHARED_TERMS)]
        members = [seed, *_matches(seed, near, assigned)]
        group = _with_cleanest_wording(members)
        assigned.update(_key(member) for member in group.members)
        groups.append(group)
    return groups


def _matches(
    seed: _Candidate, near: list[_Candidate], assigned: set[tuple[int, int]]
) -> list[_Candidate]:
    """The best unassigned match of `seed` in each other source."""
    best: dict[int, tuple[float, _Candidate]] = {}
    for other in near:
        if other.source == seed.source or _key(other) in assigned:
            continue
        if _same_content(seed, other):
            similarity = cosine(seed.vector, other.vector)
            if other.source not in best or similarity > best[other.source][0]:
                best[other.source] = (similarity, other)
    return [best[source][1] for source in sorted(best)]


def _with_cleanest_wording(members: list[_Candidate]) -> _Group:
    # Wording never comes from a distorted copy when a member from elsewhere says the same,
    # nor from one that gives bare a figure another hedges ("150,000" for "more than 150,000").
    hedged = frozenset().union(*(member.hedged for member in members))
    representative = min(
        members,
        key=lambda m: (
            m.disputed,
            m.distorted,
            bool((m.figures - m.hedged) & hedged),
            m.wording_cost,
            -m.centrality,
            m.source,
        ),
    )
    cited = [
        member
        for member in members
        if member is representative
        or containment(representative.terms, member.terms) >= SHARED_TERMS
    ]
    cited.sort(key=lambda m: (m is not representative, m.source))
    return _Group(representative=representative, members=tuple(cited))


def _select(
    groups: list[_Group],
    max_points: int,
    meanings: _Meanings,
    max_words: int | None = None,
) -> list[_Group]:
    """The best-ranked groups that repeat no better-ranked one, at most `max_points`, and
    no more than fill `max_words`. Groups are embedded a batch at a time down the ranking,
    and the choice made again over what is embedded, until it fills the brief: a brief
    reads a few dozen sentences of a story, not all of them."""
    ranked = _rank(groups)
    chosen: list[_Group] = []
    for end in range(_EMBEDDED_AT_ONCE, len(ranked) + _EMBEDDED_AT_ONCE, _EMBEDDED_AT_ONCE):
        meanings.add(ranked[end - _EMBEDDED_AT_ONCE : end])
        merged = _rank(_merge_same_facts(ranked[:end], meanings))
        chosen, full = _choose(merged, meanings, max_points, max_words)
        if full:
            return _rank(_joined(chosen, ranked[end:]))
    return chosen


def _joined(chosen: list[_Group], rest: list[_Group]) -> list[_Group]:
    """The chosen points, each joined by the groups ranked below them that the cross-check
    found stating its fact in other words (and their support counted)."""
    joined = list(chosen)
    for group in rest:
        facts = _facts_of(group)
        for position, kept in enumerate(joined):
            if facts & _facts_of(kept) and _mergeable(group, kept):
                joined[position] = _with_cleanest_wording([*kept.members, *group.members])
                break
    return joined


def _choose(
    ranked: list[_Group], meanings: _Meanings, max_points: int, max_words: int | None
) -> tuple[list[_Group], bool]:
    """The best groups that repeat no better one, and whether they fill the brief."""
    chosen: list[_Group] = []
    words = 0
    for group in ranked:
        if _full(chosen, words, max_points, max_words):
            return chosen, True
        if not any(
            _repeats(group, earlier) or _same_meaning(group, earlier, meanings.of(group, earlier))
            for earlier in chosen
        ):
            chosen.append(group)
            words += len(group.representative.sentence.text.split())
    return chosen, _full(chosen, words, max_points, max_words)


def _full(chosen: list[_Group], words: int, max_points: int, max_words: int | None) -> bool:
    return len(chosen) == max_points or (max_words is not None and words >= max_words)


def _merge_same_facts(pool: list[_Group], meanings: _Meanings) -> list[_Group]:
    """Groups that state the same fact in other words, merged (best-ranked first)."""
    merged: list[_Group] = []
    for group in pool:
        for position, kept in enumerate(merged):
            if meanings.same_fact(group, kept):
                merged[position] = _with_cleanest_wording([*kept.members, *group.members])
                break
        else:
            merged.append(group)
    return merged


def _facts_of(group: _Group) -> set[int]:
    return {member.fact for member in group.members if member.fact is not None}


class _Meanings:
    """Sentence embeddings of the groups looked at so far (a few members of each)."""

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder
        self._rows: dict[tuple[int, int], Matrix] = {}

    def add(self, groups: list[_Group]) -> None:
        members = [
            member
            for group in groups
            for member in group.members[:_EMBEDDED_PER_GROUP]
            if _key(member) not in self._rows
        ]
        if members:
            vectors = self._encoder.encode([member.sentence.text for member in members])
            self._rows.update((_key(m), vectors[row]) for row, m in enumerate(members))

    def _matrix(self, group: _Group) -> Matrix:
        rows = [self._rows[_key(m)] for m in group.members if _key(m) in self._rows]
        return np.stack(rows)

    def of(self, group: _Group, other: _Group) -> float:
        """How close the two groups' wordings are in meaning (alike when the cross-check
        found them stating one fact)."""
        if _facts_of(group) & _facts_of(other):
            return 1.0
        return float(
            self._rows[_key(group.representative)] @ self._rows[_key(other.representative)]
        )

    def same_fact(self, group: _Group, other: _Group) -> bool:
        """Whether the cross-check aligned members of the two, or some member of one means
        nearly what some member of the other does; and they share a figure if both give
        any, and no source is in both."""
        if not _mergeable(group, other):
            return False
        if _facts_of(group) & _facts_of(other):
            return True
        return float((self._matrix(group) @ self._matrix(other).T).max()) >= SAME_FACT


def _same_meaning(group: _Group, earlier: _Group, similarity: float) -> bool:
    """Whether a point means what a chosen one says: close in meaning, or giving the same
    quantity of the same thing ("six weeks") with some closeness."""
    if similarity >= SAME_MEANING:
        return True
    shared = group.representative.quantities & earlier.representative.quantities
    return bool(shared) and similarity >= SAME_QUANTITY_MEANING


def _rank(groups: list[_Group]) -> list[_Group]:
    return sorted(
        groups,
        key=lambda g: (-g.score(), g.representative.source, g.representative.sentence.index),
    )


def _key(candidate: _Candidate) -> tuple[int, int]:
    return (candidate.source, candidate.sentence.index)


def _mergeable(group: _Group, other: _Group) -> bool:
    sources = {member.source for member in group.members}
    if sources & {member.source for member in other.members}:
        return False
    # "150,000 troops" and "130,000 troops" are two claims, however alike the sentences.
    return figures_agree(group.representative.figures, other.representative.figures)


def _repeats(group: _Group, earlier: _Group) -> bool:
    """Whether a few members of `group` (its wording and the best others) and of `earlier`
    are lexically alike: members of one group are alike, so a few stand for all."""
    return any(
        cosine(mine.vector, theirs.vector) >= REDUNDANT
        for mine in group.members[:_EMBEDDED_PER_GROUP]
        for theirs in earlier.members[:_EMBEDDED_PER_GROUP]
    )


def _point(group: _Group, sources: Sequence[Source]) -> SummaryPoint:
    citations = tuple(
        Citation(source=sources[m.source].id, start=m.sentence.start, end=m.sentence.end)
        for m in group.members
    )
    return SummaryPoint(
        text=group.representative.sentence.text,
        citations=citations,
        independent=group.independent,
    )


def _headline(sources: Sequence[Source], chosen: list[_Group]) -> tuple[str, str | None]:
    """The source title whose words and phrasing the other sources share most: a title in
    words nobody else uses is likely reworded."""
    texts = [f"{source.article.title or ''}\n{source.clean.text}" for source in sources]
    terms = [frozenset(content_terms(text)) for text in texts]
    pairs = [frozenset(word_pairs(text)) for text in texts]
    sources_with_pair = Counter(pair for source_pairs in pairs for pair in source_pairs)
    best: tuple[float, int] | None = None
    for number, source in enumerate(sources):
        title = source.article.title or ""
        title_terms = content_terms(title)
        if not title_terms:
            continue
        others = [other for i, other in enumerate(terms) if i != number]
        elsewhere = {p for p in word_pairs(title) if sources_with_pair[p] > (p in pairs[number])}
        score = (
            _mean(containment(title_terms, other) for other in others)
            + containment(word_pairs(title), elsewhere)
            - WORDING_COST * len(garble_signs(title))
            - DISTORTED_TITLE_COST * is_distorted(source)
        )
        if best is None or score > best[0]:
            best = (score, number)
    if best is None:
        return (chosen[0].representative.sentence.text if chosen else "Untitled story"), None
    source = sources[best[1]]
    return source.article.title or "", source.id


def word_pairs(text: str) -> list[tuple[str, str]]:
    """Adjacent word pairs of `text`: its phrasing."""
    text_words = words(text)
    return list(itertools.pairwise(text_words))


def _mean(values: Iterable[float]) -> float:
    collected = list(values)
    return sum(collected) / len(collected) if collected else 0.0
