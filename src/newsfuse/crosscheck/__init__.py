"""Crosscheck: facts with their independent support, and where the sources disagree.

1. Every sentence (and title) of every source is a claim (`claims`).
2. Claims of different sources that state the same fact are paired, however worded
   (`align`); paired claims form facts, and each fact counts the independent origins
   behind it: copies of one origin count once.
3. Each pair is compared kind by kind (`compare`): figures, negation, roles, dates and
   status; quotes are compared for speaker and wording (`quotes`).
4. Differences of one kind over one fact are one conflict with two sides, each citing
   every source that takes it. A difference in figures is an update, not a contradiction,
   when a report presents one as an earlier or later count, when different people give
   them, or when the reports are of different days; so is a change of status over days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsfuse.crosscheck.align import ClaimPair, aligned_pairs
from newsfuse.crosscheck.claims import Claim, ClaimFigure, source_claims
from newsfuse.crosscheck.compare import (
    Finding,
    figures_agree,
    findings,
    nominal_roles,
    role_words,
    same_thing,
)
from newsfuse.crosscheck.quotes import QuoteConflict, altered_quotes, speaker_conflicts
from newsfuse.embed import Encoder, default_encoder
from newsfuse.extract.story import StoryExtracts, own_date
from newsfuse.lexical import centroid, cosine, document_frequencies, inverse_frequencies, tfidf
from newsfuse.models import Citation, Conflict, ConflictSide, Fact, Source, Story
from newsfuse.provenance.relations import Families

__all__ = ["CrossCheck", "crosscheck"]

# Single-source claims listed, the most central first: the rest of each text is one
# outlet's own reporting by nature.
SINGLE_SOURCE_LISTED = 10
# Kinds of difference that reports of different days may show as the news moves on.
_MOVING = frozenset({"number", "status"})


@dataclass(frozen=True)
class CrossCheck:
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    # Sentences (source id, start) whose version of a fact the other sources contradict.
    disputed: frozenset[tuple[str, int]] = frozenset()
    # Independent origins behind the fact each sentence (source id, start) states.
    support: dict[tuple[str, int], int] = field(default_factory=dict)
    # The fact (a number) each sentence stating a fact of several sources states.
    fact_of: dict[tuple[str, int], int] = field(default_factory=dict)


def crosscheck(story: Story, extracts: StoryExtracts, encoder: Encoder | None = None) -> CrossCheck:
    claims = _claims(story, extracts)
    pairs = aligned_pairs(claims, encoder or default_encoder())
    families = _facts_of(claims, pairs)
    centrality = _centrality(claims)
    differences = [(pair, finding) for pair in pairs for finding in findings(pair.left, pair.right)]
    conflicts = _conflicts(differences, families, claims)
    conflicts += _turned_roles(claims, conflicts)
    conflicts += _told_updates(claims, conflicts)
    conflicts += _quote_conflicts(extracts, story.sources, conflicts)
    conflicts.sort(key=_conflict_order)
    disputed = _disputed(conflicts, story.sources)
    facts = _facts(claims, families, centrality, disputed)
    support = {
        _key_of(claim): len({c.origin for c in members})
        for members in families.values()
        for claim in members
        if claim.index >= 0
    }
    fact_of = {
        _key_of(claim): root
        for root, members in families.items()
        if len(members) > 1
        for claim in members
        if claim.index >= 0
    }
    return CrossCheck(
        facts=tuple(facts),
        conflicts=tuple(conflicts),
        disputed=frozenset(disputed),
        support=support,
        fact_of=fact_of,
    )


def _claims(story: Story, extracts: StoryExtracts) -> list[Claim]:
    positions = {source.id: number for number, source in enumerate(story.sources)}
    found: list[Claim] = []
    for item in sorted(extracts.per_source, key=lambda e: positions[e.source.id]):
        reference = own_date(item.source) or extracts.reference
        found += source_claims(positions[item.source.id], item, extracts.resolve, reference)
    return found


def _facts_of(claims: list[Claim], pairs: list[ClaimPair]) -> dict[int, list[Claim]]:
    """Claims joined through their pairs: each group states one fact."""
    number = {claim.key: n for n, claim in enumerate(claims)}
    families = Families(len(claims))
    for pair in pairs:
        families.join(number[pair.left.key], number[pair.right.key])
    groups: dict[int, list[Claim]] = defaultdict(list)
    for n, claim in enumerate(claims):
        groups[families.find(n)].append(claim)
    return dict(groups)


def _centrality(claims: list[Claim]) -> dict[tuple[int, int], float]:
    """How close each claim is to the story's centre (each source weighing the same)."""
    terms = [sorted(claim.terms) for claim in claims]
    idf = inverse_frequencies(document_frequencies(terms), max(len(terms), 1))
    vectors = [tfidf(claim_terms, idf) for claim_terms in terms]
    by_source: dict[int, list[dict[str, float]]] = defaultdict(list)
    for claim, vector in zip(claims, vectors, strict=True):
        by_source[claim.position].append(vector)
    center = centroid(centroid(vs) for vs in by_source.values())
    return {
        claim.key: cosine(vector, center) for claim, vector in zip(claims, vectors, strict=True)
    }


# Conflicts from pairs of claims


@dataclass
class _Dispute:
    kind: str
    sides: dict[str, list[Claim]] = field(default_factory=dict)
    givers: dict[str, list[str]] = field(default_factory=dict)
    updates: list[str] = field(default_factory=list)


def _conflicts(
    differences: list[tuple[ClaimPair, Finding]],
    families: dict[int, list[Claim]],
    claims: list[Claim],
) -> list[Conflict]:
    fact_of = {claim.key: root for root, members in families.items() for claim in members}
    disputes: dict[tuple[int, str, frozenset[str]], _Dispute] = {}
    for pair, finding in differences:
        key = (fact_of[pair.left.key], finding.kind, frozenset({finding.left, finding.right}))
        dispute = disputes.setdefault(key, _Dispute(finding.kind))
        for claim, says, giver in (
            (pair.left, finding.left, finding.left_by),
            (pair.right, finding.right, finding.right_by),
        ):
            members = dispute.sides.setdefault(says, [])
            if claim not in members:
                members.append(claim)
            if giver:
                dispute.givers.setdefault(says, []).append(giver)
        reason = _update_reason(pair, finding, claims)
        if reason:
            dispute.updates.append(reason)
    return [_conflict(dispute) for dispute in disputes.values() if len(dispute.sides) == 2]


def _update_reason(pair: ClaimPair, finding: Finding, claims: list[Claim]) -> str | None:
    """Why a difference is an update over time or by who gives it, if it is one."""
    if finding.kind == "number":
        if pair.left.updates or pair.right.updates:
            return "a report gives the figure as an earlier or later count"
        if finding.left_by and finding.right_by and finding.left_by != finding.right_by:
            return f"different people give the figures ({finding.left_by}; {finding.right_by})"
        if finding.figures is not None and _stated_together(finding, claims):
            return _TOLD
    if finding.kind in _MOVING:
        days = {_day(pair.left.source), _day(pair.right.source)}
        if None not in days and len(days) == 2:
            return "the reports are of different days: " + ", ".join(sorted(map(str, days)))
    return None


def _stated_together(finding: Finding, claims: list[Claim]) -> bool:
    """Whether some claim gives both figures and presents one as an update."""
    assert finding.figures is not None
    mine, theirs = finding.figures
    return any(
        claim.updates
        and any(figures_agree(mine, f) for f in claim.figures)
        and any(figures_agree(theirs, f) for f in claim.figures)
        for claim in claims
    )


def _day(source: Source) -> str | None:
    day = own_date(source)
    return day.isoformat() if day else None


def _conflict(dispute: _Dispute) -> Conflict:
    sides = [
        _side(says, claims, dispute.givers.get(says, [])) for says, claims in dispute.sides.items()
    ]
    sides.sort(key=lambda side: (-side.independent, side.citations[0].source))
    first, second = sides
    copies = _altered_copy(dispute.sides[second.says], dispute.sides[first.says])
    return Conflict(
        kind=dispute.kind,
        detail=_quoted_as(first.says, second.says)
        if dispute.kind == "quote"
        else f"{first.says} against {second.says}",
        sides=(first, second),
        update=dispute.updates[0] if dispute.updates else None,
        altered_copy=copies,
    )


def _side(says: str, claims: list[Claim], givers: list[str]) -> ConflictSide:
    ordered = sorted(claims, key=lambda c: (c.distorted, c.index < 0, c.position, c.index))
    return ConflictSide(
        says=says,
        text=ordered[0].text,
        citations=tuple(claim.citation for claim in ordered),
        independent=len({claim.origin for claim in claims}),
        given_by=tuple(dict.fromkeys(givers)),
    )


def _altered_copy(changed: list[Claim], kept: list[Claim]) -> bool:
    """Whether every claim of one side is a copy changing what its origin, on the other
    side, says."""
    origins = {claim.source.id for claim in kept}
    return all(
        claim.source.provenance is not None
        and claim.source.provenance.relation != "original"
        and claim.origin in origins
        for claim in changed
    )


def _turned_roles(claims: list[Claim], found: list[Conflict]) -> list[Conflict]:
    """Nouns of action whose doer and target one source turns round against what the
    others say anywhere in the story ("an invasion by Ukraine" in one source, "the invasion
    of Ukraine" in two others), even in sentences paired with none (headlines)."""
    by_role: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(dict)
    for claim in claims:
        for action, name, role in nominal_roles(claim.span):
            by_role[(action, name)].setdefault(role, []).append(claim)
    shown = {frozenset(side.says for side in conflict.sides) for conflict in found}
    turned = []
    for (action, name), sides in sorted(by_role.items()):
        if len(sides) != 2:
            continue
        origins = {role: len({c.origin for c in members}) for role, members in sides.items()}
        lone = min(origins, key=lambda role: (origins[role], role))
        other = "patient" if lone == "agent" else "agent"
        says = (role_words(action, name, other), role_words(action, name, lone))
        if origins[lone] == 1 and origins[other] >= 2 and frozenset(says) not in shown:
            dispute = _Dispute("role", {says[0]: sides[other], says[1]: sides[lone]})
            turned.append(_conflict(dispute))
    return turned


def _told_updates(claims: list[Claim], found: list[Conflict]) -> list[Conflict]:
    """Figures of one thing that a report gives as an update of the other ("more than
    150,000 troops, up from previous estimates of around 130,000"), with every source
    giving either: the story's figure changed, and nobody contradicts anybody."""
    shown = {frozenset(side.says for side in conflict.sides) for conflict in found}
    updates = []
    for claim in claims:
        if not claim.updates:
            continue
        for number, mine in enumerate(claim.figures):
            for theirs in claim.figures[number + 1 :]:
                says = (mine.figure.text, theirs.figure.text)
                if (
                    not _loosely_same(mine, theirs)
                    or figures_agree(mine, theirs)
                    or frozenset(says) in shown
                ):
                    continue
                shown.add(frozenset(says))
                updates.append(_told_update(claim, mine, theirs, claims))
    return updates


def _loosely_same(left: ClaimFigure, right: ClaimFigure) -> bool:
    """Two figures of one sentence count the same thing when they do, or when one says what
    it counts and the other, of the same unit, leaves it to be understood ("150,000
    troops, up from 130,000")."""
    if same_thing(left, right):
        return True
    one, other = left.figure, right.figure
    return one.unit == other.unit and (one.counts is None) != (other.counts is None)


def _told_update(
    claim: Claim, mine: ClaimFigure, theirs: ClaimFigure, claims: list[Claim]
) -> Conflict:
    counted = mine if mine.figure.counts else theirs

    def gives(other: Claim, figure: ClaimFigure) -> bool:
        return any(
            (same_thing(f, figure) or same_thing(f, counted)) and figures_agree(f, figure)
            for f in other.figures
        )

    sides: dict[str, list[Claim]] = {}
    givers: dict[str, list[str]] = {}
    for figure, rival in ((mine, theirs), (theirs, mine)):
        members = [c for c in claims if c is not claim and gives(c, figure) and not gives(c, rival)]
        says = f"{figure.figure.text} {counted.figure.counts}"
        sides[says] = [*members, claim]
        givers[says] = [
            f.given_by
            for c in members
            for f in c.figures
            if f.given_by and figures_agree(f, figure)
        ]
    return _conflict(_Dispute("number", sides, givers, [_TOLD]))


_TOLD = "a report gives both figures, one as an update of the other"


def _quote_conflicts(
    extracts: StoryExtracts, sources: Sequence[Source], found: list[Conflict]
) -> list[Conflict]:
    """Quotes given to different speakers, and altered quotes the pairs of claims did not
    already show."""
    origin = {source.id: source.origin for source in sources}
    shown = {(c.kind, frozenset(side.says for side in c.sides)) for c in found}
    items = speaker_conflicts(extracts.quotes, extracts.entities, sources)
    items += altered_quotes(extracts.quotes, sources)
    return [
        _quote_conflict(item, origin)
        for item in items
        if (item.kind, frozenset({item.left, item.right})) not in shown
    ]


def _quote_conflict(item: QuoteConflict, origin: dict[str, str]) -> Conflict:
    def side(says: str, text: str, citations: tuple[Citation, ...]) -> ConflictSide:
        independent = len({origin.get(c.source, c.source) for c in citations})
        return ConflictSide(says, text, citations, independent)

    left = side(item.left, item.text[0], item.left_citations)
    right = side(item.right, item.text[1], item.right_citations)
    first, second = sorted((left, right), key=lambda s: (-s.independent, s.citations[0].source))
    detail = (
        f"the same words given to {first.says} and to {second.says}"
        if item.kind == "speaker"
        else _quoted_as(first.says, second.says)
    )
    return Conflict(kind=item.kind, detail=detail, sides=(first, second))


def _quoted_as(first: str, second: str) -> str:
    return f"quoted as “{first}” and as “{second}”"


def _conflict_order(conflict: Conflict) -> tuple[bool, int, str, str]:
    support = sum(side.independent for side in conflict.sides)
    return (conflict.update is not None, -support, conflict.kind, conflict.detail)


def _disputed(conflicts: Iterable[Conflict], sources: Sequence[Source]) -> set[tuple[str, int]]:
    """Sentences (source id, start) holding a version the other side outweighs (both
    sides, when even)."""
    starts = {source.id: [(s.start, s.end) for s in source.sentences] for source in sources}
    found: set[tuple[str, int]] = set()
    for conflict in conflicts:
        if conflict.update is not None:
            continue
        first, second = conflict.sides
        losing = [second] if first.independent > second.independent else [first, second]
        for side in losing:
            for citation in side.citations:
                if citation.part != "text":
                    continue
                found.update(
                    (citation.source, start)
                    for start, end in starts.get(citation.source, [])
                    if start <= citation.start < end
                )
    return found


# Facts


def _facts(
    claims: list[Claim],
    families: dict[int, list[Claim]],
    centrality: dict[tuple[int, int], float],
    disputed: set[tuple[str, int]],
) -> list[Fact]:
    corroborated: list[Fact] = []
    single: list[Fact] = []
    for members in families.values():
        sentences = [claim for claim in members if claim.index >= 0]
        if not sentences or all(_key_of(c) in disputed for c in sentences):
            continue  # every version of it is disputed: the conflicts show it, both sides
        fact = _fact(members, sentences, centrality, disputed)
        (single if fact.single_source else corroborated).append(fact)
    corroborated.sort(key=_fact_order)
    single.sort(key=_fact_order)
    return corroborated + single[:SINGLE_SOURCE_LISTED]


def _key_of(claim: Claim) -> tuple[str, int]:
    return (claim.source.id, claim.citation.start)


def _fact(
    members: list[Claim],
    sentences: list[Claim],
    centrality: dict[tuple[int, int], float],
    disputed: set[tuple[str, int]],
) -> Fact:
    wording = min(
        sentences,
        key=lambda c: (
            _key_of(c) in disputed,
            c.distorted,
            -centrality[c.key],
            c.position,
        ),
    )
    # A sentence the others contradict does not support the fact it disputes.
    backing = [c for c in members if _key_of(c) not in disputed] or members
    others = sorted((c for c in backing if c is not wording), key=lambda c: c.key)
    return Fact(
        text=wording.text,
        citations=(wording.citation, *(c.citation for c in others)),
        sources=len({claim.source.id for claim in backing}),
        independent=len({claim.origin for claim in backing}),
        centrality=round(max(centrality[c.key] for c in sentences), 6),
    )


def _fact_order(fact: Fact) -> tuple[int, float, str, int]:
    first = fact.citations[0]
    return (-fact.independent, -fact.centrality, first.source, first.start)
