"""Do two claims state the same fact? A logistic judge over what the claims say.

Reports of one fact share its meaning more than its words, and the people and things it
is about more than either: "some units would begin returning to their bases" and "some
troops would be withdrawing from border positions" are one fact; "Cosme was charged with
five counts" and "Gonzalez was charged with five counts" are two. Features of a pair:

- meaning: the cosine of the claims' embeddings, and of the sentences they are in (a
  statement cut from its sentence may lose what it is about); and the cosine once the
  story's common topic is taken out of both (every claim of a story about a leopard is
  about a leopard: what is left tells its facts apart);
- alignment: how well their words match one for one as the model read them in their
  sentences, the words most of the story's claims hold weighing least (`aligned`): two
  claims about the same people doing different things are close in mean meaning, not
  word for word;
- wording: how many content terms they share (Jaccard), and how much of the shorter's
  terms the longer holds;
- who: whether each is about (has as subject) someone the other does not mention at all,
  and whether they share any of the story's names;
- what: whether they give a figure or a date in common ("$5,000", "7:30 p.m.");
- length: the ratio of their lengths in words.

A difference of figure, date, negation, role or status is not held against a pair: two
reports giving one fact different figures are what the conflict checks look for. The
weights are fitted by bench/judge.py on the tune half of the fact gold (bench/gold) and
checked on the other half, on MRPC and on claims of ECB+'s annotated events.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.crosscheck.checks.numbers import figure_range
from newsfuse.crosscheck.claims import Claim, ClaimFigure
from newsfuse.text.embed import Matrix

if TYPE_CHECKING:
    from newsfuse.crosscheck.meanings import ClaimPieces
from newsfuse.text.lexical import jaccard, words

# Fitted by bench/judge.py (logistic regression) on the gold's tune half.
WEIGHTS = (
    -7.6983, 0.4166, 2.6889, 2.6814, -5.4782, -0.9146, 1.6049, -0.4728, 8.4484, 2.1017, 12.1284
)  # fmt: skip
BIAS = -6.3712
# Claims are taken as stating one fact from this probability on.
SAME_FACT = 0.5
# How many claims a story needs to show its topic half as well as a large story does.
TOPIC_CLAIMS = 20
_AGE = re.compile(r"\byears?[- ]old\b", re.IGNORECASE)


@dataclass(frozen=True)
class PairFeatures:
    cosine: float
    context: float  # cosine of the sentences the claims are in
    shared_terms: float  # Jaccard of content terms
    contained_terms: float  # share of the shorter claim's terms the longer holds
    subject_apart: float  # 1 when one is about someone the other never mentions
    shared_names: float  # 1 when they name someone or something in common
    shared_details: float  # 1 when they give a figure or a date in common
    length_ratio: float
    centred: float  # cosine once the story's topic is taken out of both
    doing: float  # cosine of what each says its subject did (`Claim.doing`)
    aligned: float  # how well their words match one for one (`aligned`)

    def values(self) -> tuple[float, ...]:
        return (
            self.cosine,
            self.context,
            self.shared_terms,
            self.contained_terms,
            self.subject_apart,
            self.shared_names,
            self.shared_details,
            self.length_ratio,
            self.centred,
            self.doing,
            self.aligned,
        )


@dataclass(frozen=True)
class Closeness:
    """How close two claims read, as the model reads them (see `PairFeatures`)."""

    cosine: float
    context: float
    centred: float
    doing: float
    aligned: float


def pair_features(left: Claim, right: Claim, closeness: Closeness) -> PairFeatures:
    shared = len(left.terms & right.terms)
    shorter = min(len(left.terms), len(right.terms))
    left_words, right_words = len(words(left.text)), len(words(right.text))
    return PairFeatures(
        cosine=closeness.cosine,
        context=closeness.context,
        shared_terms=jaccard(left.terms, right.terms),
        contained_terms=shared / shorter if shorter else 0.0,
        subject_apart=1.0 if _about_someone_else(left, right) else 0.0,
        shared_names=1.0 if left.names & right.names else 0.0,
        shared_details=1.0 if shares_detail(left, right) else 0.0,
        length_ratio=min(left_words, right_words) / max(left_words, right_words, 1),
        centred=closeness.centred,
        doing=closeness.doing,
        aligned=closeness.aligned,
    )


def aligned(left: ClaimPieces, right: ClaimPieces) -> float:
    """How well two claims' words match one for one: each word piece of one matched with
    the piece of the other closest to it as the model read them, weighed by how much it
    tells in the story; the harmonic mean of the two ways (BERTScore's F1, Zhang et al.
    2020). A cosine of mean vectors is high for two claims about the same people doing
    different things; matching piece by piece asks that each word of one find its
    counterpart in the other."""
    if not len(left.states) or not len(right.states):
        return 0.0  # a claim read as no word piece (nothing of it in the model's reach)
    similarity = left.states @ right.states.T
    recall = float(similarity.max(axis=1) @ left.weights) / float(left.weights.sum())
    precision = float(similarity.max(axis=0) @ right.weights) / float(right.weights.sum())
    both = recall + precision
    return 2 * recall * precision / both if both > 0 else 0.0


def story_topic(meanings: Matrix) -> Matrix:
    """What every claim of a story shares: the mean of their embeddings, shrunk towards
    nothing by `TOPIC_CLAIMS` (a story of two sentences shows no topic apart from them)."""
    count = len(meanings)
    if not count:
        return np.zeros(meanings.shape[1], dtype=np.float32)
    return np.asarray(meanings.mean(axis=0) * (count / (count + TOPIC_CLAIMS)), np.float32)


def centred_cosine(left: Matrix, right: Matrix, topic: Matrix) -> float:
    """The cosine of two unit vectors once `topic` is taken out of both."""
    left_out, right_out = left - topic, right - topic
    norms = float(np.linalg.norm(left_out) * np.linalg.norm(right_out))
    return float(left_out @ right_out) / norms if norms > 1e-12 else 0.0


def _about_someone_else(left: Claim, right: Claim) -> bool:
    """Whether one claim's subject is a name the other does not mention (and the other has
    a named subject too): "Cosme was charged" against "Gonzalez was charged". Roles turned
    round ("Russia warned Ukraine", "Ukraine warned Russia") mention the same names."""
    if not left.subjects or not right.subjects:
        return False
    return not (left.subjects & right.names) and not (right.subjects & left.names)


def details(claim: Claim) -> set[object]:
    """What a claim gives that tells one fact from another: the values of its figures (of
    13 and above, or with a fraction: "two" and "three" are everywhere; the unit is not
    compared, as "$7,000" is read as "7,000" in some sentences; not ages, which tell who,
    not what happened: "the 18-year-old friend" is in every fact of him) and its dates."""
    figures = {f.figure.value for f in claim.figures if _telling(f)}
    return {*figures, *claim.dates}


def shares_detail(left: Claim, right: Claim) -> bool:
    """Whether two claims give a date in common, or figures that can be one figure as each
    is written (`figure_range`): "about $973,000" and "$972,814"; "2008" and "2009" are
    not (ranges that only touch do not meet)."""
    if details(left) & details(right):
        return True
    theirs = [figure_range(f) for f in right.figures if _telling(f)]
    return any(
        low < other_high and other_low < high
        for low, high in (figure_range(f) for f in left.figures if _telling(f))
        for other_low, other_high in theirs
    )


def _telling(figure: ClaimFigure) -> bool:
    """Whether a figure tells one fact from another (`details`)."""
    value = figure.figure.value
    return bool(value >= 13 or value % 1) and not _AGE.search(figure.figure.text)


def same_fact_probability(features: PairFeatures) -> float:
    score = BIAS + sum(w * x for w, x in zip(WEIGHTS, features.values(), strict=True))
    return 1.0 / (1.0 + math.exp(-score))
