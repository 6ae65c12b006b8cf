"""Numbers: figures of the same thing whose ranges do not meet.

A figure stands for a range: "more than 30" for 30 and up, "about 1,200" for 10% either
side, a round figure for what rounds to it ("150,000": 145,000-155,000, at most 5% either
side).
"""

from __future__ import annotations

import math

from newsfuse.crosscheck.checks.finding import Finding
from newsfuse.crosscheck.claims import Claim, ClaimFigure
from newsfuse.extract import FigureMention
from newsfuse.text.lexical import stem

_APPROXIMATE = frozenset(
    {"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"}
)


_AT_LEAST = frozenset({"more than", "over", "at least", "just over"})


_AT_MOST = frozenset({"less than", "fewer than", "at most", "up to", "under", "as many as"})


_JUST_UNDER = frozenset({"nearly", "almost", "just under"})


# How far an approximate figure reaches either side, and open-ended ones beyond their value.
_APPROXIMATION = 0.1


_OPEN_END = 0.5


_JUST = 0.15


# A round figure stands for what rounds to it, but never for more than this share either side.
_ROUNDING = 0.05


# Plurals a stemmer cannot bring to their singular: "35 people" and "35 persons".
_IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
}  # fmt: skip


def figure_range(figure: ClaimFigure) -> tuple[float, float]:
    """The values a figure as written allows."""
    value, qualifier = figure.figure.value, figure.figure.qualifier
    low, high = value, value
    if qualifier in _APPROXIMATE:
        low, high = value * (1 - _APPROXIMATION), value * (1 + _APPROXIMATION)
    elif qualifier in _AT_LEAST:
        high = value * (1 + _OPEN_END)
    elif qualifier in _AT_MOST:
        low = value * (1 - _OPEN_END)
    elif qualifier in _JUST_UNDER:
        low = value * (1 - _JUST)
    if qualifier is not None:
        return low, high  # the qualifier says how far the figure reaches
    spread = min(_rounding_half_unit(figure.figure.text, value), abs(value) * _ROUNDING)
    return low - spread, high + spread


def _rounding_half_unit(text: str, value: float) -> float:
    """Half the unit of the last digit written: "150,000" is 145,000-155,000 rounded, "1.2
    million" 1.15-1.25 million, "12" 11.5-12.5."""
    if value == 0:
        return 0.5
    digits = "".join(char for char in text if char.isdigit() or char == ".")
    significant = digits.replace(".", "").strip("0") or "0"
    magnitude = math.floor(math.log10(abs(value))) + 1
    unit = 10 ** (magnitude - len(significant))
    return 0.5 * float(unit)


def figures_agree(left: ClaimFigure, right: ClaimFigure) -> bool:
    if _same_bound(left, right):
        # "up to 60" against "up to 97": both bound the figure the same way, so the
        # bounds themselves are what the reports state, and they differ.
        return _rounds_alike(left, right)
    low, high = figure_range(left)
    other_low, other_high = figure_range(right)
    return low <= other_high and other_low <= high


def _same_bound(left: ClaimFigure, right: ClaimFigure) -> bool:
    mine, theirs = left.figure.qualifier, right.figure.qualifier
    return any(mine in bound and theirs in bound for bound in (_AT_LEAST, _AT_MOST, _JUST_UNDER))


def _rounds_alike(left: ClaimFigure, right: ClaimFigure) -> bool:
    """Whether two bounds are the same figure rounded differently ("more than 1,200" and
    "more than 1,230")."""
    mine, theirs = left.figure, right.figure
    spread = max(
        min(_rounding_half_unit(mine.text, mine.value), abs(mine.value) * _ROUNDING),
        min(_rounding_half_unit(theirs.text, theirs.value), abs(theirs.value) * _ROUNDING),
    )
    return abs(mine.value - theirs.value) <= spread


def same_thing(left: ClaimFigure, right: ClaimFigure) -> bool:
    """Whether two figures count the same thing: the same counted noun or unit, however
    the recogniser split them ("4,500 metric tons" counts tons, "7,201 tons" is in tons)."""
    mine, theirs = _thing(left.figure), _thing(right.figure)
    return mine is not None and mine == theirs


def _thing(figure: FigureMention) -> str | None:
    if figure.counts:
        return _head(figure.counts)
    return _head(figure.unit) if figure.unit else None


def _head(counted: str) -> str:
    word = counted.rsplit(maxsplit=1)[-1].lower()
    return stem(_IRREGULAR_PLURALS.get(word, word))


def check(left: Claim, right: Claim) -> Finding | None:
    for mine in left.figures:
        comparable = [theirs for theirs in right.figures if same_thing(mine, theirs)]
        if not comparable or any(figures_agree(mine, theirs) for theirs in comparable):
            continue
        theirs = comparable[0]
        if any(figures_agree(other, theirs) for other in left.figures if same_thing(other, theirs)):
            continue
        return Finding(
            "number",
            mine.figure.text,
            theirs.figure.text,
            mine.given_by,
            theirs.given_by,
            (mine, theirs),
        )
    return None
