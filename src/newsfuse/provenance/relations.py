"""How one source derives from another, and which source a family of them started from.

For a source and a candidate origin: the same text both ways is a copy (a syndicated copy
when the furniture around it differs); the copy's text inside the origin's, or the origin's
inside the copy's, is syndicated (trimmed or extended); most of its sentences stating the
origin's in other words is a rewrite (a translation when round-trip damage shows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfuse.lexical import content_terms, words
from newsfuse.models import Source
from newsfuse.provenance import minhash
from newsfuse.provenance.align import AlignedPair, Meanings, SentenceTable, align

SHINGLE_WORDS = 5
# Both texts hold this share of each other's five-word shingles: the same text.
SAME_TEXT = 0.9
# One text holds this share of the other's: the same text, trimmed or extended.
CONTAINED = 0.8
# This share of a source's sentences state sentences of the other: a rewrite of it.
REWORDED = 0.5
# Reworded candidates must share this share of content terms before sentences are compared.
SHARED_TERMS = 0.3


@dataclass
class Fingerprint:
    """What comparing a source needs, computed once."""

    source: Source
    shingles: minhash.Hashes
    furniture: frozenset[str]
    terms: minhash.Hashes
    garbled: bool = False
    content_flags: int = 0
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

    relation: str
    against: str
    pairs: tuple[AlignedPair, ...]


def derivation(
    origin: Fingerprint, copy: Fingerprint, meanings: Meanings | None
) -> Derivation | None:
    """How `copy` derives from `origin`, with its sentences aligned to the origin's; None
    when it does not."""
    inside = minhash.containment(copy.shingles, origin.shingles)
    around = minhash.containment(origin.shingles, copy.shingles)
    if inside >= SAME_TEXT and around >= SAME_TEXT:
        relation = "copy" if copy.furniture == origin.furniture else "syndicated"
        return Derivation(relation, origin.source.id, _aligned(origin, copy, None))
    if max(inside, around) >= CONTAINED:
        return Derivation("syndicated", origin.source.id, _aligned(origin, copy, None))
    if meanings is None or minhash.jaccard(origin.terms, copy.terms) < SHARED_TERMS:
        return None
    pairs = _aligned(origin, copy, meanings)
    if len(pairs) < REWORDED * max(len(copy.source.sentences), 1) or len(pairs) < 2:
        return None
    relation = "translation" if copy.garbled else "rewrite"
    return Derivation(relation, origin.source.id, pairs)


def _aligned(
    origin: Fingerprint, copy: Fingerprint, meanings: Meanings | None
) -> tuple[AlignedPair, ...]:
    return tuple(align(origin.table, copy.table, meanings))


def origin_order(member: Fingerprint) -> tuple[str, int, int, str]:
    """Families start from their earliest member (by full publication date), else the one
    least damaged (no "spun" or "garbled" flag), else the most complete."""
    published = member.source.article.published or ""
    return (
        published if len(published) >= 10 else "9999",
        member.content_flags,
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
