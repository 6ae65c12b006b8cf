from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.provenance.minhash import (
    Banding,
    candidate_pairs,
    estimated_containment,
    jaccard,
    shingle_hashes,
    signature,
)

TEXT = [
    "the",
    "ship",
    "lost",
    "power",
    "and",
    "drifted",
    "into",
    "the",
    "bridge",
    "on",
    "monday",
    "morning",
    "while",
    "tugs",
    "raced",
    "to",
    "hold",
    "it",
]


def test_shingles_are_sorted_distinct_and_repeatable() -> None:
    hashes = shingle_hashes(TEXT, 5)
    assert len(hashes) == len(TEXT) - 4
    assert np.array_equal(hashes, np.unique(hashes))
    assert np.array_equal(hashes, shingle_hashes(list(TEXT), 5))
    assert len(shingle_hashes(TEXT[:3], 5)) == 3  # fewer words than a shingle: the words


def test_containment_sees_a_truncated_copy_inside_its_origin() -> None:
    whole, part = shingle_hashes(TEXT, 5), shingle_hashes(TEXT[:10], 5)
    assert estimated_containment(part, whole) == 1.0
    assert estimated_containment(whole, part) == len(part) / len(whole)
    assert jaccard(part, whole) == len(part) / len(whole)


def test_signatures_estimate_jaccard() -> None:
    rng = np.random.default_rng(0)
    shared = rng.integers(0, 2**63, 600, dtype=np.uint64)
    left = np.unique(np.concatenate([shared, rng.integers(0, 2**63, 200, dtype=np.uint64)]))
    right = np.unique(np.concatenate([shared, rng.integers(0, 2**63, 200, dtype=np.uint64)]))
    estimate = float((signature(left, 256) == signature(right, 256)).mean())
    assert abs(estimate - jaccard(left, right)) < 0.08


def test_banding_finds_near_duplicates_and_skips_unrelated() -> None:
    banding = Banding(bands=32, rows=3)
    base = shingle_hashes(TEXT * 3 + ["end"], 5)
    near = shingle_hashes(TEXT * 3 + ["finish", "now"], 5)
    other = shingle_hashes(
        [
            "markets",
            "rallied",
            "as",
            "the",
            "central",
            "bank",
            "held",
            "rates",
            "steady",
            "for",
            "a",
            "third",
            "month",
        ],
        5,
    )
    signatures = [signature(h, banding.permutations) for h in (base, other, near)]
    assert candidate_pairs(signatures, banding) == {(0, 2)}
    assert 0.3 < banding.threshold < 0.32


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 40))
def test_a_bucket_of_identical_documents_gives_one_pair_per_member(copies: int) -> None:
    banding = Banding(bands=4, rows=2)
    signatures = [signature(shingle_hashes(TEXT, 5), banding.permutations)] * copies
    assert candidate_pairs(signatures, banding) == {(0, n) for n in range(1, copies)}
