"""Facts: the claims `grouping` joins as stating one thing, each with its independent support.

A fact counts the independent origins of its claims (copies of one origin count once;
claims the other sources contradict do not back it), and is worded by one rule: the
sentence of its cleanest claim (not disputed, not from a distorted source, not giving bare
a figure another claim hedges, a complete sentence, fewest signs of garbling or of leaning
on the sentence before), the earliest in its source first, then the most central.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from newsfuse.crosscheck.claims import Claim, ClaimKey
from newsfuse.models import Citation, Fact
from newsfuse.text.embed import Matrix
from newsfuse.text.lexical import (
    centroid,
    cosine,
    document_frequencies,
    figures,
    hedged_figures,
    inverse_frequencies,
    tfidf,
    words,
)
from newsfuse.text.quality import garble_signs

# A claim of a fact is an outlier, not to word it, when it is on average less close in
# meaning to the fact's other claims than this share of its most typical claim is.
TYPICAL_SHARE = 0.8
# Points need enough words to say something and few enough to read as one statement.
POINT_WORDS = range(6, 81)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
# A sentence opening with a pronoun leans on the sentence before it ("He said ...").
_LEANING_START = re.compile(r"^(?:He|She|They|It|His|Her|Their|Its|This|These|Those)\b")


@dataclass(frozen=True)
class CheckedFact:
    """A fact as the cross-check found it: every claim stating it, the claim whose sentence
    words it, and what ranking it needs."""

    claims: tuple[Claim, ...]  # the claims grouped as stating it
    wording: Claim
    wordings: tuple[Claim, ...]  # its claims, the best wording first
    backing: tuple[Claim, ...]  # its claims less those the other sources contradict
    independent: int
    centrality: float
    disputed: bool  # every claim of it is a version the others contradict
    also: tuple[Claim, ...] = ()  # claims of other facts that state it too
    # its claims that give only a figure an update replaced ("an estimated 130,000 troops"
    # where another report says "more than 150,000, up from previous estimates of 130,000")
    replaced: frozenset[ClaimKey] = frozenset()

    @property
    def outdated(self) -> bool:
        """Its wording gives a figure an update replaced (no claim of it words it better)."""
        return self.wording.key in self.replaced

    @property
    def stating(self) -> tuple[Claim, ...]:
        """Every claim stating it: its own, then those of other facts that state it too."""
        return self.claims + self.also

    @property
    def lead(self) -> int:
        """How early it comes in a source: the least sentence number of its claims, a title
        counting as the first sentence (an outlet's headline is its news), those of sources
        in their newsroom's order only when it has any (a rewrite's order is its origin's,
        a spinner's headline its own; a machine translation keeps its outlet's order)."""
        trusted = [claim for claim in self.claims if claim.in_order] or self.claims
        return min((max(claim.index, 0) for claim in trusted), default=99)

    def citations(self) -> tuple[Citation, ...]:
        """The sentence of its wording (where the words shown come from), then the span of
        each claim backing it: the statement itself, in every source that makes it (the
        wording's own claim first, when it is less than its whole sentence)."""
        backing = sorted(self.backing, key=lambda c: (c is not self.wording, c.key))
        spans = dict.fromkeys([self.wording.sentence, *(c.citation for c in backing)])
        return tuple(spans)

    def public(self) -> Fact:
        return Fact(
            text=self.wording.sentence_text,
            citations=self.citations(),
            sources=len({claim.source.id for claim in self.backing}),
            independent=self.independent,
            centrality=round(self.centrality, 6),
        )


def wording_cost(text: str) -> int:
    """Signs that a sentence reads badly alone: garbling, or leaning on the one before."""
    return len(garble_signs(text)) + (1 if _LEANING_START.match(text) else 0)


def is_point_candidate(text: str) -> bool:
    """A complete sentence of a reasonable length, not a heading or a broken-off piece."""
    return (
        len(words(text)) in POINT_WORDS
        and _SENTENCE_END.search(text) is not None
        and not text[0].islower()
        and not text.isupper()
    )


# Facts


def centralities(claims: Sequence[Claim]) -> list[float]:
    """How close each claim is to the story's centre (each source weighing the same)."""
    terms = [sorted(claim.terms) for claim in claims]
    idf = inverse_frequencies(document_frequencies(terms), max(len(terms), 1))
    vectors = [tfidf(claim_terms, idf) for claim_terms in terms]
    by_source: dict[int, list[dict[str, float]]] = defaultdict(list)
    for claim, vector in zip(claims, vectors, strict=True):
        by_source[claim.position].append(vector)
    center = centroid(centroid(vs) for vs in by_source.values())
    return [cosine(vector, center) for vector in vectors]


def checked_fact(
    claims: Sequence[Claim],
    centrality: dict[tuple[int, int, int], float],
    disputed: set[tuple[int, int, int]],
    outliers: frozenset[tuple[int, int, int]] = frozenset(),
    also: Sequence[Claim] = (),
    replaced: frozenset[ClaimKey] = frozenset(),
) -> CheckedFact:
    """The fact its claims state: its wording, what backs it and its support. `outliers`
    are claims less like the others than the rest are: never its wording when another
    claim can be; `also` are claims of other facts that state this one too (they back it,
    never word it); `replaced` are claims giving only a figure an update replaced: the last
    to word it."""
    stating = [*claims, *also]
    backing = [c for c in stating if c.key not in disputed] or stating
    # A figure some claim hedges ("more than 150,000") is not worded bare by another.
    hedged = frozenset().union(*(hedged_figures(c.sentence_text) for c in stating))
    wordings = sorted(
        _wording_candidates(claims, also),
        key=lambda c: (
            c.key in disputed,
            c.distorted,
            c.key in replaced,
            c.key in outliers,
            bool((figures(c.sentence_text) - hedged_figures(c.sentence_text)) & hedged),
            not is_point_candidate(c.sentence_text),
            wording_cost(c.sentence_text),
            c.index,  # the earliest in its source: news says the news first
            -centrality[c.key],
            c.position,
        ),
    )
    return CheckedFact(
        claims=tuple(claims),
        wording=wordings[0],
        wordings=tuple(wordings),
        backing=tuple(backing),
        independent=len({claim.origin for claim in backing}),
        centrality=max(centrality[c.key] for c in claims),
        disputed=all(c.key in disputed for c in claims if c.index >= 0),
        also=tuple(also),
        replaced=frozenset(c.key for c in stating if c.key in replaced),
    )


def _wording_candidates(claims: Sequence[Claim], also: Sequence[Claim]) -> list[Claim]:
    """The claims that may word a fact: its own claims of a source's text (its titles when
    it has none); when each of them is from a distorted source, the sentences of other
    facts that state it too from an undistorted one (a reader is shown an outlet's own
    words before a spinner's or a machine translation's, even from a sentence that says
    more)."""
    own = [c for c in claims if c.index >= 0] or list(claims)
    if all(c.distorted for c in own):
        own += [c for c in also if c.index >= 0 and not c.distorted]
    return own


def outlying_claims(claims: Sequence[Claim], meanings: Matrix) -> frozenset[tuple[int, int, int]]:
    """The claims of one fact (rows of `meanings`) whose mean closeness in meaning to the
    fact's claims of other origins is under `TYPICAL_SHARE` of the most typical claim's:
    a claim joined to a fact by one likely partner is not the one to word it."""
    if len(claims) < 3:
        return frozenset()
    # The mean of a claim's dot products with others is its dot product with their sum
    # over their count: linear in the claims, where a matrix of all pairs is not.
    total = meanings.sum(axis=0, dtype=np.float64)
    rows_of: dict[str, list[int]] = defaultdict(list)
    for row, claim in enumerate(claims):
        rows_of[claim.origin].append(row)
    typicality = [0.0] * len(claims)
    for rows in rows_of.values():
        others = len(claims) - len(rows)
        if not others:
            continue
        elsewhere = total - meanings[rows].sum(axis=0, dtype=np.float64)
        for row, value in zip(rows, meanings[rows] @ elsewhere, strict=True):
            typicality[row] = float(value) / others
    most = max(typicality)
    return frozenset(
        claim.key
        for claim, value in zip(claims, typicality, strict=True)
        if value < TYPICAL_SHARE * most
    )


def corroborated_sentences(facts: Iterable[CheckedFact]) -> frozenset[Citation]:
    """The sentences holding a claim of a fact two or more origins state. Such a sentence
    never words a single-source fact: shown whole, it would tell the reader that what the
    other reports also state is one outlet's alone."""
    return frozenset(
        claim.sentence for fact in facts if fact.independent >= 2 for claim in fact.stating
    )


def shown_alone(fact: CheckedFact, partly_corroborated: frozenset[Citation]) -> bool:
    """Whether a fact's wording can stand alone as a key point or a single-source line: a
    complete sentence of a source's text, not every version of it disputed, not giving a
    figure an update replaced, and, when one origin alone states it, no sentence of
    `corroborated_sentences`."""
    return (
        not fact.disputed
        and not fact.outdated
        and fact.wording.index >= 0
        and is_point_candidate(fact.wording.sentence_text)
        and (fact.independent >= 2 or fact.wording.sentence not in partly_corroborated)
    )


def with_distinct_wordings(facts: Sequence[CheckedFact]) -> list[CheckedFact]:
    """The facts, the better supported first, each worded by a sentence no better fact is
    worded by (a sentence may state two facts; a brief shows it once a fact)."""
    order = sorted(
        range(len(facts)), key=lambda n: (-facts[n].independent, -facts[n].centrality, n)
    )
    used: set[Citation] = set()
    found: dict[int, CheckedFact] = {}
    for number in order:
        fact = facts[number]
        # Another wording only as clean as the best: never a distorted or disputed one.
        alike = [
            c
            for c in fact.wordings
            if c.distorted == fact.wording.distorted and (c.key in fact.replaced) == fact.outdated
        ]
        wording = next((c for c in alike if c.sentence not in used), fact.wording)
        used.add(wording.sentence)
        found[number] = replace(fact, wording=wording)
    return [found[number] for number in range(len(facts))]
