"""Grouping: which claims state one fact.

Claims judged to state one fact are grouped by average linkage: two groups join when the
judge's probabilities between their claims average at least `SAME_FACT_LINK`, a pair never
judged (too far apart in meaning to be a neighbour) counting as 0. Chains of claims each
close to the next but not to the others do not become one fact. In large stories, where a
claim is judged against its nearest neighbours only, the average is taken over the pairs
that could have been judged. Two claims of one origin that differ in meaning never end in
one fact: a report does not state one fact twice in other words ("Cosme was charged with
five felony counts" and, further down, "Gonzalez was charged with five misdemeanor
counts" are two facts, however alike the other reports' versions of them read).

A sentence may state several facts ("they opened fire when the father stepped in front of
his wife, then grabbed her purse") where another report states each in a sentence of its
own; its claim is grouped with one of them, and backs any other whose claims the judge
finds it as likely to state (`ALSO_STATES`), never wording it.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence

# Groups of claims join when the judge's probabilities between them average this much.
SAME_FACT_LINK = 0.5
# A claim left alone joins its likeliest partner's fact from this probability on.
ATTACHED = 0.35
# A claim of one fact states another fact too (a sentence may state several) when the
# judge's probabilities between it and that fact's claims average this much.
ALSO_STATES = 0.7
# Of one block (one origin), a group is checked for claims apart through at most this many
# distinct kinds of claim, the first it took in: a story of a few dozen reports never has
# more in one fact, and a wire story rewritten across a crawl (hundreds of copies of one
# origin in one fact) is checked in bounded time, not against every copy.
APART_CHECKED = 16


def fact_groups(
    count: int,
    judged: Iterable[tuple[int, int, float]],
    neighbours: int,
    apart: Callable[[int, int], bool] = lambda left, right: False,
    blocks: Sequence[Hashable] | None = None,
    kinds: Sequence[Hashable] | None = None,
) -> list[list[int]]:
    """Groups of claim numbers (each in order, groups by their first claim): average
    linkage over the judged pairs (i, j, probability), unjudged pairs counting 0, each
    claim judged against at most `neighbours` others. Groups holding two claims that
    `apart` says cannot state one fact never join. `apart` is asked only of claims of one
    block (`blocks`: claims of two blocks are never apart), once for each pair of kinds
    (`kinds`: claims of one kind are apart from the same claims: a wire story copied a
    thousand times is one kind of claim, not a million pairs to ask about), and of at most
    `APART_CHECKED` kinds of a group in a block."""
    apartness = _Apartness(
        apart,
        blocks if blocks is not None else [0] * count,
        kinds if kinds is not None else range(count),
    )
    judged = list(judged)  # read again for the claims left alone
    members: dict[int, list[int]] = {n: [n] for n in range(count)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for left, right, probability in judged:
        sums[left][right] = sums[left].get(right, 0.0) + probability
        sums[right][left] = sums[right].get(left, 0.0) + probability
    # Each claim's likeliest partner (ties to the first), before groups merge the sums.
    best_partner = {
        claim: max(others.items(), key=lambda item: (item[1], -item[0]))
        for claim, others in sums.items()
    }
    heap = [
        (-_linkage(total, 1, 1, neighbours), left, right)
        for left, others in sums.items()
        for right, total in others.items()
        if left < right
    ]
    heapq.heapify(heap)
    while heap:
        negative, left, right = heapq.heappop(heap)
        if left not in members or right not in members:
            continue
        current = _linkage(
            sums[left].get(right, 0.0), len(members[left]), len(members[right]), neighbours
        )
        if abs(current + negative) > 1e-12:
            continue  # outdated: the groups changed since
        if current < SAME_FACT_LINK:
            break
        if apartness.groups_apart(left, right):
            sums[left].pop(right, None)
            sums[right].pop(left, None)  # never to be joined
            continue
        _join(left, right, members, sums, heap, neighbours)
        apartness.join(left, right)
    alone = {group[0] for group in members.values() if len(group) == 1}
    lonely = _Lonely(
        _judged_with(alone, judged), blocks if blocks is not None else range(count), neighbours
    )
    _attach_lonely(members, best_partner, apartness, lonely)
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])


class _Apartness:
    """Whether two groups hold claims that cannot state one fact: asked of each group's
    distinct kinds of claim, block by block, each pair of kinds asked of `apart` once."""

    def __init__(
        self,
        apart: Callable[[int, int], bool],
        blocks: Sequence[Hashable],
        kinds: Sequence[Hashable],
    ) -> None:
        self._apart = apart
        self._kinds = kinds
        # Each group (by its root claim): block -> kind -> the first claim of that kind.
        self._held: dict[int, dict[Hashable, dict[Hashable, int]]] = {
            n: {block: {kinds[n]: n}} for n, block in enumerate(blocks)
        }
        self._asked: dict[tuple[Hashable, Hashable], bool] = {}

    def groups_apart(self, left: int, right: int) -> bool:
        mine, theirs = self._held[left], self._held[right]
        return any(
            self._claims_apart(one, other)
            for block in mine.keys() & theirs.keys()
            for one in mine[block].values()
            for other in theirs[block].values()
        )

    def join(self, kept: int, gone: int) -> None:
        held = self._held[kept]
        for block, kinds in self._held.pop(gone).items():
            known = held.setdefault(block, {})
            for kind, claim in kinds.items():
                if len(known) < APART_CHECKED:
                    known.setdefault(kind, claim)

    def _claims_apart(self, one: int, other: int) -> bool:
        pair = (self._kinds[one], self._kinds[other])
        if pair not in self._asked:
            self._asked[pair] = self._apart(one, other)
        return self._asked[pair]


def _attach_lonely(
    members: dict[int, list[int]],
    best_partner: dict[int, tuple[int, float]],
    apartness: _Apartness,
    lonely: _Lonely,
) -> None:
    """A claim left alone joins the group of its best judged partner when the judge gave
    them at least `ATTACHED`, and gives the group's claims of other origins that much on
    average: a statement no other origin makes is what the brief calls single-source, and
    a likely rewording of another's is not one. The average keeps a sentence of several
    facts ("the two took the elevator to the top floor to take pictures") out of a fact
    whose claims state one of the others ("they were taking pictures"); a copy's claim
    joins its origin's fact whatever the other copies there (never judged against it)."""
    group_of = {n: root for root, group in members.items() for n in group}
    held = {root: Counter(lonely.blocks[n] for n in group) for root, group in members.items()}
    for root in sorted(members):
        if len(members.get(root, ())) != 1:
            continue
        claim = members[root][0]
        partner, probability = best_partner.get(claim, (-1, 0.0))
        if probability < ATTACHED:
            continue
        target = group_of[partner]
        if target == root or apartness.groups_apart(root, target):
            continue
        if lonely.average(claim, target, group_of, held[target]) < ATTACHED:
            continue
        members[target].append(members.pop(root)[0])
        held[target] += held.pop(root)
        apartness.join(target, root)
        group_of[claim] = target


def _judged_with(
    claims: set[int], judged: Iterable[tuple[int, int, float]]
) -> dict[int, dict[int, float]]:
    """For each of `claims`, what the judge gave it with each claim it judged them against."""
    found: dict[int, dict[int, float]] = defaultdict(dict)
    for left, right, probability in judged:
        for mine, other in ((left, right), (right, left)):
            if mine in claims:
                found[mine][other] = found[mine].get(other, 0.0) + probability
    return found


class _Lonely:
    """What the judge gave a lone claim and the claims of a group, on average."""

    def __init__(
        self, pairs: dict[int, dict[int, float]], blocks: Sequence[Hashable], neighbours: int
    ) -> None:
        self.pairs = pairs
        self.blocks = blocks
        self.neighbours = neighbours

    def average(
        self, claim: int, group: int, group_of: dict[int, int], held: Counter[Hashable]
    ) -> float:
        """The judge's probabilities between `claim` and the claims of `group` (holding
        `held` claims of each block) of other blocks than its own, averaged as
        `fact_groups` averages (unjudged pairs counting 0); 1 when it has none."""
        block = self.blocks[claim]
        others = sum(held.values()) - held[block]
        if not others:
            return 1.0
        total = sum(
            probability
            for other, probability in self.pairs.get(claim, {}).items()
            if group_of[other] == group and self.blocks[other] != block
        )
        return total / min(others, self.neighbours)


def also_stating(
    groups: Sequence[Sequence[int]],
    judged: Iterable[tuple[int, int, float]],
    origins: Sequence[str],
    neighbours: int,
) -> list[list[int]]:
    """For each group, the claims of other groups that state its fact too: of an origin
    the group lacks, their judged probabilities with its claims averaging `ALSO_STATES`
    (unjudged pairs counting 0). "They opened fire when the father stepped in front of his
    wife, then grabbed her purse" is grouped with one fact, and backs two."""
    group_of = {claim: number for number, group in enumerate(groups) for claim in group}
    totals: dict[tuple[int, int], float] = defaultdict(float)
    for left, right, probability in judged:
        if group_of[left] != group_of[right]:
            totals[(group_of[left], right)] += probability
            totals[(group_of[right], left)] += probability
    stated_by = [{origins[member] for member in group} for group in groups]
    found: list[list[int]] = [[] for _ in groups]
    for (number, claim), total in sorted(totals.items()):
        if origins[claim] in stated_by[number]:
            continue
        if _linkage(total, 1, len(groups[number]), neighbours) >= ALSO_STATES:
            found[number].append(claim)
    return found


def _linkage(total: float, left: int, right: int, neighbours: int) -> float:
    return total / min(left * right, neighbours * min(left, right))


def _join(
    kept: int,
    gone: int,
    members: dict[int, list[int]],
    sums: dict[int, dict[int, float]],
    heap: list[tuple[float, int, int]],
    neighbours: int,
) -> None:
    members[kept] += members.pop(gone)
    for other, total in sums.pop(gone).items():
        if other == kept:
            continue
        sums[other].pop(gone, None)
        merged = sums[kept].get(other, 0.0) + total
        sums[kept][other] = sums[other][kept] = merged
    sums[kept].pop(gone, None)
    for other, total in sums[kept].items():
        linkage = _linkage(total, len(members[kept]), len(members[other]), neighbours)
        heapq.heappush(heap, (-linkage, min(kept, other), max(kept, other)))
