"""Facts: claims grouped by average linkage, worded by one rule, counted by origin."""

from __future__ import annotations

import random
from dataclasses import replace

from newsfuse.crosscheck import story_claims
from newsfuse.crosscheck.claims import Claim
from newsfuse.crosscheck.facts import (
    also_stating,
    checked_fact,
    corroborated_sentences,
    fact_groups,
    is_point_candidate,
    shown_alone,
)
from newsfuse.extract.story import extract_story
from newsfuse.models import FlagKind, Provenance, QualityFlag, Relation, Story

from ..conftest import make_source


def test_claims_judged_alike_form_one_fact_and_the_rest_stay_apart() -> None:
    judged = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.85), (3, 4, 0.1)]
    assert fact_groups(5, judged, neighbours=24) == [[0, 1, 2], [3], [4]]


def test_a_chain_of_claims_each_close_only_to_the_next_is_not_one_fact() -> None:
    # 0-1 and 2-3 are sure; 1-2 alike, but 0-2, 0-3, 1-3 never judged alike.
    judged = [(0, 1, 0.95), (2, 3, 0.95), (1, 2, 0.9)]
    assert fact_groups(4, judged, neighbours=24) == [[0, 1], [2, 3]]


def test_claims_said_apart_never_join() -> None:
    judged = [(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.9)]
    groups = fact_groups(3, judged, 24, lambda left, right: {left, right} == {0, 2})
    assert [0, 2] not in groups and all(not {0, 2} <= set(g) for g in groups)


def test_apartness_is_asked_once_a_pair_of_kinds_and_only_inside_a_block() -> None:
    # 40 claims: four origins (blocks), each claim one of three wordings (kinds) of its
    # origin; two wordings of one origin are apart when they differ and both are odd.
    rng = random.Random(7)
    block = [n % 4 for n in range(40)]
    kind = [(block[n], rng.randrange(3)) for n in range(40)]
    judged = [
        (a, b, rng.random()) for a in range(40) for b in range(a + 1, 40) if rng.random() < 0.3
    ]
    asked: list[tuple[int, int]] = []

    def apart(left: int, right: int) -> bool:
        asked.append((left, right))
        mine, theirs = kind[left], kind[right]
        return mine[0] == theirs[0] and mine != theirs and mine[1] % 2 == theirs[1] % 2 == 0

    plain = fact_groups(40, judged, 24, apart)
    every_pair = len(asked)
    asked.clear()
    assert fact_groups(40, judged, 24, apart, blocks=block, kinds=kind) == plain
    assert len(asked) == len({(kind[left], kind[right]) for left, right in asked})
    assert all(block[left] == block[right] for left, right in asked)
    assert len(asked) < every_pair


def test_a_claim_left_alone_joins_its_likeliest_partner_when_likely_enough() -> None:
    judged = [(0, 1, 0.9), (0, 2, 0.95), (1, 2, 0.9), (3, 0, 0.4), (4, 0, 0.2)]
    assert fact_groups(5, judged, neighbours=24) == [[0, 1, 2, 3], [4]]


def test_the_same_judgements_give_the_same_facts_in_any_order() -> None:
    judged = [(0, 1, 0.9), (2, 3, 0.7), (1, 2, 0.6), (0, 3, 0.55), (4, 5, 0.5)]
    assert fact_groups(6, judged, 24) == fact_groups(6, list(reversed(judged)), 24)


def test_a_claim_of_one_fact_backs_another_its_sentence_states_too() -> None:
    # Claim 4 (origin "c") states fact [0, 1] and, as likely, fact [2, 3]; claim 5 is only
    # loosely like [2, 3]; claim 1 is of an origin [2, 3] already has.
    groups = [[0, 1, 4], [2, 3], [5]]
    origins = ["a", "b", "b", "d", "c", "e"]
    judged = [(0, 1, 0.9), (0, 4, 0.8), (1, 4, 0.8), (2, 3, 0.9), (2, 4, 0.8), (3, 4, 0.75),
              (2, 5, 0.6), (1, 2, 0.9)]  # fmt: skip
    assert also_stating(groups, judged, origins, neighbours=24) == [[], [4], []]


def test_a_claim_backing_a_fact_it_does_not_word_counts_its_origin() -> None:
    first = make_source("A ship hit the harbor bridge on Monday morning.", "a.txt")
    second = make_source("The bridge closed after a ship struck it on Monday.", "b.txt")
    story = Story("s", (first, second))
    mine, theirs = story_claims(story, extract_story(story))
    keys = {mine.key: 0.5, theirs.key: 0.4}
    fact = checked_fact([mine], keys, set(), also=[theirs])
    assert fact.wording == mine and fact.independent == 2
    assert theirs.citation in fact.citations()
    # It is no claim of the fact's own (the summary tells facts apart by their own claims),
    # but its sentence states a corroborated fact.
    assert fact.claims == (mine,) and fact.stating == (mine, theirs)
    assert theirs.sentence in corroborated_sentences([fact])


def test_point_candidates_are_whole_sentences() -> None:
    assert is_point_candidate("Two crew members were treated for minor injuries, officials said.")
    assert not is_point_candidate("eastern Ukraine and the regions around it were quiet.")


def _story_claims(text: str) -> list[Claim]:
    source = make_source(text, "report.md", ".md")
    story = Story("s", (source,))
    return story_claims(story, extract_story(story))


def test_a_fact_in_a_headline_leads_as_a_first_sentence_would() -> None:
    claims = _story_claims(
        "# Ship hits the harbor bridge\n\nThe weather was calm on Monday morning. Tugs were"
        " nearby. Crews waited on the quay. A ship hit the harbor bridge on Monday."
    )
    title = [c for c in claims if c.index < 0]
    late = [c for c in claims if c.index == 3]
    assert title and late
    keys = {c.key: 0.5 for c in claims}
    assert checked_fact(late, keys, set()).lead == 3
    assert checked_fact([*late, *title], keys, set()).lead == 0
    # A spun page's headline is no sign of what the news is (a spinner writes its own),
    # nor a rewrite's order (its origin's)...
    spun = [_flagged(c, "original", "spun") for c in title]
    assert all(c.distorted for c in spun)
    assert checked_fact([*late, *spun], keys, set()).lead == 3
    rewritten = [_flagged(c, "rewrite") for c in title]
    assert checked_fact([*late, *rewritten], keys, set()).lead == 3
    # ...but a machine translation keeps its outlet's order, garbled as it reads.
    garbled = [_flagged(c, "original", "garbled") for c in title]
    assert all(c.distorted for c in garbled)
    assert checked_fact([*late, *garbled], keys, set()).lead == 0


def _flagged(claim: Claim, relation: Relation, *flags: FlagKind) -> Claim:
    """`claim` as a claim of its source with that provenance."""
    marks = tuple(QualityFlag(flag, "a reason", ()) for flag in flags)
    provenance = Provenance(relation, claim.source.id, marks)
    return replace(claim, source=replace(claim.source, provenance=provenance))


def test_a_fact_only_distorted_sources_word_is_worded_by_a_clean_sentence_stating_it() -> None:
    first = make_source("A ship hit the harbor bridge on Monday morning.", "a.txt")
    second = make_source("The bridge closed after a ship struck it on Monday.", "b.txt")
    story = Story("s", (first, second))
    mine, theirs = story_claims(story, extract_story(story))
    spun = _flagged(mine, "original", "spun")
    keys = {mine.key: 0.5, theirs.key: 0.4}
    assert checked_fact([spun], keys, set(), also=[theirs]).wording == theirs
    # A clean claim of its own words it before any sentence of another fact.
    assert checked_fact([mine], keys, set(), also=[theirs]).wording == mine
    # A distorted sentence of another fact never does.
    assert checked_fact([spun], keys, set(), also=[_flagged(theirs, "rewrite")]).wording == spun


def test_a_claim_giving_only_a_replaced_figure_words_its_fact_last_and_never_alone() -> None:
    first = make_source("About 40 people were missing after the flood on Monday.", "a.txt")
    second = make_source("Officials now say 65 people are missing after the flood.", "b.txt")
    story = Story("s", (first, second))
    old, new = story_claims(story, extract_story(story))
    keys = {old.key: 0.5, new.key: 0.4}
    fact = checked_fact([old, new], keys, set(), replaced=frozenset({old.key}))
    assert fact.wording == new and not fact.outdated
    alone = checked_fact([old], keys, set(), replaced=frozenset({old.key}))
    assert alone.outdated
    assert not shown_alone(alone, frozenset())
    assert shown_alone(checked_fact([old], keys, set()), frozenset())
