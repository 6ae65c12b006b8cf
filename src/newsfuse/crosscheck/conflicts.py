"""Conflicts: what the claims of one fact say differently, as disputes with two sides.

The checks (`checks`) find each difference between two claims of one fact; differences of
one kind over one fact are one conflict with two sides, each citing every source that
takes it. A difference in figures is an update, not a contradiction, when a report
presents one as an earlier or later count, when different people give them, or when the
reports are of different days; so is a change of status over days, and a plan reported
before the deed. Roles turned round, updates a report tells in one sentence, and quotes
given with other words or by other speakers are conflicts too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newsfuse.crosscheck.checks import Finding
from newsfuse.crosscheck.checks.numbers import figures_agree, same_thing
from newsfuse.crosscheck.checks.roles import nominal_roles, role_words
from newsfuse.crosscheck.claims import Claim, ClaimFigure, ClaimKey
from newsfuse.crosscheck.quotes import QuoteConflict, altered_quotes, speaker_conflicts
from newsfuse.crosscheck.updates import (
    TOLD,
    ClaimPair,
    first_is_earlier,
    links_as_update,
    update_reason,
)
from newsfuse.extract import StoryExtracts
from newsfuse.models import Citation, Conflict, ConflictKind, ConflictSide, Source
from newsfuse.text.lexical import figures


@dataclass
class _Dispute:
    kind: ConflictKind
    sides: dict[str, list[Claim]] = field(default_factory=dict)
    givers: dict[str, list[str]] = field(default_factory=dict)
    updates: list[str] = field(default_factory=list)


def conflicts_between(
    differences: list[tuple[ClaimPair, Finding]],
    fact_of: dict[tuple[int, int, int], int],
    updating: list[Claim],
) -> list[Conflict]:
    """The disputes the differences make; `updating` are the claims that present a figure
    as an earlier or later count."""
    disputes: dict[tuple[int, str, frozenset[object]], _Dispute] = {}
    shown_as: dict[tuple[int, str, object], str] = {}  # a version's words, as first seen
    for pair, finding in differences:
        fact = fact_of[pair.left.key]
        versions = _versions(finding)
        key = (fact, finding.kind, frozenset(versions))
        dispute = disputes.setdefault(key, _Dispute(finding.kind))
        for claim, version, words, giver in (
            (pair.left, versions[0], finding.left, finding.left_by),
            (pair.right, versions[1], finding.right, finding.right_by),
        ):
            says = shown_as.setdefault((fact, finding.kind, version), words)
            members = dispute.sides.setdefault(says, [])
            if claim not in members:
                members.append(claim)
            if giver:
                dispute.givers.setdefault(says, []).append(giver)
        reason = update_reason(pair, finding, updating)
        if reason:
            dispute.updates.append(reason)
    conflicts = [_conflict(dispute) for dispute in disputes.values() if len(dispute.sides) == 2]
    return _once(conflicts)


def _once(conflicts: list[Conflict]) -> list[Conflict]:
    """Each difference once: claims of two facts may be cut from the same two sentences
    (a quote's words differ in the sentence either claim is in)."""
    seen: set[tuple[str, str, frozenset[str]]] = set()
    found = []
    for conflict in conflicts:
        sources = frozenset(c.source for side in conflict.sides for c in side.citations)
        key = (conflict.kind, conflict.detail, sources)
        if key not in seen:
            seen.add(key)
            found.append(conflict)
    return found


def _versions(finding: Finding) -> tuple[object, object]:
    """What tells the two versions of a difference apart: for figures, their values ("an
    estimated 130,000" and "around 130,000" are one version); else their words."""
    if finding.figures is not None:
        return (finding.figures[0].figure.value, finding.figures[1].figure.value)
    return (finding.left, finding.right)


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


def turned_roles(claims: list[Claim], found: list[Conflict]) -> list[Conflict]:
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


@dataclass(frozen=True)
class ToldUpdates:
    """The updates reports tell, and the claims that give only the figure an update
    replaced ("an estimated 130,000 troops" where another report says "more than 150,000,
    up from previous estimates of around 130,000")."""

    conflicts: list[Conflict]
    superseded: set[ClaimKey]


def told_updates(claims: list[Claim], found: list[Conflict]) -> ToldUpdates:
    """Figures of one thing that a report gives as an update of the other ("more than
    150,000 troops, up from previous estimates of around 130,000"), with every source
    giving either: the story's figure changed, and nobody contradicts anybody."""
    # The figures each number conflict already shows, by what they say ("more than
    # 150,000" shows 150,000).
    shown = {
        frozenset(frozenset(figures(side.says)) for side in conflict.sides)
        for conflict in found
        if conflict.kind == "number"
    }
    updates = []
    superseded: set[ClaimKey] = set()
    for claim in claims:
        if not claim.updates:
            continue
        for number, mine in enumerate(claim.figures):
            for theirs in claim.figures[number + 1 :]:
                says = frozenset(
                    frozenset(figures(figure.figure.text)) for figure in (mine, theirs)
                )
                if (
                    not _loosely_same(mine, theirs)
                    or figures_agree(mine, theirs)
                    or not _linked_as_update(claim, mine, theirs)
                ):
                    continue
                # Shown already (the number check found it between two claims) or not,
                # the claims giving only its earlier figure are out of date.
                superseded |= _replaced(claim, mine, theirs, claims)
                if says not in shown:
                    shown.add(says)
                    updates.append(_told_update(claim, mine, theirs, claims))
    return ToldUpdates(updates, superseded)


def _linked_as_update(claim: Claim, first: ClaimFigure, second: ClaimFigure) -> bool:
    """Whether the words between two figures of a claim make one an update of the other
    ("150,000 troops, up from previous estimates of around 130,000", "dropped to 27 but has
    spiked to 44"), not two counts of two things ("as many as 10 assailants, ranging in age
    from 15"; "about 1,020 miles ..., and about 220 miles south of")."""
    # Figures of a title are placed in the title's own text; a body's, in the source's.
    text = claim.text if claim.index < 0 else claim.source.clean.text
    start = min(first.figure.end, second.figure.end)
    end = max(first.figure.start, second.figure.start)
    return links_as_update(text[start:end])


def _earlier(claim: Claim, first: ClaimFigure, second: ClaimFigure) -> ClaimFigure:
    """Of two figures a claim links as an update, the earlier."""
    text = claim.text if claim.index < 0 else claim.source.clean.text
    before, after = sorted((first, second), key=lambda f: f.figure.start)
    between = text[before.figure.end : after.figure.start]
    return before if first_is_earlier(between) else after


def _loosely_same(left: ClaimFigure, right: ClaimFigure) -> bool:
    """Two figures of one sentence count the same thing when they do, or when one says what
    it counts and the other, of the same unit, leaves it to be understood ("150,000
    troops, up from 130,000")."""
    if same_thing(left, right):
        return True
    one, other = left.figure, right.figure
    return one.unit == other.unit and (one.counts is None) != (other.counts is None)


def _giving(mine: ClaimFigure, theirs: ClaimFigure) -> Callable[[Claim, ClaimFigure], bool]:
    """Whether a claim gives one of two figures of one thing (the unit of the one that
    says what it counts)."""
    counted = mine if mine.figure.counts else theirs

    def gives(other: Claim, figure: ClaimFigure) -> bool:
        return any(
            (same_thing(f, figure) or same_thing(f, counted)) and figures_agree(f, figure)
            for f in other.figures
        )

    return gives


def _replaced(
    claim: Claim, mine: ClaimFigure, theirs: ClaimFigure, claims: list[Claim]
) -> set[ClaimKey]:
    """The claims, other than the one telling the update, that give only its earlier
    figure."""
    gives = _giving(mine, theirs)
    earlier = _earlier(claim, mine, theirs)
    later = theirs if earlier is mine else mine
    return {c.key for c in claims if c is not claim and gives(c, earlier) and not gives(c, later)}


def _told_update(
    claim: Claim, mine: ClaimFigure, theirs: ClaimFigure, claims: list[Claim]
) -> Conflict:
    counted = mine if mine.figure.counts else theirs
    gives = _giving(mine, theirs)
    sides: dict[str, list[Claim]] = {}
    givers: dict[str, list[str]] = {}
    for figure, rival in ((mine, theirs), (theirs, mine)):
        members = [c for c in claims if c is not claim and gives(c, figure) and not gives(c, rival)]
        # "more than 150,000 troops"; "$636 million" when neither says what it counts
        says = " ".join(filter(None, (figure.figure.text, counted.figure.counts)))
        sides[says] = [*members, claim]
        givers[says] = [
            f.given_by
            for c in members
            for f in c.figures
            if f.given_by and figures_agree(f, figure)
        ]
    return _conflict(_Dispute("number", sides, givers, [TOLD]))


def quote_conflicts(
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


def conflict_order(conflict: Conflict) -> tuple[bool, int, str, str]:
    support = sum(side.independent for side in conflict.sides)
    return (conflict.update is not None, -support, conflict.kind, conflict.detail)


def disputed_claims(conflicts: Iterable[Conflict], claims: Sequence[Claim]) -> set[ClaimKey]:
    """Claims holding a version the other side outweighs (both sides, when even)."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.index >= 0:
            by_source[claim.source.id].append(claim)
    found: set[tuple[int, int, int]] = set()
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
                    claim.key
                    for claim in by_source.get(citation.source, [])
                    if claim.citation.overlaps(citation)
                )
    return found
