"""The meanings of a story's claims, each embedded once; copies' claims borrow their origin's.

A copy of a report (a wire story reprinted, a syndicated or re-posted page, a rewrite)
restates its origin's claims, mostly word for word. Such a claim is found by its words
among the origin's claims near the same place (copies keep their origin's order) and takes
that claim's embedding: a story reprinted forty times is embedded about once. What is left
(the origins' claims, and copies' claims reworded past recognition) is embedded, each text
once, and a copy's claim is then taken as restating the origin's claim nearest in meaning
when they are close enough.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfuse.crosscheck.claims import Claim
from newsfuse.crosscheck.judge import story_topic
from newsfuse.crosscheck.statements import MIN_TERMS
from newsfuse.models import Story
from newsfuse.text.embed import (
    Encoder,
    Matrix,
    Part,
    encode_parts,
    part_pieces,
    pool_parts,
    read_states,
)
from newsfuse.text.lexical import containment, content_terms, is_denial, jaccard

# A copy's claim restates an origin's claim when they share this share of their terms...
SAME_WORDING = 0.8
# ...or when their meanings are this close, or when the shorter holds this share of the
# longer's terms at this closeness (the copy's sentence cut at another place).
RESTATED = 0.85
COPY_CUT_SHARE = 0.8
COPY_CUT_COSINE = 0.6
_COPY_CUT_TERMS = 4  # fewer terms are in too many sentences to tell
# An origin's claims looked at for a copy's claim: this many either side of the same place.
_WINDOW = 8
# What a word piece found in every claim of a story still weighs: it tells little, not nothing.
_COMMON_PIECE = 1e-3


@dataclass(frozen=True)
class ClaimPieces:
    """A claim's word pieces as the model read them in its sentence, for aligning two
    claims word by word (`judge.aligned`)."""

    states: Matrix  # a unit row for each piece
    weights: npt.NDArray[np.float32]  # how much each piece tells in its story: rarer, more


@dataclass(frozen=True)
class ClaimMeanings:
    claims: Matrix  # a unit row for each claim
    contexts: Matrix  # a unit row for each claim's sentence
    doings: Matrix  # a unit row for what each claim says its subject did (`Claim.doing`)
    restated: tuple[tuple[int, int], ...]  # (claim, claim) of a copy and its origin, i < j
    topic: Matrix  # what the story's claims share (each text counted once)
    # each claim's pieces; None from an encoder that gives no states of word pieces
    pieces: tuple[ClaimPieces, ...] | None = None


def likely_read(story: Story) -> list[str]:
    """The sentences `claim_meanings` will most likely read for the story, known before any
    claim is made: those long enough to state something, of sources that are not copies of
    another source of the story (a copy's claims mostly borrow their origin's meanings)."""
    present = {source.id for source in story.sources}
    return [
        sentence.text
        for source in story.sources
        if source.origin == source.id or source.origin not in present
        for sentence in source.sentences
        if len(content_terms(sentence.text)) >= MIN_TERMS
    ]


def claim_meanings(claims: Sequence[Claim], encoder: Encoder) -> ClaimMeanings:
    by_source = _by_source(claims)
    anchors = _anchors(claims)
    borrowed: dict[int, int] = {}  # a copy's claim -> the origin's claim it restates
    for source_id, numbers in by_source.items():
        anchor = anchors[claims[numbers[0]].origin]
        if anchor != source_id:
            borrowed.update(_restated_in_words(claims, numbers, by_source[anchor]))
    own = [n for n in range(len(claims)) if n not in borrowed]
    rows = {number: row for row, number in enumerate(own)}
    meanings, contexts, doings, pieces = _read_in_context([claims[n] for n in own], encoder)
    for source_id, numbers in by_source.items():
        anchor = anchors[claims[numbers[0]].origin]
        if anchor != source_id:
            unmatched = [n for n in numbers if n not in borrowed]
            borrowed.update(
                _restated_in_meaning(claims, unmatched, by_source[anchor], meanings, rows)
            )
    # A claim restated in words has its origin's rows; every other claim its own.
    every = [rows[n] if n in rows else rows[borrowed[n]] for n in range(len(claims))]
    return ClaimMeanings(
        claims=meanings[every],
        contexts=contexts[every],
        doings=doings[every],
        restated=tuple(sorted((min(a, b), max(a, b)) for a, b in borrowed.items())),
        topic=story_topic(meanings),
        pieces=None if pieces is None else tuple(pieces[row] for row in every),
    )


def _weighted(pieces: list[tuple[tuple[int, ...], Matrix]]) -> list[ClaimPieces]:
    """The claims' pieces, each weighed by how few of the story's claims hold it (its
    inverse document frequency): the names and words every claim of a story shares tell
    its facts apart less than those only some hold."""
    holding = Counter(piece for ids, _ in pieces for piece in set(ids))
    count = len(pieces)
    weight = {
        piece: math.log((count + 1) / (claims + 1)) + _COMMON_PIECE
        for piece, claims in holding.items()
    }
    return [
        ClaimPieces(states, np.array([weight[piece] for piece in ids], dtype=np.float32))
        for ids, states in pieces
    ]


def _read_in_context(
    claims: Sequence[Claim], encoder: Encoder
) -> tuple[Matrix, Matrix, Matrix, list[ClaimPieces] | None]:
    """Each claim's meaning, read where it stands in its sentence (with the subject it
    shares, if any), its sentence's, what it says its subject did (its words after the
    subject), and its word pieces: each sentence goes through the model once, the claims'
    vectors pooled from its states (a claim no longer found in its sentence is read
    alone)."""
    texts: dict[str, int] = {}
    parts, doings, contexts = [], [], []
    for claim in claims:
        offset = claim.citation.start - claim.sentence.start
        found = claim.sentence_text[offset : offset + len(claim.text)] == claim.text
        text = claim.sentence_text if found else claim.read_as
        number = texts.setdefault(text, len(texts))
        spans = [(offset, offset + len(claim.text))] if found else [(0, len(text))]
        doing = list(spans)
        if found and claim.doing is not None:
            doing = [(claim.doing[0] - claim.sentence.start, claim.doing[1] - claim.sentence.start)]
        if found and claim.shared_subject is not None:
            start, end = (o - claim.sentence.start for o in claim.shared_subject)
            spans.insert(0, (start, end))
        parts.append(Part(number, tuple(spans)))
        doings.append(Part(number, tuple(doing)))
        contexts.append(number)
    states = read_states(encoder, list(texts))
    if states is None:
        whole, pooled = encode_parts(encoder, list(texts), [*parts, *doings])
        return pooled[: len(parts)], whole[contexts], pooled[len(parts) :], None
    whole, pooled = pool_parts(list(texts), [*parts, *doings], states)
    pieces = _weighted(part_pieces(list(texts), parts, states))
    return pooled[: len(parts)], whole[contexts], pooled[len(parts) :], pieces


def _by_source(claims: Sequence[Claim]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for number, claim in enumerate(claims):
        found[claim.source.id].append(number)
    return found


def _anchors(claims: Sequence[Claim]) -> dict[str, str]:
    """For each origin, the source its copies are read against: the origin where it is in
    the story, else its first copy."""
    anchors: dict[str, str] = {}
    for claim in claims:
        if claim.origin not in anchors or claim.source.id == claim.origin:
            anchors[claim.origin] = claim.source.id
    return anchors


def _asserted(terms: frozenset[str]) -> frozenset[str]:
    """A claim's terms less its denials: a copy that adds "not" still restates its
    origin's claim in words, and the cross-check then tells the difference."""
    return frozenset(term for term in terms if not is_denial(term))


def _restated_in_words(
    claims: Sequence[Claim], copy: list[int], origin: list[int]
) -> dict[int, int]:
    """Claims of a copy with the origin's claim, near the same place, worded nearly alike."""
    asserted = {n: _asserted(claims[n].terms) for n in origin}
    found = {}
    for place, number in enumerate(copy):
        middle = round(place * len(origin) / max(len(copy), 1))
        window = origin[max(0, middle - _WINDOW) : middle + _WINDOW + 1]
        terms = _asserted(claims[number].terms)
        best = max(
            window, key=lambda other: (jaccard(terms, asserted[other]), -other), default=None
        )
        if best is not None and jaccard(terms, asserted[best]) >= SAME_WORDING:
            found[number] = best
    return found


def _restated_in_meaning(
    claims: Sequence[Claim],
    copy: list[int],
    origin: list[int],
    meanings: Matrix,
    rows: dict[int, int],
) -> dict[int, int]:
    """Claims of a copy with the origin's claim nearest in meaning, when close enough."""
    if not copy or not origin:
        return {}
    similarity = meanings[[rows[n] for n in copy]] @ meanings[[rows[n] for n in origin]].T
    found = {}
    for row, number in enumerate(copy):
        best = int(np.argmax(similarity[row]))
        cosine = float(similarity[row, best])
        if cosine >= RESTATED or cut_otherwise(claims[number], claims[origin[best]], cosine):
            found[number] = origin[best]
    return found


def cut_otherwise(left: Claim, right: Claim, cosine: float) -> bool:
    """Whether one claim is the other cut at another place (a copy's sentences split where
    its origin's are not): the shorter's terms nearly all in the longer's."""
    shorter, longer = sorted((left.terms, right.terms), key=len)
    return (
        cosine >= COPY_CUT_COSINE
        and len(shorter) >= _COPY_CUT_TERMS
        and containment(shorter, longer) >= COPY_CUT_SHARE
    )
