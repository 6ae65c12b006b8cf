"""Crosscheck: the fact layer. Which reports state the same fact, however worded; how many
independent origins back each fact; and where the sources disagree.

1. Each source's sentences (and title) are split into the statements they make: claims,
   each with its span, speaker, names and figures (`claims`).
2. Every claim is compared by meaning with its nearest claims of other origins
   (`neighbours`: embeddings, never a gate of shared words), and each pair is judged: do
   the two state one fact? (`judge`: meaning, wording, who it is about).
3. Claims judged alike are grouped into facts by average linkage (`facts`); each fact
   counts the independent origins behind it (copies of one origin count once) and takes
   its wording from its cleanest claim. This is the one place where "these reports state
   the same thing" is decided: the summary ranks these facts and never regroups.
4. Pairs of claims of one fact are compared kind by kind (`checks`, a module a kind):
   figures, negation, roles, dates, status and quoted words; quotes for speaker and wording
   (`quotes`). Differences of one kind over one fact are one conflict with two sides, each
   citing every source that takes it (`conflicts`). A difference in figures is an update,
   not a contradiction, when a report presents one as an earlier or later count, when
   different people give them, or when the reports are of different days; so is a change
   of status over days.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace

from newsfuse.crosscheck.checks import findings
from newsfuse.crosscheck.checks.negation import denial_count, negated_words
from newsfuse.crosscheck.claims import Claim, ClaimKey, source_claims
from newsfuse.crosscheck.conflicts import (
    conflict_order,
    conflicts_between,
    disputed_claims,
    quote_conflicts,
    told_updates,
    turned_roles,
)
from newsfuse.crosscheck.facts import (
    CheckedFact,
    centralities,
    checked_fact,
    corroborated_sentences,
    is_point_candidate,
    outlying_claims,
    shown_alone,
    with_distinct_wordings,
    wording_cost,
)
from newsfuse.crosscheck.grouping import SAME_FACT_LINK, also_stating, fact_groups
from newsfuse.crosscheck.judge import (
    Closeness,
    PairFeatures,
    aligned,
    centred_cosine,
    details,
    pair_features,
    same_fact_probability,
)
from newsfuse.crosscheck.meanings import (
    ClaimMeanings,
    claim_meanings,
    cut_otherwise,
    likely_read,
)
from newsfuse.crosscheck.neighbours import nearest_pairs
from newsfuse.crosscheck.updates import ClaimPair
from newsfuse.extract import StoryExtracts, own_date
from newsfuse.models import Citation, Conflict, Fact, Story
from newsfuse.text.embed import Encoder, Matrix, default_encoder
from newsfuse.text.lexical import containment
from newsfuse.text.matcher import SAME_CLAIM, features, same_claim_probability

# What other stages use: the summary ranks the checked facts, the pipeline reads ahead what
# the cross-check will encode, the written brief's gate reads denials as the checks do.
__all__ = [
    "CheckedFact",
    "CrossCheck",
    "corroborated_sentences",
    "crosscheck",
    "denial_count",
    "is_point_candidate",
    "likely_read",
    "negated_words",
    "shown_alone",
    "wording_cost",
]

# Single-source claims listed, the most central first: the rest of each text is one
# outlet's own reporting by nature.
SINGLE_SOURCE_LISTED = 10
# Each claim is judged against at most this many claims of other origins, the nearest in
# meaning at or above this cosine (rewordings of one fact score 0.45-0.95; claims of one
# story about other things mostly below 0.4).
NEIGHBOURS = 24
NEIGHBOUR_FLOOR = 0.35
# A fact of one origin is listed under "only one source" when the judge gives none of its
# claims this much probability of stating one fact with a claim of another origin: a
# likely rewording the grouping left apart ("The city closed the bridge to all traffic",
# 0.70 with "the bridge is closed to all traffic after ...") is no statement the other
# reports leave out. Chosen on the fact gold's tune half (bench/facts.py) from 0.1 to 0.5:
# false single-source labels 0.093 there with no such rule, 0.069 at 0.5, 0.057 at 0.35,
# 0.016 at 0.2; gold facts of one origin labelled 0.455, 0.424, 0.394 and 0.333. Under
# 0.35 the judge's probabilities between claims of one story are mostly of different
# facts (0.27-0.34: "No one on the bridge was hurt" and "The city closed the bridge"),
# and the list loses its telling lines for peripheral ones.
SURELY_ALONE = 0.35
# Pairs judged less likely than this to state one fact are not kept at all.
_JUDGED_FLOOR = 0.05
# Two claims are compared for what they say differently only when they say nearly the same
# thing in nearly the same words: the one holds this share of the other's content terms...
COMPARABLE_SHARE = 0.5
# ...and the MRPC-fitted sentence matcher (figures aside) takes them for one statement, or
# their meanings are this close and each holds that share of the other's terms. A dispute
# is a strong thing to tell a reader: claims of one fact worded apart say different things
# of it ("no one on the bridge was hurt", "the city closed the bridge").
COMPARABLE_COSINE = 0.75
# Two claims of one origin are of different facts when the judge gives them less than this.
APART = 0.1
# A figure or date given by more claims than this is no sign of which fact they state.
_MOST_HOLDERS = 12


@dataclass(frozen=True)
class CrossCheck:
    facts: tuple[Fact, ...]  # the facts a brief lists: corroborated, then single-source
    conflicts: tuple[Conflict, ...]
    checked: tuple[CheckedFact, ...] = field(default=())  # every fact, for the summary
    # Each claim's embedding, and its sentence's (by claim key): what the summary compares.
    meanings: dict[tuple[int, int, int], Matrix] = field(default_factory=dict, compare=False)
    contexts: dict[tuple[int, int, int], Matrix] = field(default_factory=dict, compare=False)
    # The judge's probability that two claims state one fact, for the pairs it judged: for
    # each claim (by key), the others (by key). What the summary asks before showing a fact.
    judged: dict[ClaimKey, dict[ClaimKey, float]] = field(default_factory=dict, compare=False)


def crosscheck(story: Story, extracts: StoryExtracts, encoder: Encoder | None = None) -> CrossCheck:
    claims = story_claims(story, extracts)
    if not claims:
        return CrossCheck(facts=(), conflicts=())
    read = claim_meanings(claims, encoder or default_encoder())
    meanings, contexts = read.claims, read.contexts
    pairs = _judged_pairs(claims, read)
    judged = [(p.left_n, p.right_n, p.probability) for p in pairs]
    groups = fact_groups(
        len(claims),
        judged,
        NEIGHBOURS,
        lambda left, right: _one_origin_apart(claims, read, left, right),
        blocks=[claim.origin for claim in claims],
        kinds=[_judged_as(claims, read, n) for n in range(len(claims))],
    )
    also = also_stating(groups, judged, [claim.origin for claim in claims], NEIGHBOURS)
    fact_of = {claims[n].key: number for number, group in enumerate(groups) for n in group}
    # Two claims differ in what they report only when they state one fact (the fact layer
    # says so, or the judge nearly does) in nearly the same words: sharing words alone
    # ("Senate panel subpoenas Flynn businesses", "Senate panel says Flynn not
    # cooperating") is not enough.
    same = [
        ClaimPair(claims[p.left_n], claims[p.right_n], p.probability)
        for p in pairs
        if (
            fact_of[claims[p.left_n].key] == fact_of[claims[p.right_n].key]
            or p.probability >= SAME_FACT_LINK
        )
        and _comparable(
            claims[p.left_n], claims[p.right_n], float(meanings[p.left_n] @ meanings[p.right_n])
        )
    ]
    differences = [(pair, finding) for pair in same for finding in findings(pair.left, pair.right)]
    updating = [claim for claim in claims if claim.updates]
    conflicts = conflicts_between(differences, fact_of, updating)
    conflicts += turned_roles(claims, conflicts)
    told = told_updates(claims, conflicts)
    conflicts += told.conflicts
    conflicts += quote_conflicts(extracts, story.sources, conflicts)
    conflicts.sort(key=conflict_order)
    disputed = disputed_claims(conflicts, claims)
    replaced = frozenset(told.superseded)
    centrality = dict(zip((c.key for c in claims), centralities(claims), strict=True))
    checked = with_distinct_wordings(
        [
            checked_fact(
                [claims[n] for n in group],
                centrality,
                disputed,
                outlying_claims([claims[n] for n in group], meanings[group]),
                [claims[n] for n in extra],
                replaced,
            )
            for group, extra in zip(groups, also, strict=True)
        ]
    )
    return CrossCheck(
        facts=tuple(_listed(checked, _likeliest_elsewhere(pairs, claims))),
        conflicts=tuple(conflicts),
        checked=tuple(checked),
        meanings={claim.key: meanings[row] for row, claim in enumerate(claims)},
        contexts={claim.key: contexts[row] for row, claim in enumerate(claims)},
        judged=_by_keys(pairs, claims),
    )


def _by_keys(pairs: list[_Judged], claims: list[Claim]) -> dict[ClaimKey, dict[ClaimKey, float]]:
    found: dict[ClaimKey, dict[ClaimKey, float]] = defaultdict(dict)
    for pair in pairs:
        left, right = claims[pair.left_n].key, claims[pair.right_n].key
        found[left][right] = found[right][left] = pair.probability
    return dict(found)


def story_claims(story: Story, extracts: StoryExtracts) -> list[Claim]:
    """The claims of every source of the story, in story order."""
    positions = {source.id: number for number, source in enumerate(story.sources)}
    names = {alias.lower(): entity.name for entity in extracts.entities for alias in entity.aliases}
    found: list[Claim] = []
    for item in sorted(extracts.per_source, key=lambda e: positions[e.source.id]):
        reference = own_date(item.source) or extracts.reference
        found += source_claims(positions[item.source.id], item, extracts.resolve, reference, names)
    return found


@dataclass(frozen=True)
class _Judged:
    left_n: int
    right_n: int
    probability: float


def _judged_pairs(claims: list[Claim], read: ClaimMeanings) -> list[_Judged]:
    """Each claim judged against its nearest claims of other origins, and against those
    giving a figure or a date it gives."""
    origins = [claim.origin for claim in claims]
    near = nearest_pairs(read.claims, origins, NEIGHBOURS, NEIGHBOUR_FLOOR)
    candidates = {(left, right) for left, right, _ in near} | _sharing_details(claims)
    judged = [_Judged(left, right, 1.0) for left, right in read.restated]
    for left, right in sorted(candidates):
        probability = same_fact_probability(claim_pair_features(claims, read, left, right))
        if probability >= _JUDGED_FLOOR:
            judged.append(_Judged(left, right, probability))
    return judged


def _comparable(left: Claim, right: Claim, cosine: float) -> bool:
    """Whether two claims say nearly the same thing in nearly the same words: what one says
    differently from the other is then a difference in what they report."""
    mine, theirs = containment(left.terms, right.terms), containment(right.terms, left.terms)
    if max(mine, theirs) < COMPARABLE_SHARE:
        return False
    if left.origin == right.origin and cut_otherwise(left, right, cosine):
        return True  # a copy's statement, its sentence cut at another place
    left_features, right_features = features(left.text), features(right.text)
    # Figures are what the cross-check compares, not held against the pair.
    alike = replace(right_features, figures=left_features.figures)
    return same_claim_probability(left_features, alike, cosine) >= SAME_CLAIM or (
        cosine >= COMPARABLE_COSINE and min(mine, theirs) >= COMPARABLE_SHARE
    )


def _one_origin_apart(claims: list[Claim], read: ClaimMeanings, left: int, right: int) -> bool:
    """Whether two claims of one origin state different facts: as the judge would call
    them were they of two origins. (A report states one fact twice only in words close
    enough for that: a headline and its lead, a minister's and a spokesman's version.)"""
    if claims[left].origin != claims[right].origin:
        return False
    return same_fact_probability(claim_pair_features(claims, read, left, right)) < APART


def _judged_as(claims: list[Claim], read: ClaimMeanings, number: int) -> Hashable:
    """All the judge reads of a claim (`claim_pair_features`): two claims alike in it are
    judged alike against any other (a wire story's copies, claim for claim)."""
    claim = claims[number]
    vectors = hashlib.blake2b(digest_size=16)
    for rows in (read.claims, read.contexts, read.doings):
        vectors.update(rows[number].tobytes())
    return (
        claim.text,
        claim.names,
        claim.subjects,
        claim.dates,
        tuple((f.figure.value, f.figure.text) for f in claim.figures),
        vectors.digest(),
    )


def claim_pair_features(
    claims: Sequence[Claim], read: ClaimMeanings, left: int, right: int
) -> PairFeatures:
    """What the judge reads of two claims of a story (by number)."""
    meanings = read.claims
    cosine = float(meanings[left] @ meanings[right])
    return pair_features(
        claims[left],
        claims[right],
        Closeness(
            cosine=cosine,
            context=float(read.contexts[left] @ read.contexts[right]),
            centred=centred_cosine(meanings[left], meanings[right], read.topic),
            doing=float(read.doings[left] @ read.doings[right]),
            # An encoder that gives no states of word pieces: the claims' cosine stands in.
            aligned=cosine
            if read.pieces is None
            else aligned(read.pieces[left], read.pieces[right]),
        ),
    )


def _sharing_details(claims: list[Claim]) -> set[tuple[int, int]]:
    """Pairs of claims of different origins giving a figure or a date in common ("$7,000"
    in "a reward of up to $7,000" and "the reward was increased to $7,000"), however far
    apart their wording; a detail many claims give tells nothing and is passed over."""
    holders: dict[object, list[int]] = defaultdict(list)
    for number, claim in enumerate(claims):
        for detail in details(claim):
            holders[detail].append(number)
    pairs: set[tuple[int, int]] = set()
    for numbers in holders.values():
        if len(numbers) > _MOST_HOLDERS:
            continue
        pairs.update(
            (left, right)
            for index, left in enumerate(numbers)
            for right in numbers[index + 1 :]
            if claims[left].origin != claims[right].origin
        )
    return pairs


def _likeliest_elsewhere(pairs: list[_Judged], claims: list[Claim]) -> dict[ClaimKey, float]:
    """For each judged claim, the judge's highest probability that it states one fact with
    a claim of another origin."""
    found: dict[ClaimKey, float] = {}
    for pair in pairs:
        left, right = claims[pair.left_n], claims[pair.right_n]
        if left.origin == right.origin:
            continue
        for claim in (left, right):
            found[claim.key] = max(found.get(claim.key, 0.0), pair.probability)
    return found


def _listed(checked: list[CheckedFact], elsewhere: dict[ClaimKey, float]) -> list[Fact]:
    """The facts a brief lists: every corroborated one, then the most central single-source
    ones worded by a complete sentence that states nothing another origin states too, and
    none of whose claims another origin likely states (`SURELY_ALONE`, by `elsewhere`: the
    judge's highest probability for each claim with another origin's); a fact whose every
    version is disputed is shown by its conflict instead."""
    shown = [fact for fact in checked if not fact.disputed]
    corroborated = sorted((f for f in shown if f.independent >= 2), key=_fact_order)
    partly_corroborated = corroborated_sentences(checked)
    single = sorted(
        (
            f
            for f in shown
            if f.independent < 2
            and shown_alone(f, partly_corroborated)
            and all(elsewhere.get(c.key, 0.0) < SURELY_ALONE for c in f.claims)
        ),
        key=_fact_order,
    )
    listed: list[Fact] = []
    worded: set[Citation] = set()  # a sentence stating two facts is listed once
    for fact in [*corroborated, *single]:
        if fact.wording.sentence in worded:
            continue
        if fact.independent < 2 and len(listed) - len(corroborated) >= SINGLE_SOURCE_LISTED:
            break
        worded.add(fact.wording.sentence)
        listed.append(fact.public())
    return listed


def _fact_order(fact: CheckedFact) -> tuple[int, float, str, int]:
    first = fact.wording.sentence
    return (-fact.independent, -fact.centrality, first.source, first.start)
