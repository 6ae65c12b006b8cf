"""Which claims of different sources state the same thing, however reworded.

Candidates share half the content terms of one of the two (found through a term index,
never by comparing all pairs); the sentence matcher fitted on MRPC then judges each by
meaning and wording. Its figure feature is left out: two reports of one fact that give
different figures are what cross-checking looks for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsfuse.crosscheck.claims import Claim
from newsfuse.embed import Encoder
from newsfuse.lexical import TermIndex, containment
from newsfuse.provenance.matcher import SAME_CLAIM, features, same_claim_probability

# A candidate holds this share of a claim's content terms.
CANDIDATE_SHARE = 0.5
# Reworded reports of one fact that differ in one detail score about 0.75-0.95 in cosine.
SAME_FACT_COSINE = 0.75


@dataclass(frozen=True)
class ClaimPair:
    left: Claim
    right: Claim
    probability: float


def aligned_pairs(claims: Sequence[Claim], encoder: Encoder) -> list[ClaimPair]:
    """Pairs of claims of different sources that state the same thing, each pair once."""
    index = TermIndex()
    for claim in claims:
        index.add(claim.terms)
    candidates: set[tuple[int, int]] = set()
    for number, claim in enumerate(claims):
        for other in index.holders(claim.terms, CANDIDATE_SHARE):
            if claims[other].position != claim.position:
                candidates.add((min(number, other), max(number, other)))
    if not candidates:
        return []
    ordered = sorted(candidates)
    used = sorted({n for pair in ordered for n in pair})
    rows = {n: row for row, n in enumerate(used)}
    meanings = encoder.encode([claims[n].text for n in used])
    prepared = {n: features(claims[n].text) for n in used}
    pairs = []
    for left, right in ordered:
        cosine = float(meanings[rows[left]] @ meanings[rows[right]])
        mine, theirs = prepared[left], prepared[right]
        # Figures are compared by the cross-check, not held against the pair.
        probability = same_claim_probability(mine, replace(theirs, figures=mine.figures), cosine)
        if probability >= SAME_CLAIM or (
            cosine >= SAME_FACT_COSINE
            and min(
                containment(claims[left].terms, claims[right].terms),
                containment(claims[right].terms, claims[left].terms),
            )
            >= CANDIDATE_SHARE
        ):
            pairs.append(ClaimPair(claims[left], claims[right], probability))
    return pairs
