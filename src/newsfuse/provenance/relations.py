"""How one source derives from another, and which source a family of them started from.

For a source and a candidate origin that share text, their sentences are compared in order:
the same text both ways is a copy (a syndicated copy when the furniture around it differs);
all of the copy's text inside the origin's, or all of the origin's inside the copy's, is
syndicated (trimmed or extended). Otherwise, most of the copy's sentences stating the
origin's in other words make a rewrite. Any of them is a translation when it shows the
damage of round-trip machine translation that its origin does not.

Sentences that give someone's words in quotation marks are left out of the count, on both
sides: reports quoting one statement, or one report quoting another's post or release
whole, share those words without one being a copy of the other (their own sentences tell).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfuse.models import Relation, Source
from newsfuse.provenance import minhash
from newsfuse.provenance.align import (
    AlignedPair,
    Meanings,
    SentenceTable,
    align,
    align_in_order,
)
from newsfuse.text.lexical import content_terms, words

SHINGLE_WORDS = 5
# This share of the sentences of both texts, in order, the same or edited in place: the
# same text; of one of them: the same text, trimmed or extended.
SAME_TEXT = 0.9
# A sentence edited in place is still the same text when both keep this share of each
# other's content terms (a figure changed, a "not" added); a spinner's swaps go further.
KEPT_SENTENCE = 0.8
# A sentence holding this share of another's content terms both ways states it, swapped
# words and all.
SPUN_SENTENCE = 0.6
# This share of a source's sentences state sentences of the other: a rewrite of it.
REWORDED = 0.5
# Sentences are compared only for pairs that share this share of content terms or reuse
# this share of text: independent reports of one event rarely reach either.
SHARED_TERMS = 0.3
REUSED_TEXT = 0.2


@dataclass
class Fingerprint:
    """What comparing a source needs, computed once."""

    source: Source
    shingles: minhash.Hashes
    furniture: frozenset[str]
    terms: minhash.Hashes
    garbled: bool = False
    repost_marks: int = 0  # flags a re-post carries: spun, garbled, an aggregator's marks
    _table: SentenceTable | None = field(default=None, repr=False)

    @property
    def table(self) -> SentenceTable:
        if self._table is None:
            self._table = SentenceTable(self.source)
        return self._table


def fingerprint(source: Source) -> Fingerprint:
    return Fingerprint(
        source=source,
        shingles=minhash.shingle_hashes(words(source.clean.text), SHINGLE_WORDS),
        furniture=_furniture(source),
        terms=minhash.shingle_hashes(sorted(set(content_terms(source.clean.text))), 1),
    )


def _furniture(source: Source) -> frozenset[str]:
    """The page around the text: what cleaning removed, other than the headline."""
    raw = source.article.raw_text
    return frozenset(
        " ".join(words(raw[r.start : r.end]))
        for r in source.clean.removals
        if not r.reason.startswith("headline")
    )


@dataclass(frozen=True)
class Derivation:
    """How a source derives from `against` (a source id), with their aligned sentences."""

    relation: Relation
    against: str
    pairs: tuple[AlignedPair, ...]


def derivation(
    origin: Fingerprint, copy: Fingerprint, meanings: Meanings | None
) -> Derivation | None:
    """How `copy` derives from `origin`, with its sentences aligned to the origin's; None
    when it does not."""
    translated = copy.garbled and not origin.garbled  # round-trip damage the origin lacks
    reused = max(
        minhash.estimated_containment(copy.shingles, origin.shingles),
        minhash.estimated_containment(origin.shingles, copy.shingles),
    )
    if reused >= REUSED_TEXT:
        in_order = _in_order(origin, copy)
        kept = sum(pair.probability >= KEPT_SENTENCE for pair in _own_words(in_order, origin, copy))
        whole_copy = kept > 0 and kept >= SAME_TEXT * copy.table.unquoted
        whole_origin = kept > 0 and kept >= SAME_TEXT * origin.table.unquoted
        if whole_copy and whole_origin:
            relation: Relation = "copy" if copy.furniture == origin.furniture else "syndicated"
            return Derivation(_or_translation(relation, translated), origin.source.id, in_order)
        if whole_copy or whole_origin:
            return Derivation(_or_translation("syndicated", translated), origin.source.id, in_order)
    elif minhash.jaccard(origin.terms, copy.terms) < SHARED_TERMS:
        return None
    pairs = _aligned(origin, copy, meanings)
    restated = len(_own_words(pairs, origin, copy))
    if restated < REWORDED * max(copy.table.unquoted, 1) or restated < 2:
        return None
    return Derivation(_or_translation("rewrite", translated), origin.source.id, pairs)


def _own_words(
    pairs: tuple[AlignedPair, ...], origin: Fingerprint, copy: Fingerprint
) -> list[AlignedPair]:
    """The aligned sentences neither of which quotes someone: what tells copying."""
    return [
        pair
        for pair in pairs
        if pair.origin.index not in origin.table.quoted and pair.copy.index not in copy.table.quoted
    ]


def _or_translation(relation: Relation, translated: bool) -> Relation:
    return "translation" if translated else relation


def _in_order(origin: Fingerprint, copy: Fingerprint) -> tuple[AlignedPair, ...]:
    return tuple(align_in_order(origin.table, copy.table))


def _aligned(
    origin: Fingerprint, copy: Fingerprint, meanings: Meanings | None
) -> tuple[AlignedPair, ...]:
    """The copy's sentences aligned with the origin's: by words first (a spinner keeps the
    names, figures and most nouns), by meaning only where words do not settle it."""
    by_words = tuple(align(origin.table, copy.table, None, lexical_share=SPUN_SENTENCE))
    restated = len(_own_words(by_words, origin, copy))
    if meanings is None or restated >= REWORDED * copy.table.unquoted:
        return by_words
    return tuple(align(origin.table, copy.table, meanings))


def origin_order(member: Fingerprint) -> tuple[str, int, int, str]:
    """Families start from their earliest member (by full publication date), else the one
    with the fewest marks of a re-post ("spun", "garbled", "aggregator re-post"), else the
    most complete."""
    published = member.source.article.published or ""
    return (
        published if len(published) >= 10 else "9999",
        member.repost_marks,
        -len(member.source.sentences),
        member.source.article.path,
    )


class Families:
    """Union-find over sources: derivations join their families."""

    def __init__(self, count: int) -> None:
        self._parent = list(range(count))

    def find(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def join(self, left: int, right: int) -> None:
        left, right = self.find(left), self.find(right)
        if left != right:
            self._parent[max(left, right)] = min(left, right)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())
