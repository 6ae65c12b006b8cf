from __future__ import annotations

import random

from newsfuse.crosscheck.grouping import also_stating, fact_groups


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
    judged = [(0, 1, 0.9), (0, 2, 0.95), (1, 2, 0.9), (3, 0, 0.4), (3, 1, 0.4), (3, 2, 0.3)]
    judged += [(4, 0, 0.2), (5, 6, 0.4)]
    assert fact_groups(7, judged, neighbours=24) == [[0, 1, 2, 3], [4], [5, 6]]


def test_a_claim_left_alone_joins_a_fact_only_when_likely_to_state_it_on_average() -> None:
    # 3 is likely to state what 0 states (a sentence of several facts, one of them 0's),
    # but not what 1 and 2 state with 0: its average with the fact is under the bar.
    judged = [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.9), (3, 0, 0.6), (3, 1, 0.1)]
    assert fact_groups(4, judged, neighbours=24) == [[0, 1, 2], [3]]
    # Likely enough on average with each claim of it, it joins.
    judged += [(3, 2, 0.5), (3, 1, 0.3)]
    assert fact_groups(4, judged[:4] + judged[5:], neighbours=24) == [[0, 1, 2, 3]]


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
