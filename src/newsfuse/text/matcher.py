"""Do two sentences state the same thing? A logistic combination of meaning and wording.

Features: cosine of the sentence embeddings, Jaccard similarity of the words and of the
content terms, whether both give figures and share none, and the ratio of their lengths.
The weights were fitted on the first half of the MRPC test pairs (bench/matcher.py refits
them and reports the second half beside plain embedding cosine and word overlap).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsfuse.text.lexical import content_terms, figures, figures_allow_one_fact, jaccard, words

# Fitted by bench/matcher.py on MRPC test pairs 1-862 (logistic regression, 20,000 steps).
WEIGHTS = (3.6149, 1.9885, 2.7271, -0.7467, 4.3069)
BIAS = -7.7895
# Sentences are taken as stating the same thing from this probability on.
SAME_CLAIM = 0.5


@dataclass(frozen=True)
class SentenceFeatures:
    """What the matcher looks at in one sentence (computed once, compared many times)."""

    words: frozenset[str]
    terms: frozenset[str]
    figures: frozenset[str]
    length: int


def features(text: str) -> SentenceFeatures:
    text_words = words(text)
    return SentenceFeatures(
        words=frozenset(text_words),
        terms=frozenset(content_terms(text)),
        figures=figures(text),
        length=max(len(text_words), 1),
    )


def pair_features(
    left: SentenceFeatures, right: SentenceFeatures, cosine: float
) -> tuple[float, ...]:
    figures_differ = not figures_allow_one_fact(left.figures, right.figures)
    return (
        cosine,
        jaccard(left.words, right.words),
        jaccard(left.terms, right.terms),
        1.0 if figures_differ else 0.0,
        min(left.length, right.length) / max(left.length, right.length),
    )


def same_claim_probability(left: SentenceFeatures, right: SentenceFeatures, cosine: float) -> float:
    score = BIAS + sum(
        w * x for w, x in zip(WEIGHTS, pair_features(left, right, cosine), strict=True)
    )
    return 1.0 / (1.0 + math.exp(-score))
