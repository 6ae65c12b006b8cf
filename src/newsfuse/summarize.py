"""Summarize: a story's key points, ranked from the facts the cross-check found.

The cross-check (the fact layer) alone decides which reports state the same fact; this
stage only ranks its facts and words the brief:

1. A fact can be a point when its wording is a complete sentence, not every version of it
   is one the other sources contradict, and, when one source alone states it, its sentence
   states nothing other sources state too (it would read as single-source).
2. Facts are scored by how central they are to the story, how many independent sources
   state them (however worded), and how early they come in their sources (news puts the
   news first), less the cost of a wording that reads badly alone.
3. The best are taken in turn, each fact's score lowered by how close in meaning it is to
   the points already chosen (maximal marginal relevance); a fact whose wording sentence a
   chosen point already shows, whose wording the fact layer's judge ties to a chosen
   point's fact more than to its own, or that means nearly what a chosen point says, is
   passed over.
4. The headline is the source title whose words and phrasing the other sources share most.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsfuse.crosscheck import (
    CheckedFact,
    CrossCheck,
    corroborated_sentences,
    is_point_candidate,
    shown_alone,
    wording_cost,
)
from newsfuse.defaults import MAX_POINTS
from newsfuse.models import Source, Story, StoryBrief, SummaryPoint
from newsfuse.text.embed import Matrix
from newsfuse.text.lexical import containment, content_terms, words
from newsfuse.text.quality import garble_signs

__all__ = ["is_point_candidate", "summarize"]

# Each further independent source stating a point adds this to its score (centrality is
# 0..1).
SUPPORT_BONUS = 0.45
# A point among the first sentences of a source gains up to this much (the first sentence
# all of it, the second half, ...): news puts the news first. Chosen on Multi-News clusters
# 1-100 (bench/summary.py), where position outweighs all else.
LEAD_BONUS = 1.5
# Each sign of garbled text, or of a sentence that leans on the one before, costs this much.
WORDING_COST = 0.2
# A fact means nearly what a chosen point says when some claim of it is this close in
# meaning to one of the point's, or their sentences are (cosine of all-MiniLM-L6-v2
# vectors, claims read in their sentences). Chosen on Multi-News clusters 1-100 from 0.6
# to 0.85 (bench/summary.py): lower passes over other facts of the story, higher repeats.
SAME_MEANING = 0.75
# A fact loses this much score for each unit of closeness in meaning to the nearest chosen
# point (maximal marginal relevance): a brief of eight points says eight things. Chosen on
# Multi-News clusters 1-100 from 0 to 2 (bench/summary.py): ROUGE-2 +0.25 there at 0.5,
# unchanged on clusters 101-200; from 0.75 on, other facts of the story are passed over.
REDUNDANCY = 0.5
# A fact is passed over when the fact layer's judge ties its wording's claim to a claim of
# a chosen point with at least this probability, and more than to its own fact's. Chosen
# on Multi-News clusters 1-100 (bench/summary.py) from 0.5 to 0.95: ROUGE-2 within 0.1 of
# never passing over, a little above it from 0.85 on both halves. A probability the judge
# gives rewordings of one statement ("troops would leave their border positions", "some
# units would start to pull back from the frontier").
SAID_ALREADY = 0.85
# A title from a distorted source costs more than any support can win back.
DISTORTED_TITLE_COST = 2.0
# Points are rarely shorter than this: a word budget asks for at most budget/this points.
_FEWEST_WORDS_PER_POINT = 12
# Claims of a fact compared with a chosen point's, for closeness of meaning.
_COMPARED_CLAIMS = 8


def summarize(
    story: Story,
    max_points: int = MAX_POINTS,
    checked: CrossCheck | None = None,
    max_words: int | None = None,
) -> StoryBrief:
    """The brief of `story`: its headline and up to `max_points` key points (with
    `max_words`, as many as fill that many words instead: the last may run over), each a
    fact of the cross-check citing every source that states it."""
    checked = checked or CrossCheck(facts=(), conflicts=())
    if max_words is not None:
        max_points = max(1, max_words // _FEWEST_WORDS_PER_POINT)
    chosen = _select(_ranked(checked.checked), checked, max_points, max_words)
    title, title_source = _headline(story.sources, chosen)
    return StoryBrief(
        story_id=story.id,
        title=title,
        title_source=title_source,
        sources=story.sources,
        summary=tuple(_point(fact) for fact in chosen),
    )


def score(fact: CheckedFact) -> float:
    return (
        fact.centrality
        + SUPPORT_BONUS * (fact.independent - 1)
        + LEAD_BONUS / (1 + fact.lead)
        - WORDING_COST * wording_cost(fact.wording.sentence_text)
    )


def _ranked(facts: Sequence[CheckedFact]) -> list[CheckedFact]:
    partly_corroborated = corroborated_sentences(facts)
    candidates = [fact for fact in facts if shown_alone(fact, partly_corroborated)]
    return sorted(
        candidates,
        key=lambda f: (-score(f), f.wording.position, f.wording.index, f.wording.part),
    )


def _select(
    ranked: list[CheckedFact], checked: CrossCheck, max_points: int, max_words: int | None
) -> list[CheckedFact]:
    """The points, best first: each time the fact of the best score less `REDUNDANCY` times
    its closeness in meaning to the points already chosen (maximal marginal relevance), a
    fact the chosen points already say (`SAME_MEANING`) or show never."""
    chosen: list[CheckedFact] = []
    shown: set[tuple[str, int]] = set()
    left = list(ranked)
    near = _Nearness(checked)
    said = _Said(ranked, checked)
    count = 0
    while left and len(chosen) < max_points and (max_words is None or count < max_words):
        best: tuple[float, int] | None = None
        for number, fact in enumerate(left):
            base = score(fact)
            if best is not None and base <= best[0]:
                break  # ranked by score: no later fact can do better, less or nothing
            sentence = (fact.wording.sentence.source, fact.wording.sentence.start)
            if sentence in shown or said.already(fact):
                continue
            closeness = near.to_chosen(fact, chosen)
            if closeness >= SAME_MEANING:
                continue
            value = base - REDUNDANCY * max(closeness, 0.0)
            if best is None or value > best[0]:
                best = (value, number)
        if best is None:
            break
        fact = left.pop(best[1])
        chosen.append(fact)
        said.choose(fact)
        shown.add((fact.wording.sentence.source, fact.wording.sentence.start))
        count += len(fact.wording.sentence_text.split())
    return chosen


class _Said:
    """Whether the claim wording a fact is, to the fact layer's judge, a statement of a
    chosen point's fact more than of its own: likelier (and at least `SAID_ALREADY`) to
    state one fact with a claim of a chosen point than with any claim of its own fact.
    Average linkage may keep such a claim apart from the point's fact (a few of that
    fact's claims are far from it), and a reader shown both reads one fact twice; a
    sentence that adds a fact to what a point says ("the board opened an inquiry into the
    failure that sent the ship into the bridge") is likelier still with its own fact's.
    Only the wording's judged partners are looked at, however many claims the facts hold."""

    def __init__(self, facts: list[CheckedFact], checked: CrossCheck) -> None:
        self._judged = checked.judged
        self._fact_of = {claim.key: id(fact) for fact in facts for claim in fact.claims}
        self._chosen: set[int] = set()

    def choose(self, fact: CheckedFact) -> None:
        self._chosen.add(id(fact))

    def already(self, fact: CheckedFact) -> bool:
        with_own = with_chosen = 0.0
        for partner, probability in self._judged.get(fact.wording.key, {}).items():
            owner = self._fact_of.get(partner)
            if owner == id(fact):
                with_own = max(with_own, probability)
            elif owner in self._chosen:
                with_chosen = max(with_chosen, probability)
        return with_chosen >= SAID_ALREADY and with_chosen > with_own


class _Nearness:
    """How near a fact means what the chosen points say: the highest cosine of their
    wordings' sentences or of their closest claims. Each fact's vectors are gathered once,
    and each fact is compared with a chosen point once, however often it is looked at."""

    def __init__(self, checked: CrossCheck) -> None:
        self._checked = checked
        self._vectors: dict[int, tuple[Matrix | None, Matrix | None]] = {}
        self._nearest: dict[int, tuple[int, float]] = {}  # fact -> (points compared, max)

    def to_chosen(self, fact: CheckedFact, chosen: list[CheckedFact]) -> float:
        compared, nearest = self._nearest.get(id(fact), (0, 0.0))
        for point in chosen[compared:]:
            nearest = max(nearest, self._closeness(fact, point))
        self._nearest[id(fact)] = (len(chosen), nearest)
        return nearest

    def _closeness(self, fact: CheckedFact, point: CheckedFact) -> float:
        (sentence, claims), (their_sentence, their_claims) = self._read(fact), self._read(point)
        pairs = []
        if sentence is not None and their_sentence is not None:
            pairs.append(float(sentence @ their_sentence))
        if claims is not None and their_claims is not None:
            pairs.append(float((claims @ their_claims.T).max()))
        return max(pairs, default=0.0)

    def _read(self, fact: CheckedFact) -> tuple[Matrix | None, Matrix | None]:
        if id(fact) not in self._vectors:
            meanings = self._checked.meanings
            rows = [meanings[c.key] for c in fact.claims[:_COMPARED_CLAIMS] if c.key in meanings]
            self._vectors[id(fact)] = (
                self._checked.contexts.get(fact.wording.key),
                np.stack(rows) if rows else None,
            )
        return self._vectors[id(fact)]


def _point(fact: CheckedFact) -> SummaryPoint:
    return SummaryPoint(
        text=fact.wording.sentence_text,
        citations=fact.citations(),
        independent=fact.independent,
    )


def _headline(sources: Sequence[Source], chosen: list[CheckedFact]) -> tuple[str, str | None]:
    """The source title whose words and phrasing the other sources share most: a title in
    words nobody else uses is likely reworded."""
    texts = [f"{source.article.title or ''}\n{source.clean.text}" for source in sources]
    terms = [frozenset(content_terms(text)) for text in texts]
    pairs = [frozenset(word_pairs(text)) for text in texts]
    sources_with_term = Counter(term for source_terms in terms for term in source_terms)
    sources_with_pair = Counter(pair for source_pairs in pairs for pair in source_pairs)
    best: tuple[float, int] | None = None
    for number, source in enumerate(sources):
        title = source.article.title or ""
        title_terms = set(content_terms(title))
        if not title_terms:
            continue
        # The mean share of the title's terms each other source holds, from how many
        # sources hold each term: linear in the sources, where comparing pairs is not.
        held = sum(sources_with_term[t] - (t in terms[number]) for t in title_terms)
        others = len(sources) - 1
        elsewhere = {p for p in word_pairs(title) if sources_with_pair[p] > (p in pairs[number])}
        value = (
            (held / (len(title_terms) * others) if others else 0.0)
            + containment(word_pairs(title), elsewhere)
            - WORDING_COST * len(garble_signs(title))
            - DISTORTED_TITLE_COST * source.distorted
        )
        if best is None or value > best[0]:
            best = (value, number)
    if best is None:
        return (chosen[0].wording.sentence_text if chosen else "Untitled story"), None
    source = sources[best[1]]
    return source.article.title or "", source.id


def word_pairs(text: str) -> list[tuple[str, str]]:
    """Adjacent word pairs of `text`: its phrasing."""
    text_words = words(text)
    return list(itertools.pairwise(text_words))
