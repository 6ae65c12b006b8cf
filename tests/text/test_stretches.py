"""Stretches of a text found by where they lie."""

from __future__ import annotations

from newsfuse.text.stretches import Stretches


def test_the_stretches_sharing_a_range_come_in_order_of_place() -> None:
    stretches = Stretches(
        [(50, 60, "late"), (0, 100, "whole"), (10, 20, "early"), (10, 20, "twin")]
    )
    assert [item for _, _, item in stretches.overlapping(15, 16)] == ["whole", "early", "twin"]
    assert [item for _, _, item in stretches.overlapping(20, 50)] == ["whole"]  # ends are open
    assert [item for _, _, item in stretches.overlapping(55, 120)] == ["whole", "late"]
    assert stretches.overlapping(100, 200) == []
    assert stretches.overlapping(15, 15) == []


def test_a_long_stretch_far_before_is_still_found() -> None:
    stretches = Stretches([(0, 10_000, "speech"), *((n, n + 5, n) for n in range(20, 9_000, 10))])
    found = stretches.overlapping(9_500, 9_510)
    assert [item for _, _, item in found] == ["speech"]
    assert Stretches[str]([]).overlapping(0, 10) == []
