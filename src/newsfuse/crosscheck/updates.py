"""Updates: when two reports' different versions of a fact are the news moving on, not a
contradiction: a figure a report presents as an earlier or later count, or gives beside the
other as its update; figures different people give; reports of different days; a plan
reported before the deed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from newsfuse.crosscheck.checks import Finding
from newsfuse.crosscheck.checks.numbers import figures_agree
from newsfuse.crosscheck.claims import Claim
from newsfuse.extract import own_date
from newsfuse.models import Source

# Kinds of difference that reports of different days may show as the news moves on.
_MOVING = frozenset({"number", "status"})


# Words between two figures that make the later an update of the earlier, or the reverse.
_UPDATE_LINK = re.compile(
    r"\b(?:up|down|updated|revised|raised|lowered|increased|decreased|rose|risen|fell|"
    r"fallen|dropped|jumped|climbed|spiked|soared|surged|grew|grown|declined|plunged|"
    r"rising|falling|climbing)\s+(?:from|to)\b"
    r"|\b(?:earlier|previous|prior|initial|original|first)\s+(?:\w+\s+){0,2}?"
    r"(?:estimates?|counts?|figures?|tolls?|tally|tallies|reports?|forecasts?)\b"
    r"|\bcompared (?:with|to)\b|\bfrom an? (?:earlier|previous|initial)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClaimPair:
    left: Claim
    right: Claim
    probability: float


def update_reason(pair: ClaimPair, finding: Finding, updating: list[Claim]) -> str | None:
    """Why a difference is an update over time or by who gives it, if it is one."""
    if finding.kind == "number":
        if pair.left.updates or pair.right.updates:
            return "a report gives the figure as an earlier or later count"
        if finding.left_by and finding.right_by and finding.left_by != finding.right_by:
            return f"different people give the figures ({finding.left_by}; {finding.right_by})"
        if finding.figures is not None and _stated_together(finding, updating):
            return TOLD
    if finding.kind in _MOVING:
        days = {_day(pair.left.source), _day(pair.right.source)}
        if None not in days and len(days) == 2:
            return "the reports are of different days: " + ", ".join(sorted(map(str, days)))
    over_time = _OVER_TIME.get(finding.kind)
    return over_time(pair, finding) if over_time else None


def _same_day_each_its_own(pair: ClaimPair, finding: Finding) -> str | None:
    """Two reports of different days that each name a day as far from their own ("today"
    in each, "Tuesday" and "Wednesday" the day before each): both true, the news moved on."""
    days = [own_date(pair.left.source), own_date(pair.right.source)]
    said = [finding.left, finding.right]
    if days[0] is None or days[1] is None or days[0] == days[1]:
        return None
    try:
        named = [date.fromisoformat(text) for text in said]
    except ValueError:
        return None  # several days, or a week or a month: no one day to set against
    if named[0] - days[0] != named[1] - days[1]:
        return None
    return f"the reports are of different days ({days[0]}, {days[1]}), each about its own"


def _planned_then_done(pair: ClaimPair, finding: Finding) -> str | None:
    """A plan reported first and the deed reported after it: the later report brings the
    news on ("is set to vote" at 9:00, "voted" at 15:00), by the reports' own times."""
    left, right = _time(pair.left.source), _time(pair.right.source)
    if left is None or right is None or left == right:
        return None
    planned = finding.left if left < right else finding.right
    if not planned.endswith(": planned"):
        return None
    return f"the report of a plan is the earlier: {min(left, right)}, {max(left, right)}"


_OVER_TIME: dict[str, Callable[[ClaimPair, Finding], str | None]] = {
    "status": _planned_then_done,
    "date": _same_day_each_its_own,
}


def _time(source: Source) -> str | None:
    """A report's publication time when known to the minute, as written (ISO 8601)."""
    published = source.article.published or ""
    return published[:16] if len(published) >= 16 and published[10] in "T " else None


def _stated_together(finding: Finding, updating: list[Claim]) -> bool:
    """Whether some claim presenting a figure as an update gives both figures."""
    assert finding.figures is not None
    mine, theirs = finding.figures
    return any(
        any(figures_agree(mine, f) for f in claim.figures)
        and any(figures_agree(theirs, f) for f in claim.figures)
        for claim in updating
    )


def _day(source: Source) -> str | None:
    day = own_date(source)
    return day.isoformat() if day else None


def links_as_update(between: str) -> bool:
    """Whether the words between two figures present one as an update of the other."""
    return _UPDATE_LINK.search(between) is not None


def first_is_earlier(between: str) -> bool:
    """Whether, of two figures these words link as an update, the first is the earlier:
    "dropped to 27 but has spiked to 44"; not "150,000, up from previous estimates of
    130,000" or "44 cases, compared with 27", where the second is."""
    link = _UPDATE_LINK.search(between)
    words = link.group(0).lower().split() if link else []
    return bool(words) and words[-1] == "to" and words[0] != "compared"


TOLD = "a report gives both figures, one as an update of the other"
