"""Provenance: which sources are copies, rewrites or translations of others, which source
each family started from, what the copies changed, and what is wrong with each text.

`analyse` runs in time near-linear in the number of sources:

1. fingerprint each source: five-word shingles of its text and of its page, its content
   terms, and the flags its own text earns;
2. find candidate pairs by MinHash and locality-sensitive hashing, on shingles (copied
   text) and on content terms (reworded text); no pair is compared otherwise;
3. decide each candidate pair (`relations.derivation`): copy, syndicated, rewrite,
   translation, or not derived; rewrites are told by aligning sentences by meaning;
4. join derived pairs into families and pick each family's origin;
5. relate every member to its origin, list the facts it changed, and flag spinning
   against the origin.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.models import Change, Citation, Provenance, QualityFlag, Source
from newsfuse.provenance import minhash
from newsfuse.provenance.align import Meanings
from newsfuse.provenance.changes import fact_changes
from newsfuse.provenance.credits import credited_by, quoted_by
from newsfuse.provenance.flags import spun_against_origin, text_flags
from newsfuse.provenance.relations import (
    Derivation,
    Families,
    Fingerprint,
    derivation,
    fingerprint,
    origin_order,
)
from newsfuse.text.embed import Encoder

__all__ = ["analyse"]

# Copied text: pairs above about 0.31 Jaccard of five-word shingles (a copy trimmed to a
# third of its origin still meets it).
TEXT_BANDING = minhash.Banding(bands=32, rows=3)
# Reworded text: pairs above about 0.37 Jaccard of content terms (a spun copy keeps about
# half of its origin's content words).
TERM_BANDING = minhash.Banding(bands=20, rows=3)
# Marks of a re-post: a version of a text that carries them is not its origin.
_REPOST_MARKS = frozenset({"spun", "garbled", "aggregator re-post"})


def analyse(sources: Sequence[Source], encoder: Encoder | None = None) -> tuple[Source, ...]:
    """The sources with their provenance; `encoder` lets rewrites be found by meaning."""
    prints = [fingerprint(source) for source in sources]
    flags = [text_flags(source) for source in sources]
    for item, found in zip(prints, flags, strict=True):
        item.garbled = any(flag.flag == "garbled" for flag in found)
        item.repost_marks = sum(flag.flag in _REPOST_MARKS for flag in found)
    derive = _Derivations(prints, Meanings(encoder) if encoder is not None else None)
    families = Families(len(prints))
    for left, right in _candidates(prints):
        if families.find(left) != families.find(right) and _derived(prints, left, right, derive):
            families.join(left, right)
    provenance: dict[int, Provenance] = {}
    for members in families.groups():
        provenance.update(_family(prints, flags, members, derive))
    return tuple(
        Source(s.article, s.clean, s.sentences, provenance[n]) for n, s in enumerate(sources)
    )


def _candidates(prints: list[Fingerprint]) -> list[tuple[int, int]]:
    text = [minhash.signature(p.shingles, TEXT_BANDING.permutations) for p in prints]
    terms = [minhash.signature(p.terms, TERM_BANDING.permutations) for p in prints]
    pairs = minhash.candidate_pairs(text, TEXT_BANDING) | minhash.candidate_pairs(
        terms, TERM_BANDING
    )
    return sorted(pairs)


class _Derivations:
    """How sources derive from one another, each pair worked out once."""

    def __init__(self, prints: list[Fingerprint], meanings: Meanings | None) -> None:
        self._prints = prints
        self._meanings = meanings
        self._known: dict[tuple[int, int], Derivation | None] = {}

    def __call__(self, origin: int, copy: int) -> Derivation | None:
        key = (origin, copy)
        if key not in self._known:
            self._known[key] = derivation(self._prints[origin], self._prints[copy], self._meanings)
        return self._known[key]


def _derived(prints: list[Fingerprint], left: int, right: int, derive: _Derivations) -> bool:
    """Whether one of the pair derives from the other. Tried once, the shorter text as the
    copy: a text copy is judged both ways at once, and a rewrite rarely outgrows its origin."""
    longer, shorter = sorted((left, right), key=lambda n: (-len(prints[n].source.sentences), n))
    return derive(longer, shorter) is not None


def _family(
    prints: list[Fingerprint],
    flags: list[list[QualityFlag]],
    members: list[int],
    derive: _Derivations,
) -> dict[int, Provenance]:
    origin = _origin(prints, members)
    origin_id = prints[origin].source.id
    result = {origin: Provenance("original", origin_id, tuple(flags[origin]))}
    for member in members:
        if member == origin:
            continue
        derived = derive(origin, member) or _nearest(prints, member, members, derive)
        result[member] = _related(
            prints[origin].source, prints[member].source, derived, flags[member]
        )
    return result


def _origin(prints: list[Fingerprint], members: list[int]) -> int:
    """The member the others derive from: the one the most others credit by its outlet's
    name ("told CNN") or quote from its start, else the first by `origin_order`."""
    credited = credited_by(
        [prints[n].source.article for n in members], [prints[n].source.clean.text for n in members]
    )
    quoted = quoted_by([[s.text for s in prints[n].source.sentences] for n in members])
    credited = [mine | theirs for mine, theirs in zip(credited, quoted, strict=True)]
    ranked = min(
        range(len(members)), key=lambda i: (-len(credited[i]), origin_order(prints[members[i]]))
    )
    return members[ranked]


def _nearest(
    prints: list[Fingerprint], member: int, members: list[int], derive: _Derivations
) -> Derivation:
    """How a member relates to the member it was joined by, when it does not derive from
    the origin directly (a copy of a copy, or the fuller text a trimmed copy came from)."""
    for other in members:
        if other == member:
            continue
        if found := derive(other, member):
            return found
        if found := derive(member, other):
            return Derivation(found.relation, prints[other].source.id, ())
    raise AssertionError("a family member derives from no other member")


def _related(
    origin: Source, member: Source, derived: Derivation, own: list[QualityFlag]
) -> Provenance:
    changes = tuple(
        Change(
            kind=change.kind,
            origin=Citation(derived.against, pair.origin.start, pair.origin.end),
            copy=Citation(member.id, pair.copy.start, pair.copy.end),
            detail=change.detail,
        )
        for pair in derived.pairs
        for change in fact_changes(pair.origin.text, pair.copy.text)
    )
    flags = list(own)
    spun = (
        spun_against_origin(member, list(derived.pairs)) if derived.relation == "rewrite" else None
    )
    if spun is not None:
        flags = [spun, *(flag for flag in flags if flag.flag != "spun")]
    return Provenance(derived.relation, origin.id, tuple(flags), changes)
