from __future__ import annotations

from newsfuse.text.embed import default_encoder
from newsfuse.text.matcher import SAME_CLAIM, features, pair_features, same_claim_probability


def _probability(left: str, right: str) -> float:
    vectors = default_encoder().encode([left, right])
    return same_claim_probability(features(left), features(right), float(vectors[0] @ vectors[1]))


def test_a_rewording_states_the_same_claim() -> None:
    assert (
        _probability(
            "Biden said Russia has positioned more than 150,000 troops near Ukraine.",
            "Russia has placed more than 150,000 troops near Ukraine, Biden said.",
        )
        >= SAME_CLAIM
    )


def test_different_claims_of_one_story_do_not_match() -> None:
    assert (
        _probability(
            "Biden said Russia has positioned more than 150,000 troops near Ukraine.",
            "Buses were rerouted through the tunnel, adding 20 minutes to trips downtown.",
        )
        < SAME_CLAIM
    )


def test_features() -> None:
    left, right = features("The 150,000 troops moved."), features("The 130,000 troops moved.")
    cosine, word_jaccard, term_jaccard, figures_differ, length_ratio = pair_features(
        left, right, 0.9
    )
    assert (cosine, figures_differ, length_ratio) == (0.9, 1.0, 1.0)
    assert (word_jaccard, term_jaccard) == (0.6, 0.5)
