"""Conflicts from the differences the checks find: which are updates."""

from __future__ import annotations

import pytest

from newsfuse.crosscheck.updates import first_is_earlier, links_as_update


@pytest.mark.parametrize(
    ("between", "linked"),
    [
        (" troops, up from previous estimates of around ", True),
        (" estimate for the drawing was the latest figure, updated from ", True),
        (" in 2008 but has spiked to ", True),
        (" cases, compared with ", True),
        (" attackers, ranging in age from ", False),
        (" miles west of the city, between current and previous search zones, and about ", False),
        (" of the seven previous ", False),
        (" of the staffers left about ", False),
    ],
)
def test_only_words_of_change_make_one_figure_an_update_of_another(
    between: str, linked: bool
) -> None:
    assert links_as_update(between) is linked


@pytest.mark.parametrize(
    ("between", "first"),
    [
        (" troops, up from previous estimates of around ", False),
        (" cases, compared with ", False),
        (" in 2008 but has spiked to ", True),
        (" earlier, and was revised to ", True),
        (" at first; the toll rose to ", True),
    ],
)
def test_the_words_of_an_update_say_which_figure_came_first(between: str, first: bool) -> None:
    assert first_is_earlier(between) is first
