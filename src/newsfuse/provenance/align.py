"""Align the sentences of a copy with those of its origin.

Each sentence of the copy is paired with the origin sentence that states the same thing,
if any: found by shared rare words (a copy keeps most words of the sentence it copies) or,
where sentence embeddings are given, by meaning (a rewrite keeps few), and confirmed by the
sentence matcher.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from newsfuse.models import Sentence, Source
from newsfuse.text.embed import Encoder, Matrix
from newsfuse.text.lexical import QUOTATION, TermIndex, containment
from newsfuse.text.matcher import (
    SAME_CLAIM,
    SentenceFeatures,
    features,
    same_claim_probability,
)
from newsfuse.text.stretches import Stretches

# Lexical candidates hold at least this share of a copy sentence's content terms.
_LEXICAL_SHARE = 0.5
# Sentences this alike in both directions are a copy of each other without asking the model.
_VERBATIM_SHARE = 0.85
# A changed sentence in a copy stands for the origin's sentence in its place when they
# share this share of content terms.
_IN_PLACE_SHARE = 0.5
# Semantic candidates: the origin sentences nearest in meaning, this many per sentence.
_NEAREST = 3
# Sentences are embedded up to this many per source: enough to tell a rewrite.
MAX_EMBEDDED = 80
# A sentence with this share of its characters inside quotation marks gives someone's words.
QUOTED_SHARE = 0.5


@dataclass(frozen=True)
class AlignedPair:
    origin: Sentence
    copy: Sentence
    probability: float


class SentenceTable:
    """One source's sentences, prepared once for any number of alignments."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.sentences = source.sentences
        self.features: list[SentenceFeatures] = [features(s.text) for s in self.sentences]
        self.quoted = quoted_sentences(source)
        self.unquoted = len(self.sentences) - len(self.quoted)

    @cached_property
    def index(self) -> TermIndex:
        index = TermIndex()
        for item in self.features:
            index.add(item.terms)
        return index


def quoted_sentences(source: Source) -> frozenset[int]:
    """The numbers of a source's sentences that mostly give someone's words in quotation
    marks: two reports quoting one statement, or one quoting the other's post whole, have
    these in common without one copying the other."""
    quotes = Stretches(
        (match.start(), match.end(), None) for match in QUOTATION.finditer(source.clean.text)
    )
    found = set()
    for number, sentence in enumerate(source.sentences):
        inside = sum(
            min(end, sentence.end) - max(start, sentence.start)
            for start, end, _ in quotes.overlapping(sentence.start, sentence.end)
        )
        if inside >= QUOTED_SHARE * (sentence.end - sentence.start):
            found.add(number)
    return frozenset(found)


class Meanings:
    """Sentence embeddings by source, computed on first use."""

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder
        self._by_source: dict[str, Matrix] = {}

    def of(self, table: SentenceTable) -> Matrix:
        found = self._by_source.get(table.source.id)
        if found is None:
            texts = [sentence.text for sentence in table.sentences[:MAX_EMBEDDED]]
            found = self._encoder.encode(texts)
            self._by_source[table.source.id] = found
        return found


def kept_ends(origin: str, copy: str) -> float:
    """The share of the shorter sentence that both keep as their beginning and end: a copy
    that changes a long name in the middle ("a United States Congressional Research Service
    report" made "a Richmond High School report") keeps the rest of the sentence."""
    shorter = min(len(origin), len(copy))
    if not shorter:
        return 0.0
    start = _common_start(origin, copy)
    end = _common_start(origin[start:][::-1], copy[start:][::-1])
    return (start + end) / shorter


def _common_start(first: str, second: str) -> int:
    """How many characters two texts share at their beginning."""
    for number, (mine, theirs) in enumerate(zip(first, second, strict=False)):
        if mine != theirs:
            return number
    return min(len(first), len(second))


def align_in_order(origin: SentenceTable, copy: SentenceTable) -> list[AlignedPair]:
    """The sentences of a copy of the origin's text, paired in order: runs of the same
    sentences, and a changed sentence with the one it stands in place of (sentences that
    keep half their content terms, or half their text at both ends)."""
    before = [s.text for s in origin.sentences]
    after = [s.text for s in copy.sentences]
    pairs = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                mine, theirs = copy.features[j], origin.features[i]
                alike = min(
                    containment(mine.terms, theirs.terms), containment(theirs.terms, mine.terms)
                )
                if tag != "equal" and alike < _IN_PLACE_SHARE:
                    alike = max(alike, kept_ends(before[i], after[j]))
                if tag == "equal" or alike >= _IN_PLACE_SHARE:
                    pairs.append(
                        AlignedPair(
                            origin.sentences[i], copy.sentences[j], 1.0 if tag == "equal" else alike
                        )
                    )
    return pairs


def align(
    origin: SentenceTable,
    copy: SentenceTable,
    meanings: Meanings | None = None,
    lexical_share: float | None = None,
) -> list[AlignedPair]:
    """For each sentence of `copy`, the origin sentence stating the same, if there is one:
    by meaning when `meanings` are given, else by words (sentences holding `lexical_share`
    of each other's content terms; near-verbatim sentences when not given)."""
    share = _VERBATIM_SHARE if lexical_share is None else lexical_share
    cosines = meanings.of(copy) @ meanings.of(origin).T if meanings is not None else None
    pairs = []
    for number, sentence in enumerate(copy.sentences):
        mine = copy.features[number]
        row = cosines[number] if cosines is not None and number < len(cosines) else None
        candidates = set(origin.index.holders(mine.terms, _LEXICAL_SHARE)) if mine.terms else set()
        if row is not None:
            candidates.update(int(i) for i in np.argsort(-row, kind="stable")[:_NEAREST])
        best = _best(origin, mine, sorted(candidates), row, share)
        if best is not None:
            pairs.append(AlignedPair(origin.sentences[best[1]], sentence, best[0]))
    return pairs


def _best(
    origin: SentenceTable,
    mine: SentenceFeatures,
    candidates: list[int],
    row: Matrix | None,
    share: float,
) -> tuple[float, int] | None:
    best: tuple[float, int] | None = None
    for number in candidates:
        cosine = float(row[number]) if row is not None and number < len(row) else None
        probability = _probability(mine, origin.features[number], cosine, share)
        if probability >= SAME_CLAIM and (best is None or probability > best[0]):
            best = (probability, number)
    return best


def _probability(
    mine: SentenceFeatures, theirs: SentenceFeatures, cosine: float | None, share: float
) -> float:
    if cosine is not None:
        return same_claim_probability(mine, theirs, cosine)
    alike = min(containment(mine.terms, theirs.terms), containment(theirs.terms, mine.terms))
    return alike if alike >= share else 0.0
