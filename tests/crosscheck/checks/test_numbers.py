"""Figures of one thing: the range each stands for."""

from __future__ import annotations

import pytest

from newsfuse.crosscheck.checks.numbers import figure_range, figures_agree

from . import claim


def test_a_figure_stands_for_a_range_its_qualifier_and_rounding_allow() -> None:
    [approximate] = claim("About 1,200 people came.").figures
    [open_ended] = claim("More than 30 warships sailed.").figures
    [round_figure] = claim("There were 150,000 troops.").figures
    assert figure_range(approximate) == pytest.approx((1080, 1320))
    assert figure_range(open_ended)[0] == 30
    assert figure_range(round_figure) == pytest.approx((145_000, 155_000))
    [other] = claim("There were 130,000 troops.").figures
    assert not figures_agree(round_figure, other)
